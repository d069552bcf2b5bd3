"""Batch jobs: their state, and waiting for them through the machine's shared monitor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._awaitable import AsyncCompletionAwaitable
from .._exceptions import ApiErrorStatus, JobNotFoundError, TaskFailedError
from .._job_state import JobCommand, JobState
from .._polling import DEFAULT_JOB_TIMEOUT, checked_timeout
from .._task_results import CommandResult, parse_result
from ..models import JobSacct, JobSqueue

if TYPE_CHECKING:
    from .compute import AsyncCompute

__all__ = ["AsyncJob"]

JobRow = JobSqueue | JobSacct
#: What scancel says about a job that ended before it could be cancelled.
ALREADY_ENDED = "already completing or completed"


def row_model(command: JobCommand) -> type[JobSqueue] | type[JobSacct]:
    """The model of a row in the given view."""
    return JobSacct if command is JobCommand.sacct else JobSqueue


def row_state(row: dict[str, str]) -> str | None:
    """The state text of a squeue or sacct row."""
    return row.get("state") or row.get("st")


class AsyncJob(AsyncCompletionAwaitable):
    """A job on a machine.

    Attributes: ``jobid``; ``state`` (a :class:`JobState`; ``UNKNOWN`` for a state this
    package does not know, whose text is in ``raw_state``); ``row`` (the last squeue or
    sacct row, a ``JobSqueue`` or ``JobSacct`` model, or None before the first read).
    """

    def __init__(
        self,
        compute: AsyncCompute,
        jobid: str,
        command: JobCommand = JobCommand.sacct,
        *,
        row: dict[str, str] | None = None,
        submitted_at: float | None = None,
    ) -> None:
        self.compute = compute
        self.jobid = str(jobid)
        self.command = command
        self.row: JobRow | None = None
        self.raw_state: str | None = None
        self.state = JobState.UNKNOWN
        #: When this client submitted the job (monotonic clock), for the queue-cache grace.
        self.submitted_at = submitted_at
        if row is not None:
            self.absorb(row)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(jobid={self.jobid!r}, state={self.state.value!r})"

    def absorb(self, row: dict[str, str], command: JobCommand | None = None) -> None:
        """Take the state and fields of a squeue or sacct row of this job."""
        model = row_model(command or self.command)
        self.row = model.model_validate(row)
        self.raw_state = row_state(row)
        self.state = JobState.parse(self.raw_state)

    async def update(self) -> JobState:
        """Read the job's row (squeue, falling back to sacct once it left the queue)."""
        machine = self.compute.machine
        compute_api = self.compute.client.api_client.compute
        commands = (
            [self.command] if self.command is JobCommand.sacct else [self.command, JobCommand.sacct]
        )
        for command in commands:
            try:
                answer = await compute_api.read_job(
                    machine, self.jobid, sacct=command is JobCommand.sacct
                )
            except ApiErrorStatus:
                # squeue reports a job that left the queue as an error ("Invalid job id");
                # sacct still knows it.
                if command is JobCommand.sacct:
                    raise
                continue
            rows = [r for r in answer.output if r.get("jobid") == self.jobid]
            if rows:
                self.absorb(rows[0], command)
                return self.state
        if self.compute.client._within_grace(self.submitted_at):
            self.state = JobState.PENDING if self.state is JobState.UNKNOWN else self.state
            return self.state
        raise JobNotFoundError(f"job {self.jobid} is not known on {machine.value}")

    async def complete(self, timeout: float | None = None) -> JobState:
        """Wait until the job ends (any terminal state) and return that state.

        Every job waited on at once on one machine shares one status request per poll
        round. Raises WaitTimeoutError after ``timeout`` seconds (default: a week).
        """
        limit = checked_timeout(timeout, DEFAULT_JOB_TIMEOUT)
        return await self.compute._monitor.wait(self, lambda state: state.is_terminal, limit)

    async def running(self, timeout: float | None = None) -> JobState:
        """Wait until the job runs (or has already ended); return its state then."""
        limit = checked_timeout(timeout, DEFAULT_JOB_TIMEOUT)
        return await self.compute._monitor.wait(
            self, lambda state: state.is_running or state.is_terminal, limit
        )

    async def cancel(self, wait: bool = False, timeout: float | None = None) -> None:
        """Cancel the job (scancel); with ``wait``, also wait until it has ended.

        Cancelling a job that has already ended does nothing. ``timeout`` bounds each
        wait in seconds: for scancel's answer (default 300) and, with ``wait``, for the
        job's end (default a week); WaitTimeoutError after it.
        """
        if self.state.is_terminal:
            return
        answer = await self.compute.client.api_client.compute.cancel_job(
            self.compute.machine, self.jobid
        )
        task = self.compute.client._task(answer.task_id)
        raw = await task.wait(timeout)
        result: CommandResult = parse_result(raw, CommandResult, task.task_id)
        if not result.ok:
            if ALREADY_ENDED in (result.error or ""):
                await self.update()
                return
            raise TaskFailedError(f"cancelling job {self.jobid} failed: {result.error}")
        if wait:
            await self.complete(timeout)
