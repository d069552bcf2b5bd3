"""``sfapi jobs``, ``job``, ``cancel``, ``submit``: batch jobs on a machine."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sfapi_client import JobCommand, JobState

from .. import state
from ..arguments import MachineArg
from ..errors import reported
from ..exit_codes import ExitCode
from ..output import console, emit_json, errors, styled_state, table

if TYPE_CHECKING:
    from rich.text import Text

    from sfapi_client import Job


def register(app: typer.Typer) -> None:
    for command in (jobs, job, cancel, submit):
        app.command()(reported(state.debug)(command))


def _rows(found: Sequence[Job]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for j in found:
        row = j.row.model_dump(by_alias=True) if j.row else {}
        rows.append(
            (
                j.jobid,
                row.get("name") or row.get("jobname") or "",
                row.get("user") or "",
                styled_state(j.raw_state or j.state.value),
                row.get("partition") or "",
                row.get("time") or row.get("elapsed") or "",
            )
        )
    return rows


def jobs(
    machine: MachineArg,
    user: Annotated[str | None, typer.Option(help="Only this user's jobs.")] = None,
    partition: Annotated[str | None, typer.Option(help="Only jobs in this partition.")] = None,
    sacct: Annotated[bool, typer.Option("--sacct", help="Finished jobs too (sacct).")] = False,
) -> None:
    """Jobs on a machine (squeue; sacct with --sacct)."""
    with state.current.client() as client:
        compute = client.compute(machine)
        found = compute.jobs(
            user=user, partition=partition, command=JobCommand.sacct if sacct else JobCommand.squeue
        )
    if state.current.json:
        emit_json([j.row for j in found])
        return
    table(
        f"Jobs on {machine.value}",
        ["jobid", "name", "user", "state", "partition", "time"],
        _rows(found),
    )


def job(
    machine: MachineArg,
    jobid: Annotated[str, typer.Argument(help="The job's id.")],
    sacct: Annotated[bool, typer.Option("--sacct", help="Read sacct instead of squeue.")] = False,
) -> None:
    """One job's fields."""
    with state.current.client() as client:
        found = client.compute(machine).job(jobid, JobCommand.sacct if sacct else JobCommand.squeue)
    row = found.row.model_dump(by_alias=True) if found.row else {}
    if state.current.json:
        emit_json(row)
        return
    table(
        f"Job {jobid}", ["field", "value"], [(k, v) for k, v in row.items() if v not in (None, "")]
    )


def cancel(
    machine: MachineArg,
    jobid: Annotated[str, typer.Argument(help="The job's id.")],
    wait: Annotated[bool, typer.Option("--wait", help="Wait until the job has ended.")] = False,
) -> None:
    """Cancel a job."""
    with state.current.client() as client:
        found = client.compute(machine).job(jobid)
        found.cancel(wait=wait)
        if state.current.json:
            emit_json({"jobid": jobid, "state": found.state.value})
        else:
            console.print(
                f"job {jobid}: cancel requested" + (f"; {found.state.value}" if wait else "")
            )


def submit(
    machine: MachineArg,
    script: Annotated[
        str, typer.Argument(help="Script path on the machine (or a local file with --local).")
    ],
    local: Annotated[
        bool, typer.Option("--local", help="SCRIPT is a local file whose text is sent.")
    ] = False,
    args: Annotated[
        list[str] | None, typer.Option("--args", help="An argument for the script (repeatable).")
    ] = None,
    wait: Annotated[
        bool, typer.Option("--wait", help="Wait for the job; exit code 0 only if it COMPLETED.")
    ] = False,
    timeout: Annotated[
        float | None, typer.Option(help="Seconds to wait at most with --wait.")
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="The job's name, with --local (default: the script's #SBATCH -J, else sfapi-job).",
        ),
    ] = None,
) -> None:
    """Submit a batch script; with --wait, follow it until it ends."""
    text = _local_script(Path(script)) if local else script
    with state.current.client() as client:
        submitted = client.compute(machine).submit_job(text, args=args or None, name=name)
        if not wait:
            if state.current.json:
                emit_json({"jobid": submitted.jobid})
            else:
                console.print(f"submitted job {submitted.jobid}")
            return
        final = _follow(submitted, timeout)
    if state.current.json:
        emit_json({"jobid": submitted.jobid, "state": final.value})
    else:
        console.print(f"job {submitted.jobid} ended: {final.value}")
    if final is not JobState.COMPLETED:
        raise typer.Exit(int(ExitCode.JOB_FAILED))


def _local_script(path: Path) -> str:
    """The text of a local script; an error naming the file when it cannot be read as
    UTF-8 text (the API takes scripts as text)."""
    if not path.is_file():
        raise FileNotFoundError(f"local script {path} does not exist or is not a file")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"local script {path} is not UTF-8 text: byte {exc.object[exc.start]:#04x} at "
            f"position {exc.start} (convert it, e.g. iconv -f latin1 -t utf-8)"
        ) from None
    except OSError as exc:
        raise PermissionError(f"cannot read the local script {path}: {exc.strerror}") from None


class _Progress:
    """What the live display shows while a job is waited on: its state and the time spent."""

    def __init__(self, found: Job) -> None:
        self.found = found
        self.started = time.monotonic()

    def __rich__(self) -> Text:
        from rich.text import Text

        elapsed = time.monotonic() - self.started
        state = self.found.raw_state or self.found.state.value
        return Text(f"job {self.found.jobid}: {state}  {elapsed:.0f} s")


def _follow(found: Job, timeout: float | None) -> JobState:
    """Wait for the job to end (the library's own wait), showing its state meanwhile."""
    from rich.live import Live

    with Live(_Progress(found), console=errors, transient=True, refresh_per_second=4):
        return found.complete(timeout=timeout)
