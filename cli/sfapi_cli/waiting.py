"""Waiting for jobs through the library's monitor, with live progress on a terminal.

``wait`` follows several jobs at once: each is an ``AsyncJob`` awaiting ``complete()``,
so the machine's monitor asks for all of them in one status request per poll round. A
job that cannot be followed (unknown id, an error the API answered with, the timeout)
becomes an outcome with an ``error``; a missing key or a failed connection ends the
command as any other would.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sfapi_client import (
    JobNotFoundError,
    JobState,
    Machine,
    SfApiError,
    TransportError,
    WaitTimeoutError,
)

from .failures import CREDENTIAL_ERRORS, describe
from .job_outcome import JobOutcome, outcome_of
from .output import errors, plain_text, styled_state

if TYPE_CHECKING:
    from rich.console import RenderableType

    from sfapi_client import AsyncClient, AsyncJob, Job


#: Up to this many jobs the display has a line per job; beyond, a line per state.
MAX_JOB_LINES = 10


class _Board:
    """What the live display shows: each job's state (or, for many jobs, how many are in
    each state) and the time spent waiting."""

    def __init__(self, jobs: Sequence[Job | AsyncJob]) -> None:
        self.jobs = jobs
        self.started = time.monotonic()

    def __rich__(self) -> RenderableType:
        from rich.table import Table

        elapsed = time.monotonic() - self.started
        grid = Table.grid(padding=(0, 2))
        states = [job.raw_state or job.state.value for job in self.jobs]
        if len(self.jobs) <= MAX_JOB_LINES:
            for job, raw in zip(self.jobs, states, strict=True):
                grid.add_row(plain_text(f"job {job.jobid}"), plain_text(*styled_state(raw)))
        else:
            for raw, count in Counter(states).most_common():
                grid.add_row(plain_text(f"{count} jobs"), plain_text(*styled_state(raw)))
        grid.add_row(plain_text(f"waiting {elapsed:.0f} s", "dim"), "")
        return grid


@contextmanager
def _progress(jobs: Sequence[Job | AsyncJob]) -> Iterator[None]:
    """A live, transient display of the jobs' states on stderr, on a terminal only."""
    if not errors.is_terminal:
        yield
        return
    from rich.live import Live

    with Live(_Board(jobs), console=errors, transient=True, refresh_per_second=4):
        yield


def follow_one(found: Job, timeout: float | None) -> JobState:
    """Wait for one job to end (the library's own wait), showing its state meanwhile."""
    with _progress([found]):
        return found.complete(timeout=timeout)


def wait_for(
    make_client: Callable[[], AsyncClient],
    machine: Machine,
    jobids: Sequence[str],
    timeout: float | None,
) -> list[JobOutcome]:
    """Wait for every job of ``jobids`` on ``machine`` to end; their outcomes, in order."""
    return asyncio.run(_wait_all(make_client, machine, jobids, timeout))


async def _wait_all(
    make_client: Callable[[], AsyncClient],
    machine: Machine,
    jobids: Sequence[str],
    timeout: float | None,
) -> list[JobOutcome]:
    from sfapi_client import AsyncJob

    async with make_client() as client:
        compute = await client.compute(machine)
        jobs = [AsyncJob.on(compute, jobid) for jobid in jobids]
        with _progress(jobs):
            return list(await asyncio.gather(*(_follow(job, timeout) for job in jobs)))


async def _follow(job: AsyncJob, timeout: float | None) -> JobOutcome:
    """One job's outcome: its end, or why it could not be followed to it."""
    jobid = job.jobid or ""
    try:
        final = await job.complete(timeout)
        if job.row is not None and "exitcode" not in job.row.model_fields_set:
            await job.update()  # the last row was squeue's: sacct has the exit code
    except WaitTimeoutError:
        state = job.raw_state or job.state.value
        return JobOutcome(
            jobid,
            state,
            error=f"still {state} when the wait reached its timeout",
            timed_out=True,
        )
    except JobNotFoundError:
        return JobOutcome(jobid, "UNKNOWN", error=f"not found on {job.compute.machine.value}")
    except SfApiError as exc:
        if isinstance(exc, (*CREDENTIAL_ERRORS, TransportError)):
            raise  # credentials and connections: the command's failure, not this job's
        return JobOutcome(jobid, job.raw_state or job.state.value, error=describe(exc))
    state = job.raw_state or final.value
    return outcome_of(
        jobid, state, final.is_terminal, final is JobState.COMPLETED, job.row, script=None
    )
