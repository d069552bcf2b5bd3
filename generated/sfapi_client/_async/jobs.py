# Copied from templates/static/sfapi/_async/jobs.py by `python -m generator codegen`. Do not edit here.
"""Batch jobs: their state and fields, and waiting for them through the machine's monitor.

A job is a pydantic model carrying every field of its last squeue or sacct row
(``job.nodes``, ``job.model_dump()``), beside the machine it runs on and the ways to
wait for it. The squeue and sacct job classes declare the fields of their view; the
base job class keeps whatever row it is given.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, PrivateAttr, field_validator

from .._awaitable import AsyncCompletionAwaitable
from .._exceptions import ApiErrorStatus
from .._job_keys import key_of_comment
from .._job_records import JobRecord
from .._job_state import JobCommand, JobState
from .._package import SfApiError
from .._polling import checked_timeout
from .._task_results import CommandResult, parse_result
from .._wait_timeouts import DEFAULT_JOB_TIMEOUT
from .._workflow_errors import JobNotFoundError, TaskFailedError
from ..models import JobSacct as SacctRow
from ..models import JobSqueue as SqueueRow
from .scope import scope_of

if TYPE_CHECKING:
    from .scope import AsyncMachineScope, AsyncScopeOwner

__all__ = ["AsyncJob"]

#: What scancel says about a job that ended before it could be cancelled.
ALREADY_ENDED = "already completing or completed"


def row_state(row: dict[str, str]) -> str | None:
    """The state text of a squeue or sacct row."""
    return row.get("state") or row.get("st")


class AsyncJob(BaseModel, AsyncCompletionAwaitable):
    """A job on a machine.

    Fields: ``jobid``; ``state`` (a ``JobState``: ``PENDING`` for a job this client has
    just submitted until the scheduler reports it, ``UNKNOWN`` for a state this package
    does not know, whose text is in ``raw_state``); and every field of the last
    squeue or sacct row read. ``compute`` is the machine's scope (its ``machine``,
    ``context`` and ``monitor``).

    Arguments:
        compute: the machine the job runs on (``client.compute(...)``, or its scope).
        jobid: the job's id.
        submitted_at: when this client submitted the job (the client's clock), which
            lets a wait allow for a queue that does not list the job yet.
        key: the submission key the job carries (``submit_job(key=...)``), if any.
        data: fields of a squeue or sacct row.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    #: The Slurm view this class reads (the base job class reads sacct).
    _command: ClassVar[JobCommand] = JobCommand.sacct

    jobid: str | None = None
    state: JobState = JobState.UNKNOWN

    _compute: AsyncMachineScope | None = PrivateAttr(default=None)
    _raw_state: str | None = PrivateAttr(default=None)
    _row: dict[str, str] | None = PrivateAttr(default=None)
    _row_command: JobCommand = PrivateAttr(default=JobCommand.sacct)
    _submitted_at: float | None = PrivateAttr(default=None)
    _key: str | None = PrivateAttr(default=None)

    def __init__(
        self,
        compute: AsyncMachineScope | AsyncScopeOwner | None = None,
        jobid: int | str | None = None,
        *,
        submitted_at: float | None = None,
        key: str | None = None,
        **data: Any,
    ) -> None:
        if jobid is not None:
            data["jobid"] = str(jobid)
        super().__init__(**data)
        self._compute = scope_of(compute)
        self._submitted_at = submitted_at
        self._key = key

    @field_validator("jobid", mode="before")
    @classmethod
    def _jobid_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @field_validator("state", mode="before")
    @classmethod
    def _parse_state(cls, value: object) -> object:
        # sacct says "CANCELLED by 12345", squeue "PD": both parse to a member.
        if value is None or (isinstance(value, str) and not isinstance(value, JobState)):
            return JobState.parse(value)
        return value

    def __repr__(self) -> str:
        return f"{type(self).__name__}(jobid={self.jobid!r}, state={self.state.value!r})"

    @classmethod
    def on(
        cls,
        compute: AsyncMachineScope | AsyncScopeOwner,
        jobid: int | str | None,
        *,
        submitted_at: float | None = None,
        key: str | None = None,
    ) -> Self:
        """The job ``jobid`` on ``compute``, not read yet.

        The same as ``cls(compute, jobid)``, spelt so that type checkers see the
        machine argument the pydantic fields do not declare.

        Arguments:
            compute: the machine the job runs on.
            jobid: the job's id.
            submitted_at: when this client submitted the job (the client's clock).
            key: the submission key the job carries, if any.
        """
        return cls(compute, jobid, submitted_at=submitted_at, key=key)

    @classmethod
    def submitted(
        cls, compute: AsyncMachineScope | AsyncScopeOwner, jobid: int | str, submitted_at: float
    ) -> Self:
        """A job the scheduler has just accepted: ``PENDING`` until a row says otherwise.

        sbatch queues every job it accepts, so a new job waits; a cached queue listing
        may not show it yet, and its state stays ``PENDING`` (not ``UNKNOWN``) meanwhile.

        Arguments:
            compute: the machine the job was submitted to.
            jobid: the id sbatch answered.
            submitted_at: when this client submitted the job (the client's clock).
        """
        job = cls.on(compute, jobid, submitted_at=submitted_at)
        job.state = JobState.PENDING
        return job

    @classmethod
    def from_row(
        cls,
        compute: AsyncMachineScope | AsyncScopeOwner,
        row: dict[str, str],
        *,
        submitted_at: float | None = None,
    ) -> Self:
        """The job a squeue or sacct row of this class's view describes."""
        job = cls.on(compute, row.get("jobid"), submitted_at=submitted_at)
        job.absorb(row, cls._command)
        return job

    @property
    def compute(self) -> AsyncMachineScope:
        """The scope of the machine the job runs on: its ``machine``, ``context``,
        ``monitor`` and ``ls()``."""
        if self._compute is None:
            raise ValueError("this job was made without a machine: pass compute=")
        return self._compute

    @property
    def raw_state(self) -> str | None:
        """The state as the scheduler wrote it (``CANCELLED by 12345``, a new state...)."""
        if self._raw_state is not None:
            return self._raw_state
        return None if self.state is JobState.UNKNOWN else self.state.value

    @property
    def submitted_at(self) -> float | None:
        """When this client submitted the job (the context's clock), for the queue grace."""
        return self._submitted_at

    @property
    def key(self) -> str | None:
        """The submission key the job carries in its comment (``submit_job(key=...)``),
        or None."""
        if self._key is None and self._row is not None:
            self._key = key_of_comment(self._row.get("comment"))
        return self._key

    @key.setter
    def key(self, value: str | None) -> None:
        self._key = value

    @property
    def row(self) -> SqueueRow | SacctRow | None:
        """The last squeue or sacct row read, as its row model."""
        if self._row is None:
            return None
        model = SacctRow if self._row_command is JobCommand.sacct else SqueueRow
        return model.model_validate(self._row)

    def record(self) -> dict[str, str | None]:
        """A small JSON-able record of the job, from which ``compute.attach()`` makes
        it again in another process: ``machine``, ``jobid``, ``key`` (its submission
        key, or None) and ``submitted_at`` (when this client submitted it, ISO-8601
        in UTC, or None for a job it did not submit).

        A wait on the re-attached job allows for a queue listing that does not show
        it yet for the same grace, counted from ``submitted_at``.
        """
        compute = self.compute
        wall: float | None = None
        if self._submitted_at is not None:
            context = compute.context
            wall = context.wall_clock() - (context.clock() - self._submitted_at)
        return JobRecord(compute.machine.value, self._id(), self.key, wall).as_dict()

    def _id(self) -> str:
        if not self.jobid:
            raise ValueError("this job has no jobid")
        return self.jobid

    def absorb(self, row: dict[str, str], command: JobCommand | None = None) -> None:
        """Take the state and fields of a squeue or sacct row of this job.

        A row of the other view than the class's own changes only the state, since the
        two views name their fields differently.
        """
        view = command or self._command
        self._row, self._row_command = dict(row), view
        self._raw_state = row_state(row)
        if view is self._command or type(self) is AsyncJob:
            # One validation of the whole row, then its values taken over at once: a
            # monitor round absorbs a row per waiting job, setattr per field is too slow.
            fresh = type(self).model_validate(row)
            self.__dict__.update(fresh.__dict__)
            self.__pydantic_fields_set__.update(fresh.model_fields_set)
            if self.__pydantic_extra__ is not None and fresh.__pydantic_extra__:
                self.__pydantic_extra__.update(fresh.__pydantic_extra__)
        self.state = JobState.parse(self._raw_state)

    async def update(self) -> JobState:
        """Read the job's row (squeue, falling back to sacct once it left the queue)."""
        compute = self.compute
        jobid = self._id()
        commands = (
            [self._command]
            if self._command is JobCommand.sacct
            else [self._command, JobCommand.sacct]
        )
        for command in commands:
            try:
                answer = await compute.context.api.compute.read_job(
                    compute.machine, jobid, sacct=command is JobCommand.sacct
                )
            except ApiErrorStatus:
                # squeue reports a job that left the queue as an error ("Invalid job id");
                # sacct still knows it.
                if command is JobCommand.sacct:
                    raise
                continue
            rows = [r for r in answer.output if r.get("jobid") == jobid]
            if rows:
                self.absorb(rows[0], command)
                return self.state
        if compute.context.within_grace(self._submitted_at):
            if self.state is JobState.UNKNOWN:
                self.state = JobState.PENDING
            return self.state
        raise JobNotFoundError(f"Job not found: {jobid} (on {compute.machine.value})")

    async def complete(self, timeout: float | None = None) -> JobState:
        """Wait until the job ends (any terminal state) and return that state.

        Every job waited on at once on one machine shares one status request per poll
        round.

        Arguments:
            timeout: seconds to wait (default: a week).

        Raises:
            WaitTimeoutError: after ``timeout`` (a ``TimeoutError``).
        """
        limit = checked_timeout(timeout, DEFAULT_JOB_TIMEOUT)
        return await self.compute.monitor.wait(self, lambda state: state.is_terminal, limit)

    async def running(self, timeout: float | None = None) -> JobState:
        """Wait until the job runs, and return its state.

        Arguments:
            timeout: seconds to wait (default: a week).

        Raises:
            SfApiError: the job ended without being seen running.
            WaitTimeoutError: after ``timeout``.
        """
        limit = checked_timeout(timeout, DEFAULT_JOB_TIMEOUT)
        state = await self.compute.monitor.wait(
            self, lambda state: state.is_running or state.is_terminal, limit
        )
        if state.is_terminal:
            raise SfApiError(f"Job never entered the running state, end state was: {state.value}")
        return state

    async def cancel(self, wait: bool = False, timeout: float | None = None) -> None:
        """Cancel the job (scancel); with ``wait``, also wait until it has ended.

        Cancelling a job that has already ended does nothing.

        Arguments:
            wait: also wait until the job has ended.
            timeout: seconds each wait may take: for scancel's answer (default 300)
                and, with ``wait``, for the job's end (default a week).

        Raises:
            TaskFailedError: scancel failed.
            WaitTimeoutError: after ``timeout``.
        """
        if self.state.is_terminal:
            return
        compute = self.compute
        answer = await compute.context.api.compute.cancel_job(compute.machine, self._id())
        task = compute.context.task(answer.task_id)
        raw = await task.wait(timeout)
        result: CommandResult = parse_result(raw, CommandResult, task.task_id)
        if not result.ok:
            if ALREADY_ENDED in (result.error or ""):
                await self.update()
                return
            raise TaskFailedError(f"cancelling job {self.jobid} failed: {result.error}")
        if wait:
            await self.complete(timeout)

    # Last in the class: inside the class body, ``dict`` names this method from here on.
    def dict(  # type: ignore[override]
        self, *, exclude: Any = None, by_alias: bool = False, exclude_none: bool = False
    ) -> builtins.dict[str, Any]:
        """The job's fields (pydantic's ``model_dump``, without a deprecation warning).

        Arguments:
            exclude: fields to leave out.
            by_alias: name fields by their aliases (squeue's and sacct's column names).
            exclude_none: leave out fields that are None.
        """
        return self.model_dump(exclude=exclude, by_alias=by_alias, exclude_none=exclude_none)


class AsyncJobSqueue(AsyncJob, SqueueRow):
    """A job read from squeue (the live queue): the fields of a squeue row."""

    _command: ClassVar[JobCommand] = JobCommand.squeue


class AsyncJobSacct(AsyncJob, SacctRow):
    """A job read from sacct (the accounting database): the fields of an sacct row."""

    _command: ClassVar[JobCommand] = JobCommand.sacct


def job_class(command: JobCommand) -> type[AsyncJobSqueue] | type[AsyncJobSacct]:
    """The job class of a Slurm view."""
    return AsyncJobSacct if JobCommand(command) is JobCommand.sacct else AsyncJobSqueue
