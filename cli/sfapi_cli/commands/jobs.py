"""``sfapi jobs``, ``job``, ``cancel``, ``submit``, ``wait``: batch jobs on a machine."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sfapi_client import JobCommand, JobState
from sfapi_client._callbacks import Callbacks, checked_callbacks

from .. import state
from ..arguments import MachineArg
from ..errors import reported
from ..exit_codes import ExitCode
from ..failures import CommandError, doing
from ..global_options import CommandWithGlobals
from ..job_outcome import JobOutcome, outcome_of
from ..output import emit_json, say, styled_state, table

if TYPE_CHECKING:
    from sfapi_client import Job


def register(app: typer.Typer) -> None:
    for command in (jobs, job, cancel, submit, wait):
        app.command(cls=CommandWithGlobals)(reported(state.debug)(command))


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
    with state.current.client() as client, doing(f"cannot list the jobs on {machine.value}"):
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
    with state.current.client() as client, doing(f"cannot read job {jobid} on {machine.value}"):
        found = client.compute(machine).job(jobid, JobCommand.sacct if sacct else JobCommand.squeue)
    row = found.row.model_dump(by_alias=True) if found.row else {}
    if state.current.json:
        emit_json(row)
        return
    table(
        f"Job {jobid}", ["field", "value"], [(k, v) for k, v in row.items() if v not in (None, "")]
    )
    if found.state.is_terminal:  # how it ended, as submit --wait and wait say it
        _print_outcomes([_outcome(found, found.state, None)])


def cancel(
    machine: MachineArg,
    jobid: Annotated[str, typer.Argument(help="The job's id.")],
    wait: Annotated[bool, typer.Option("--wait", help="Wait until the job has ended.")] = False,
) -> None:
    """Cancel a job."""
    with state.current.client() as client, doing(f"cannot cancel job {jobid} on {machine.value}"):
        found = client.compute(machine).job(jobid)
        found.cancel(wait=wait)
        if state.current.json:
            emit_json({"jobid": jobid, "state": found.state.value})
        else:
            say(f"job {jobid}: cancel requested" + (f"; {found.state.value}" if wait else ""))


class ScriptCheck(StrEnum):
    """What ``submit`` does with a script text the lint finds would be refused."""

    warn = "warn"
    refuse = "refuse"
    off = "off"


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
    idempotency_key: Annotated[
        str | None,
        typer.Option(
            "--idempotency-key",
            metavar="KEY",
            help="Submit at most once per KEY (1-128 of letters, digits and ._:-): "
            "if a job carrying KEY exists, follow that job instead. (The global --key "
            "names the key file.)",
        ),
    ] = None,
    callback_url: Annotated[
        str | None,
        typer.Option(
            "--callback-url",
            help="A URL (http or https) the service POSTs to when the job ends.",
        ),
    ] = None,
    callback_email: Annotated[
        str | None,
        typer.Option("--callback-email", help="An e-mail address told when the job ends."),
    ] = None,
    callback_timeout: Annotated[
        int | None,
        typer.Option(
            "--callback-timeout",
            help="Seconds the service waits for --callback-url to answer (1 to 3600).",
        ),
    ] = None,
    check: Annotated[
        ScriptCheck,
        typer.Option(
            "--check",
            case_sensitive=False,
            help="For a script text (--local, or a path with --idempotency-key) that sbatch "
            "or NERSC's policy would refuse: warn and send it, refuse to send it, or off.",
        ),
    ] = ScriptCheck.warn,
) -> None:
    """Submit a batch script; with --wait, follow it until it ends."""
    _check_timeout(timeout)
    callbacks = _callbacks(callback_url, callback_email, callback_timeout)
    text = _local_script(Path(script)) if local else script
    with state.current.client() as client:
        with (
            doing(f"cannot submit {script} on {machine.value}"),
            _remote_script(script, local, machine.value),
        ):
            submitted = client.compute(machine).submit_job(
                text,
                args=args or None,
                name=name,
                key=idempotency_key,
                callback_url=callbacks.url,
                callback_email=callbacks.email,
                callback_timeout=callbacks.timeout,
                check=check.value,
            )
        if not wait:
            if state.current.json:
                emit_json({"jobid": submitted.jobid})
            else:
                say(f"submitted job {submitted.jobid}")
            return
        from ..waiting import follow_one  # asyncio and the live display: not for --help

        with doing(f"cannot follow job {submitted.jobid} on {machine.value}"):
            final = follow_one(submitted, timeout)
            outcome = _ended(submitted, final, text if local else None)
    if state.current.json:
        emit_json(outcome.as_json())
    else:
        _print_outcomes([outcome])
    if final is not JobState.COMPLETED:
        raise typer.Exit(int(ExitCode.JOB_FAILED))


def wait(
    machine: MachineArg,
    jobids: Annotated[list[str], typer.Argument(help="The ids of the jobs to wait for.")],
    timeout: Annotated[
        float | None, typer.Option(help="Seconds to wait at most for all the jobs.")
    ] = None,
) -> None:
    """Wait until jobs end; exit 0 only if all COMPLETED.

    Exit codes: 0 every job COMPLETED; 10 a job ended in another state (FAILED,
    CANCELLED, TIMEOUT...); 4 the wait reached --timeout first; 1 a job could not be
    read (an unknown id). With several outcomes, the first of 1, 10, 4 applies.
    """
    _check_timeout(timeout)
    wanted = list(dict.fromkeys(jobids))
    for jobid in wanted:
        _check_jobid(jobid)
    from ..waiting import wait_for  # asyncio and the live display: not for --help

    with doing(f"cannot wait for jobs on {machine.value}"):
        outcomes = wait_for(state.current.async_client, machine, wanted, timeout)
    if state.current.json:
        emit_json([o.as_json() for o in outcomes])
    else:
        _print_outcomes(outcomes)
    code = _wait_exit_code(outcomes)
    if code is not ExitCode.OK:
        raise typer.Exit(int(code))


def _wait_exit_code(outcomes: Sequence[JobOutcome]) -> ExitCode:
    """The exit code of ``wait``: 1 unreadable, else 10 failed, else 4 timed out, else 0."""
    if any(o.error is not None and not o.timed_out for o in outcomes):
        return ExitCode.API_ERROR
    if any(o.ended and not o.completed for o in outcomes):
        return ExitCode.JOB_FAILED
    if any(o.timed_out for o in outcomes):
        return ExitCode.TIMEOUT
    return ExitCode.OK


def _check_timeout(timeout: float | None) -> None:
    """A wait's ``--timeout`` is a positive number of seconds, checked before any request."""
    if timeout is not None and not timeout > 0:
        raise CommandError(
            f"--timeout must be a positive number of seconds, not {timeout:g}", ExitCode.USAGE
        )


def _callbacks(url: str | None, email: str | None, timeout: int | None) -> Callbacks:
    """The callback options, checked as the library checks them, before any request."""
    try:
        return checked_callbacks(
            url,
            email,
            timeout,
            names=("--callback-url", "--callback-email", "--callback-timeout"),
        )
    except ValueError as exc:
        raise CommandError(str(exc), ExitCode.USAGE) from None


def _check_jobid(jobid: str) -> None:
    """A Slurm job id (``123``, an array task ``123_4``, a het job part ``123+1``), or a
    usage error before any request."""
    if not (
        jobid[:1].isdigit() and jobid.isascii() and all(c.isdigit() or c in "_+" for c in jobid)
    ):
        raise CommandError(
            f"{jobid!r} is not a job id (digits, as sbatch printed it)", ExitCode.USAGE
        )


def _ended(found: Job, final: JobState, script: str | None) -> JobOutcome:
    """The outcome of a job that ended, its sacct row read again if the last row read
    was squeue's (which has no exit code)."""
    if found.row is not None and "exitcode" not in found.row.model_fields_set:
        found.update()
    return _outcome(found, final, script)


def _outcome(found: Job, final: JobState, script: str | None) -> JobOutcome:
    """The outcome of ``found`` from the row it holds."""
    jobid = found.jobid or ""
    raw = found.raw_state or final.value
    completed = final is JobState.COMPLETED
    return outcome_of(jobid, raw, final.is_terminal, completed, found.row, script)


def _print_outcomes(outcomes: Sequence[JobOutcome]) -> None:
    for outcome in outcomes:
        say(outcome.summary())
        line = outcome.output_line()
        if line is not None and outcome.error is None:
            say(line)


@contextmanager
def _remote_script(script: str, local: bool, machine: str) -> Iterator[None]:
    """Inside it, a script path the machine does not have is a usage error; when a local
    file of that name exists (also for a relative path), with a hint at ``--local``."""
    try:
        yield
    except (FileNotFoundError, ValueError) as error:
        if local:
            raise
        here = Path(script).is_file()
        if isinstance(error, FileNotFoundError):
            message = f"job script {script} not found on {machine}"
        elif here and not script.startswith("/"):
            # The library's own advice (Python code) gives way to the hint at --local.
            message = (
                f"job script {script!r} is neither an absolute path on the machine nor a "
                "script text (which starts with '#!')"
            )
        elif here:
            message = str(error)
        else:
            raise
        hint = f"hint: {script} is a local file; add --local to submit its text" if here else None
        raise CommandError(message, ExitCode.USAGE, hint=hint) from error


def _local_script(path: Path) -> str:
    """The text of a local script; an error naming the file when it cannot be read as
    UTF-8 text (the API takes scripts as text) or has no ``#!`` line (sbatch needs one)."""
    if not path.is_file():
        raise FileNotFoundError(f"local script {path} does not exist or is not a file")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"local script {path} is not UTF-8 text: byte {exc.object[exc.start]:#04x} at "
            f"position {exc.start} (convert it, e.g. iconv -f latin1 -t utf-8)"
        ) from None
    except OSError as exc:
        raise PermissionError(f"cannot read the local script {path}: {exc.strerror}") from None
    if not text.startswith("#!"):
        # As sbatch: the first line names the interpreter that runs the script.
        raise ValueError(
            f"local script {path} does not start with '#!': a job script's first line names "
            "its interpreter, such as #!/bin/bash"
        )
    return text
