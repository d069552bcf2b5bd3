"""Submitting a job exactly once, even when the answer to the submission is lost.

A submission is not idempotent, so the transport never retries it once it may have
reached the server. When such an ambiguous failure happens (a timeout, a dropped
connection or a 5xx after sending), this module reconciles: it looks for the job the
request may have created — by the tag line added to an inline script, or by the script
path and the submission time — and returns it; it submits again only when it is sure
that no job was created, and otherwise raises an error that says how to check.

With a submission key (``key=``) the guarantee reaches across processes: the key goes
into the job's comment, a submission first looks for the job of its key (``keys``) and
returns it, and after submitting it settles any race with another submission of the
same key (the lowest job id wins; the others are cancelled).
"""

from __future__ import annotations

import time
from enum import Enum
from typing import TYPE_CHECKING

import httpx2

from .._deadline import waiting
from .._exceptions import ApiErrorStatus, ServerError, TransportError, WaitTimeoutError
from .._job_keys import checked_key
from .._job_state import JobCommand
from .._package import SfApiError
from .._polling import Deadline
from .._retry import retry_delay
from .._scripts import (
    DEFAULT_JOB_NAME,
    JOB_NAME_PATTERN,
    InlineScript,
    checked_path,
    checked_text,
    is_inline,
    tagged,
)
from .._task_results import SubmissionResult, parse_result, server_id
from .._workflow_errors import (
    InvalidArgumentError,
    JobNotCreatedError,
    JobScriptIsADirectoryError,
    JobScriptNotFoundError,
    JobSubmissionError,
    SubmissionOutcomeUnknownError,
)
from ..models import TaskStatus
from .jobs import AsyncJob, AsyncJobSqueue
from .keys import find_keyed, settle_key
from .paths import AsyncRemotePath

if TYPE_CHECKING:
    from .scope import AsyncMachineScope

__all__: list[str] = []

#: Fresh (uncached) lookups reconciliation makes before it may decide that no job exists.
RECONCILE_ROUNDS = 3
#: Lookups after which it gives up waiting for the user's pending tasks to run.
RECONCILE_MAX_ROUNDS = 30
#: Clock skew allowed between this machine and the scheduler when matching submit times.
SUBMIT_TIME_SLACK = 120.0
#: The shortest wait handed on (a timeout must be positive; the deadline ends it anyway).
MIN_WAIT = 0.001
#: The largest script file a keyed submission reads to send as text (bytes).
MAX_KEYED_SCRIPT_BYTES = 1024 * 1024
#: Characters a script's folder may not hold when it goes into ``#SBATCH --chdir``.
_UNSAFE_IN_DIRECTIVE = frozenset(" \t\"'#\\$`")


def _never_sent(error: TransportError) -> bool:
    """True when the request surely did not reach the server (the connection never opened)."""
    return isinstance(
        error.__cause__, httpx2.ConnectError | httpx2.ConnectTimeout | httpx2.PoolTimeout
    )


async def submit(
    scope: AsyncMachineScope,
    script: str | AsyncRemotePath,
    args: list[str] | None,
    timeout: float,
    name: str | None = None,
    key: str | None = None,
) -> AsyncJob:
    """Submit ``script`` (a path on the machine, a ``#!`` script text, or a remote path),
    a script text's job named ``name`` (see ``tagged``), once per ``key`` if given.

    Everything (the key's lookup, the script check, the request, any reconciliation
    and resubmission, the wait for the scheduler's answer, the settling of a race)
    ends within ``timeout`` seconds, or WaitTimeoutError.
    """
    inline: InlineScript | None = None
    path: str | None = None
    if key is not None:
        checked_key(key)
    if name is not None and not (isinstance(script, str) and is_inline(script)):
        raise InvalidArgumentError(
            "name= names the job of a script text; a script file names its job with "
            "'#SBATCH -J <name>' (or is named after the file)"
        )
    if isinstance(script, AsyncRemotePath):
        path = str(script.path)
    elif not isinstance(script, str):
        raise TypeError("script must be a path on the machine, a script text or a RemotePath")
    elif is_inline(script):
        if args:
            raise InvalidArgumentError(
                "args can only be given with a script path, not with a script text"
            )
        inline = tagged(script, name, key=key)
    else:
        path = checked_path(script)
    arguments = [str(a) for a in args] if args else None
    if arguments:
        checked_text(" ".join(arguments), "the script's arguments")
    if path is not None and key is not None:
        _check_keyed_path(path, arguments)

    def timed_out() -> str:
        advice = (
            f"submitting again with key {key!r} is safe: it returns the job if one was made"
            if key is not None
            else "a job may still appear: look for it (sacct) before submitting again"
        )
        return (
            f"the submission to {scope.machine.value} did not finish within {timeout:g} s; "
            + advice
        )

    with waiting(timeout, timed_out, scope.context.clock) as deadline:
        try:
            if key is not None:
                found = await find_keyed(scope, key, deadline)
                if found is not None:
                    return found
            if path is not None:
                size = await _check_script_file(scope, path)
                if key is not None:
                    inline = await _keyed_script_copy(scope, path, size, key)
                    script, path = inline.text, None
            job = await _submit_once(scope, script, inline, path, arguments, deadline, name)
            if key is not None:
                job = await settle_key(scope, key, job, deadline)
            return job
        except WaitTimeoutError as exc:  # the wait for the task: say what it was for
            raise WaitTimeoutError(f"{timed_out()} ({exc.message})") from None


def _check_keyed_path(path: str, arguments: list[str] | None) -> None:
    """InvalidArgumentError when a script file cannot be submitted with a key: the
    service passes arguments only to a script path, which cannot carry the key."""
    if arguments:
        raise InvalidArgumentError(
            "key= with a script path sends the script's text (a path cannot carry the "
            "key), and the service passes args only to a script path: put the arguments "
            "in the script, or submit without key="
        )
    folder = path.rsplit("/", 1)[0] or "/"
    if any(char in _UNSAFE_IN_DIRECTIVE for char in folder):
        raise InvalidArgumentError(
            f"key= with a script path runs the job in the script's folder "
            f"(#SBATCH --chdir), which cannot name {folder!r}: it holds a blank, a quote, "
            "'#', '$', '`' or '\\'"
        )


async def _keyed_script_copy(
    scope: AsyncMachineScope, path: str, size: float | None, key: str
) -> InlineScript:
    """The text of the script file ``path`` with the key's comment, ``--chdir`` to the
    script's folder and the job named after the file (unless the script says
    otherwise): what ``sbatch <path>`` would run, in the same folder, carrying the key."""
    machine = scope.machine.value
    if size is not None and size > MAX_KEYED_SCRIPT_BYTES:
        raise InvalidArgumentError(
            f"job script {path} on {machine} is {size:.0f} bytes; a keyed submission sends "
            f"the script's text, at most {MAX_KEYED_SCRIPT_BYTES} bytes"
        )
    answer = await scope.context.api.utilities.download_file(scope.machine, path)
    text = answer.file or ""
    if not is_inline(text):
        raise InvalidArgumentError(
            f"job script {path} on {machine} does not start with '#!'; a keyed submission "
            "sends the script's text, which must name its interpreter"
        )
    folder, _, file_name = path.rpartition("/")
    job_name = file_name if JOB_NAME_PATTERN.fullmatch(file_name) else DEFAULT_JOB_NAME
    return tagged(text, key=key, chdir=folder or "/", default_name=job_name)


async def _submit_once(
    scope: AsyncMachineScope,
    script: str | AsyncRemotePath,
    inline: InlineScript | None,
    path: str | None,
    arguments: list[str] | None,
    deadline: Deadline,
    name: str | None,
) -> AsyncJob:
    """Send the submission; after an ambiguous failure, find its job or prove there is
    none (and only then send it again, while the retry policy and deadline allow)."""
    context = scope.context
    retry = context.api.retry
    started = time.monotonic()
    attempt = 1
    while True:
        wall_started = time.time()
        try:
            answer = await context.api.compute.submit_job(
                scope.machine,
                is_path=inline is None,
                job=inline.text if inline is not None else str(path),
                args=arguments,
            )
        except (ServerError, TransportError) as error:
            if isinstance(error, TransportError) and _never_sent(error):
                raise
            try:
                outcome = await _reconcile(scope, inline, path, wall_started, deadline)
            except SfApiError as lookup_error:
                # The lookups failed too: say what is unknown, not only that a GET failed.
                raise SubmissionOutcomeUnknownError(
                    _unknown_message(scope, inline, path, error)
                ) from lookup_error
            if isinstance(outcome, AsyncJob):
                return outcome
            if outcome is _Outcome.UNKNOWN:
                raise SubmissionOutcomeUnknownError(
                    _unknown_message(scope, inline, path, error)
                ) from error
            # Nothing was created and nothing will be: sending again is safe.
            delay = retry_delay(
                attempt, retry, None, time.monotonic() - started, deadline.remaining()
            )
            if delay is None:
                raise JobNotCreatedError(
                    f"the submission to {scope.machine.value} failed ({error}); no job was "
                    "created (the job and task lists show none), so it is safe to submit again"
                ) from error
            await context.sleep(delay)
            attempt += 1
            if inline is not None and not inline.keyed:
                inline = tagged(str(script), name)
            continue
        return await _job_from_task(scope, answer.task_id, deadline)


async def _check_script_file(scope: AsyncMachineScope, path: str) -> float | None:
    """JobScriptNotFoundError (a FileNotFoundError) unless ``path`` is a file on the
    machine, JobScriptIsADirectoryError when it is a directory (one ``ls -d``); the
    file's size as ``ls`` gives it."""
    machine = scope.machine.value
    try:
        entries = await scope.ls(path, directory=True)
    except ApiErrorStatus as error:
        raise JobScriptNotFoundError(
            f"job script {path} not found on {machine}: {error.message}"
        ) from None
    if len(entries) == 1 and await entries[0].is_dir():
        raise JobScriptIsADirectoryError(
            f"job script {path} on {machine} is a directory, not a file"
        )
    if len(entries) != 1 or not await entries[0].is_file():
        raise JobScriptNotFoundError(f"job script {path} on {machine} is not a file")
    return entries[0].size


async def _job_from_task(scope: AsyncMachineScope, task_id: str, deadline: Deadline) -> AsyncJob:
    context = scope.context
    task = context.task(task_id)
    raw = await task.wait(max(deadline.remaining(), MIN_WAIT))
    result: SubmissionResult = parse_result(raw, SubmissionResult, task_id)
    if not result.ok or task.status is TaskStatus.failed or not result.jobid:
        raise JobSubmissionError(
            f"job submission failed: {result.error or 'no message from sbatch'}"
        )
    jobid = server_id(result.jobid, "job id")
    return AsyncJobSqueue.submitted(scope, jobid, context.clock())


class _Outcome(Enum):
    """What reconciliation learned when it found no job."""

    NOT_CREATED = "no job, and no task of the user left that could create one"
    UNKNOWN = "no job yet, but a task of the user is still waiting to run"


async def _reconcile(
    scope: AsyncMachineScope,
    inline: InlineScript | None,
    path: str | None,
    wall_started: float,
    deadline: Deadline,
) -> AsyncJob | _Outcome:
    """The job an ambiguous submission created, found by tag or by path and time.

    Looks at fresh (uncached) sacct rows. A submission the service accepted becomes a
    task that creates the job when it runs, so while any task of the user is still
    waiting, the absence of a job proves nothing: it keeps looking, up to
    ``RECONCILE_MAX_ROUNDS``, and answers UNKNOWN if a task is still waiting then.
    """
    context = scope.context
    user = await context.username()
    for round_number in range(RECONCILE_MAX_ROUNDS):
        # Tasks first, jobs second: a task that ran before the first look has made
        # its job before the second, so "none pending, none found" proves "none made".
        settled = round_number + 1 >= RECONCILE_ROUNDS and await _no_task_pending(scope)
        answer = await context.api.compute.read_jobs(
            scope.machine, sacct=True, cached=False, kwargs=[f"user={user}"]
        )
        for row in answer.output:
            if _matches(row, inline, path, wall_started):
                job = AsyncJobSqueue.on(scope, row.get("jobid"), submitted_at=context.clock())
                job.absorb(row, JobCommand.sacct)
                return job
        if settled:
            return _Outcome.NOT_CREATED
        await context.sleep(deadline.next_sleep(context.task_interval))
    return _Outcome.UNKNOWN


def _matches(
    row: dict[str, str], inline: InlineScript | None, path: str | None, wall_started: float
) -> bool:
    if inline is not None:
        comment = row.get("comment", "")
        return comment == inline.tag if inline.keyed else inline.tag in comment
    if path is None:
        return False
    same_script = row.get("command") == path or row.get("jobname") == path.rsplit("/", 1)[-1]
    return same_script and _submitted_after(
        row.get("submit") or row.get("submit_time"), wall_started
    )


def _submitted_after(text: str | None, wall_started: float) -> bool:
    from datetime import datetime

    if not text:
        return False
    try:
        submitted = datetime.fromisoformat(text)
    except ValueError:
        return False
    stamp = submitted.timestamp()
    return stamp >= wall_started - SUBMIT_TIME_SLACK


async def _no_task_pending(scope: AsyncMachineScope) -> bool:
    """True when no task of the user is still waiting to run (so none will create a job)."""
    tasks = await scope.context.api.tasks.read_tasks()
    return not any(task.status is TaskStatus.new for task in tasks.tasks or [])


def _unknown_message(
    scope: AsyncMachineScope, inline: InlineScript | None, path: str | None, error: Exception
) -> str:
    failed = (
        f"the submission to {scope.machine.value} failed ({error}) and it is unknown whether "
        "a job was created; "
    )
    if inline is not None and inline.keyed:
        return failed + (
            "submitting again with the same key is safe: it returns the job if one was made"
        )
    how = (
        f"look for a job whose comment is {inline.tag}"
        if inline is not None
        else f"look for a job running {path} submitted in the last minutes"
    )
    return failed + f"{how} (sacct on {scope.machine.value}) before submitting again"
