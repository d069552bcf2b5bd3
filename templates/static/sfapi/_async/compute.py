"""A machine: its status, and the jobs, files and commands on it."""

from __future__ import annotations

import logging
import shlex
from collections.abc import Mapping, Sequence

from .._job_keys import checked_key_prefix
from .._job_records import JobRecord
from .._job_state import JobCommand
from .._package import LOGGER_NAME
from .._polling import checked_timeout
from .._remote_paths import checked_remote_path
from .._scripts import checked_text
from .._wait_timeouts import DEFAULT_SUBMIT_TIMEOUT
from .._workflow_errors import InvalidArgumentError, MachineUnavailableError
from ..models import Outage, PublicHost, StatusValue, SystemStatus
from .context import AsyncContext
from .jobs import AsyncJob, AsyncJobSacct, AsyncJobSqueue, job_class
from .keys import job_of_row, keyed_listing
from .monitor import AsyncJobMonitor
from .paths import AsyncRemotePath
from .scope import AsyncMachineScope
from .submission import submit
from .tasks import AsyncCommandTask

__all__ = ["AsyncCompute"]

logger = logging.getLogger(LOGGER_NAME)


class AsyncCompute:
    """A machine reached through the API, as ``client.compute(Machine.perlmutter)`` gives it.

    Attributes from the machine's status: ``name``, ``full_name``, ``description``,
    ``system_type``, ``notes``, ``status`` and ``updated_at``. Job and file work is
    refused (``MachineUnavailableError``) while the status is ``unavailable``. ``monitor`` batches the waits on this machine's jobs.

    Arguments:
        context: the client's shared state (connections, poll intervals), which the
            client passes.
        machine: the machine.
        status: its status as last read.
    """

    def __init__(self, context: AsyncContext, machine: PublicHost, status: SystemStatus) -> None:
        self.context = context
        self.machine = machine
        """The machine, as the API names it."""
        self._status = status
        self.monitor = AsyncJobMonitor(context, machine)
        """What waits on this machine's jobs: one status request per poll round for all."""
        self.scope = AsyncMachineScope(machine, context, self.monitor, self.ls)
        """What the machine's jobs, paths, tasks and submissions need of it."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.machine.value!r}, status={self.status.value!r})"

    @property
    def name(self) -> str:
        """The machine's short name."""
        return self._status.name

    @property
    def full_name(self) -> str | None:
        """The machine's full name."""
        return self._status.full_name

    @property
    def description(self) -> str | None:
        """What the status says of the machine now."""
        return self._status.description

    @property
    def system_type(self) -> str | None:
        """The kind of system (compute, filesystem, service...)."""
        return self._status.system_type

    @property
    def notes(self) -> list[str]:
        """The notes of the status (why it is degraded, for instance)."""
        return list(self._status.notes or [])

    @property
    def status(self) -> StatusValue:
        """``active``, ``degraded``, ``unavailable`` or ``other``, as last read."""
        return self._status.status

    @property
    def updated_at(self) -> object:
        """When the service last changed the status."""
        return self._status.updated_at

    def _check_available(self) -> None:
        if self.status is StatusValue.unavailable:
            why = "; ".join(self.notes) or self.description or "no reason given"
            raise MachineUnavailableError(f"{self.machine.value} is unavailable: {why}")

    async def update(self) -> StatusValue:
        """Read the machine's status again."""
        self._status = await self.context.api.status.read_status_for_system(self.machine.value)
        return self.status

    def absorb_status(self, status: SystemStatus) -> None:
        """Take a status of this machine read elsewhere (the client's ``compute()``)."""
        self._status = status

    async def outages(self) -> list[Outage]:
        """Past and current outages of this machine."""
        return await self.context.api.status.read_outages_for_system(self.machine.value)

    async def planned_outages(self) -> list[Outage]:
        """Planned outages of this machine."""
        return await self.context.api.status.read_planned_outages_for_system(self.machine.value)

    async def submit_job(
        self,
        script: str | AsyncRemotePath,
        args: list[str] | None = None,
        timeout: float | None = None,
        *,
        name: str | None = None,
        key: str | None = None,
    ) -> AsyncJob:
        """Submit a batch job and return it once the scheduler accepted it.

        A script text is sent as it is, with two directives added after its ``#!``
        line: a ``--comment`` tag (to find the job again if the answer is lost) and a
        job name.

        With a ``key``, the submission is idempotent across processes and computers:
        the key goes into the job's comment (``sfapi-key:<key>``, after the script's
        own directives, so it wins over a comment the script sets), and the
        submission first looks for the key's job — the lowest job id carrying it
        among the user's jobs that a fresh squeue answer lists (queued or running)
        or a fresh sacct answer lists as submitted in the last 7 days — and returns
        that job, submitting nothing. Two submissions
        racing with one key may both submit; each then lists the key's jobs again,
        and the younger job is cancelled, so both return the job with the lowest id.
        A duplicate lives from its creation to its submitter's check (a few seconds);
        if that submitter dies in between, the next submission with the key cancels
        it. A key names one unit of work: once its job has ended (even failed or
        cancelled), submitting with the key returns that ended job; use a new key to
        run the work again.

        With a script path, the service runs ``sbatch <path> <args>`` and no option
        can be added to it, so a keyed submission reads the script (one download)
        and submits its text with the key, ``#SBATCH --chdir=<the script's folder>``
        (unless the script sets its own) and the job named after the file (unless the
        script names it): the job runs where ``sbatch <path>`` would run it, as Slurm
        runs a copy of the script in any case. ``SLURM_SUBMIT_DIR`` is then the
        service's submission folder rather than the script's; ``args`` cannot be
        given (the service passes them to a script path only).

        Arguments:
            script: the path of a script on the machine (checked to be a file), a
                script text starting with ``#!``, or a remote path.
            args: arguments of the script; for a script path only.
            timeout: seconds the whole submission may take (default 300): the script
                check, the request, any reconciliation and the wait for the
                scheduler's answer.
            name: the job's name, for a script text: it wins over the script's own
                ``#SBATCH -J``; without either, the job is named ``sfapi-job``.
            key: an idempotency key for the submission: 1 to 128 letters, digits
                and ``._:-`` (``flow-42.task-7``, ``run:2024-06-01``).

        Raises:
            InvalidArgumentError: for a relative or malformed script path, an empty
                script, ``args`` with a script text or ``name`` with a script path,
                a malformed ``key``, or ``args`` with a ``key`` (also a ValueError),
                before any request.
            JobScriptNotFoundError: the path is not a file on the machine (also a
                FileNotFoundError).
            JobScriptIsADirectoryError: the path is a directory.
            JobSubmissionError: the scheduler refused the job (with sbatch's message).
            JobNotCreatedError: the submission failed and no job was made (submitting
                again is safe).
            SubmissionOutcomeUnknownError: the answer was lost and the job could not
                be found.
            WaitTimeoutError: after ``timeout``.
        """
        self._check_available()
        limit = checked_timeout(timeout, DEFAULT_SUBMIT_TIMEOUT)
        return await submit(self.scope, script, args, limit, name, key)

    async def job(
        self,
        jobid: int | str,
        command: JobCommand = JobCommand.sacct,
    ) -> AsyncJobSacct | AsyncJobSqueue:
        """The job ``jobid``, read from sacct (default) or squeue.

        Arguments:
            jobid: the job's id.
            command: the Slurm view to read it from: ``sacct`` (every job, also ended
                ones) or ``squeue`` (jobs still queued or running).

        Raises:
            JobNotFoundError: for an unknown id (message ``Job not found: <jobid> ...``).
        """
        self._check_available()
        job = job_class(command).on(self.scope, jobid)
        await job.update()
        return job

    def attach(self, record: Mapping[str, object]) -> AsyncJobSqueue:
        """The job a ``job.record()`` describes, made again (in this or another process)
        without a request; its state is ``UNKNOWN`` until read or waited on.

        A wait on it (``complete()``, ``running()``) goes through this machine's
        monitor, as for any job, and allows for a queue listing that does not show
        the job yet for the client's queue grace counted from the record's
        ``submitted_at``, as it would have in the process that submitted it.

        Arguments:
            record: the dict ``job.record()`` gave (after a JSON round trip too).

        Raises:
            InvalidArgumentError: the record lacks an entry, holds a malformed one,
                or names another machine (also a ValueError).
        """
        parsed = JobRecord.parse(record)
        if parsed.machine != self.machine.value:
            raise InvalidArgumentError(
                f"the job record is of {parsed.machine}, not of {self.machine.value}: "
                f"attach it with client.compute({parsed.machine!r})"
            )
        submitted_at = None
        if parsed.submitted_at is not None:
            context = self.context
            age = max(context.wall_clock() - parsed.submitted_at, 0.0)
            submitted_at = context.clock() - age
        return AsyncJobSqueue.on(
            self.scope, parsed.jobid, submitted_at=submitted_at, key=parsed.key
        )

    async def jobs_by_key(self, prefix: str = "") -> list[AsyncJobSqueue]:
        """The user's jobs whose submission key starts with ``prefix``: for each key,
        the job ``submit_job(key=...)`` would return (the lowest job id carrying it
        among the queued and running jobs and those sacct lists as submitted in the
        last 7 days), in key order, live and ended ones alike.

        For recovery after a crash: a workflow that gives its submissions keys with
        a common prefix (``run-17.``) finds every job it made without any record of
        its own. Reads fresh squeue and sacct answers (two requests).

        Arguments:
            prefix: the start of the keys (empty: every keyed job).

        Raises:
            InvalidArgumentError: ``prefix`` is not a start of a valid key.
        """
        checked_key_prefix(prefix)
        self._check_available()
        groups = await keyed_listing(self.scope, prefix, exact=False)
        return [job_of_row(self.scope, *rows[0], key) for key, rows in groups.items()]

    async def jobs(
        self,
        jobids: list[int | str] | None = None,
        user: str | None = None,
        partition: str | None = None,
        command: JobCommand = JobCommand.squeue,
    ) -> list[AsyncJobSacct] | list[AsyncJobSqueue]:
        """Jobs on the machine, filtered by id, user and partition.

        Each job carries every field of its row: squeue's columns by default, sacct's
        with ``command=sacct``.

        Arguments:
            jobids: only these jobs.
            user: only this user's jobs.
            partition: only jobs of this partition.
            command: the Slurm view to read: ``squeue`` (default; queued and running
                jobs) or ``sacct`` (also ended ones).
        """
        self._check_available()
        command = JobCommand(command)
        filters = []
        if jobids:
            filters.append("jobid=" + ",".join(str(j) for j in jobids))
        if user:
            filters.append(f"user={user}")
        if partition:
            filters.append(f"partition={partition}")
        answer = await self.context.api.compute.read_jobs(
            self.machine, sacct=command is JobCommand.sacct, kwargs=filters or None
        )
        if command is JobCommand.sacct:
            return [AsyncJobSacct.from_row(self.scope, row) for row in answer.output]
        return [AsyncJobSqueue.from_row(self.scope, row) for row in answer.output]

    async def ls(
        self,
        path: str | AsyncRemotePath,
        directory: bool = False,
    ) -> list[AsyncRemotePath]:
        """``ls -l`` of ``path``: a directory's entries, or the file itself.

        Every entry of a directory is a path inside it: an entry whose name is not one
        name in that folder (empty, ``.``/``..`` beyond the folder's own two, holding a
        ``/``, a control character or invalid text) is left out of the list and logged
        as a WARNING on the ``sfapi_client`` logger; the other entries are listed.

        Arguments:
            path: a path on the machine.
            directory: return a directory as itself rather than list its entries.

        Raises:
            ApiErrorStatus: for a missing path, with the service's message.
        """
        self._check_available()
        base = AsyncRemotePath(str(path), self.scope)
        _, base_path = base.located()
        answer = await self.context.api.utilities.ls(self.machine, base_path)
        by_name = {entry.name: entry for entry in answer.entries}
        if "." not in by_name:
            return [AsyncRemotePath(base.path, self.scope, entry) for entry in answer.entries[:1]]
        if directory:
            return [AsyncRemotePath(base.path, self.scope, by_name["."])]
        listed = []
        own = {".": 0, "..": 0}  # the folder itself and its parent, listed once each
        for entry in answer.entries:
            raw = entry.name or ""
            if raw in own and own[raw] == 0:
                own[raw] += 1
                continue
            name, problem = _entry_name(raw)
            if problem:
                logger.warning(
                    "ls of %s on %s: entry %r left out: %s",
                    base.path,
                    self.machine.value,
                    raw[:200],
                    problem,
                )
                continue
            listed.append(AsyncRemotePath(base.path / name, self.scope, entry))
        return listed

    async def run(
        self,
        command: str | Sequence[str] | AsyncRemotePath,
        timeout: float | None = None,
    ) -> str:
        """Run a command on a login node and return its output.

        Arguments:
            command: a command line, a list of arguments (quoted for the shell here),
                or a remote path to run.
            timeout: seconds to wait for the command to end (default 300).

        Raises:
            TaskFailedError: the command failed.
            WaitTimeoutError: it has not ended after ``timeout``.
        """
        task = await self.run_task(command)
        return await task.complete(timeout)

    async def run_task(self, command: str | Sequence[str] | AsyncRemotePath) -> AsyncCommandTask:
        """Start a command and return its task.

        ``task.settle()`` waits until it ended (its ``status`` and ``result`` then tell
        how); ``task.complete()`` waits and gives the output.

        Arguments:
            command: a command line, a list of arguments (quoted for the shell here),
                or a remote path to run.
        """
        self._check_available()
        line = command_line(command)
        answer = await self.context.api.utilities.run_command(self.machine, executable=line)
        return AsyncCommandTask(self.scope, answer.task_id)


def command_line(command: str | Sequence[str] | AsyncRemotePath) -> str:
    """The shell line for ``command``; ValueError for an empty one or one that cannot be sent."""
    if isinstance(command, AsyncRemotePath):
        line = shlex.quote(str(command.path))
    elif isinstance(command, str):
        line = command
    else:
        if not all(isinstance(part, str) for part in command):
            raise TypeError("a command given as a list must hold strings only")
        line = shlex.join(command)
    if not line.strip():
        raise ValueError("the command is empty")
    checked_text(line, "the command")
    return line


def _entry_name(raw: str) -> tuple[str, str]:
    """The name a directory entry gives inside its folder (``link -> target`` names
    ``link``), and what is wrong with it ("" when it is one usable name)."""
    name = raw.split(" -> ", 1)[0]
    if not name:
        return name, "an empty name"
    if name in (".", ".."):
        return name, f"a second {name!r} entry"
    if "/" in name:
        return name, "a name holding '/' would be a path outside the folder"
    try:
        checked_remote_path(name, "entry name", absolute=False)
    except ValueError as exc:
        return name, str(exc)
    return name, ""
