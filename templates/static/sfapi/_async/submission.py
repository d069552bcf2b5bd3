"""Submitting a job exactly once, even when the answer to the submission is lost.

A submission is not idempotent, so the transport never retries it once it may have
reached the server. When such an ambiguous failure happens (a timeout, a dropped
connection or a 5xx after sending), this module reconciles: it looks for the job the
request may have created — by the tag line added to an inline script, or by the script
path and the submission time — and returns it; it submits again only when it is sure
that no job was created, and otherwise raises an error that says how to check.
"""

from __future__ import annotations

import time
from enum import Enum
from typing import TYPE_CHECKING

import httpx2

from .._callbacks import Callbacks
from .._deadline import waiting
from .._exceptions import ApiErrorStatus, ServerError, TransportError, WaitTimeoutError
from .._job_state import JobCommand
from .._package import SfApiError
from .._polling import Deadline
from .._retry import retry_delay
from .._script_check import ScriptCheck, precheck, rejection
from .._scripts import InlineScript, checked_path, checked_text, is_inline, tagged
from .._task_results import SubmissionResult, parse_result, server_id
from .._workflow_errors import (
    InvalidArgumentError,
    JobNotCreatedError,
    JobScriptIsADirectoryError,
    JobScriptNotFoundError,
    SubmissionOutcomeUnknownError,
)
from ..models import TaskStatus
from .jobs import AsyncJob, AsyncJobSqueue
from .paths import AsyncRemotePath

if TYPE_CHECKING:
    from .compute import AsyncCompute

__all__: list[str] = []

#: Fresh (uncached) lookups reconciliation makes before it may decide that no job exists.
RECONCILE_ROUNDS = 3
#: Lookups after which it gives up waiting for the user's pending tasks to run.
RECONCILE_MAX_ROUNDS = 30
#: Clock skew allowed between this machine and the scheduler when matching submit times.
SUBMIT_TIME_SLACK = 120.0
#: The shortest wait handed on (a timeout must be positive; the deadline ends it anyway).
MIN_WAIT = 0.001


def _never_sent(error: TransportError) -> bool:
    """True when the request surely did not reach the server (the connection never opened)."""
    return isinstance(
        error.__cause__, httpx2.ConnectError | httpx2.ConnectTimeout | httpx2.PoolTimeout
    )


async def submit(
    compute: AsyncCompute,
    script: str | AsyncRemotePath,
    args: list[str] | None,
    timeout: float,
    name: str | None = None,
    callbacks: Callbacks | None = None,
    *,
    check: ScriptCheck = "warn",
) -> AsyncJob:
    """Submit ``script`` (a path on the machine, a ``#!`` script text, or a remote path),
    a script text's job named ``name`` (see ``tagged``), with the checked ``callbacks``;
    a script text is linted first as ``check`` says (``_script_check.precheck``).

    Everything (the script check, the request, any reconciliation and resubmission, the
    wait for the scheduler's answer) ends within ``timeout`` seconds, or WaitTimeoutError.
    """
    inline: InlineScript | None = None
    path: str | None = None
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
        inline = tagged(script, name)
        precheck(script, check, compute.machine.value)
    else:
        path = checked_path(script)
    arguments = [str(a) for a in args] if args else None
    if arguments:
        checked_text(" ".join(arguments), "the script's arguments")

    def timed_out() -> str:
        return (
            f"the submission to {compute.machine.value} did not finish within {timeout:g} s; "
            "a job may still appear: look for it (sacct) before submitting again"
        )

    with waiting(timeout, timed_out, compute.context.clock) as deadline:
        try:
            if path is not None:
                await _check_script_file(compute, path)
            return await _submit_once(
                compute, script, inline, path, arguments, deadline, name, callbacks or Callbacks()
            )
        except WaitTimeoutError as exc:  # the wait for the task: say what it was for
            raise WaitTimeoutError(f"{timed_out()} ({exc.message})") from None


async def _submit_once(
    compute: AsyncCompute,
    script: str | AsyncRemotePath,
    inline: InlineScript | None,
    path: str | None,
    arguments: list[str] | None,
    deadline: Deadline,
    name: str | None,
    callbacks: Callbacks,
) -> AsyncJob:
    """Send the submission; after an ambiguous failure, find its job or prove there is
    none (and only then send it again, while the retry policy and deadline allow)."""
    context = compute.context
    retry = context.api.retry
    started = time.monotonic()
    attempt = 1
    while True:
        wall_started = time.time()
        try:
            answer = await context.api.compute.submit_job(
                compute.machine,
                is_path=inline is None,
                job=inline.text if inline is not None else str(path),
                args=arguments,
                callback_url=callbacks.url,
                callback_email=callbacks.email,
                callback_timeout=callbacks.timeout,
            )
        except (ServerError, TransportError) as error:
            if isinstance(error, TransportError) and _never_sent(error):
                raise
            try:
                outcome = await _reconcile(compute, inline, path, wall_started, deadline)
            except SfApiError as lookup_error:
                # The lookups failed too: say what is unknown, not only that a GET failed.
                raise SubmissionOutcomeUnknownError(
                    _unknown_message(compute, inline, path, error)
                ) from lookup_error
            if isinstance(outcome, AsyncJob):
                return outcome
            if outcome is _Outcome.UNKNOWN:
                raise SubmissionOutcomeUnknownError(
                    _unknown_message(compute, inline, path, error)
                ) from error
            # Nothing was created and nothing will be: sending again is safe.
            delay = retry_delay(
                attempt, retry, None, time.monotonic() - started, deadline.remaining()
            )
            if delay is None:
                raise JobNotCreatedError(
                    f"the submission to {compute.machine.value} failed ({error}); no job was "
                    "created (the job and task lists show none), so it is safe to submit again"
                ) from error
            await context.sleep(delay)
            attempt += 1
            if inline is not None:
                inline = tagged(str(script), name)
            continue
        text = script if isinstance(script, str) and inline is not None else None
        return await _job_from_task(compute, answer.task_id, deadline, text)


async def _check_script_file(compute: AsyncCompute, path: str) -> None:
    """JobScriptNotFoundError (a FileNotFoundError) unless ``path`` is a file on the
    machine, JobScriptIsADirectoryError when it is a directory (one ``ls -d``)."""
    machine = compute.machine.value
    try:
        entries = await compute.ls(path, directory=True)
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


async def _job_from_task(
    compute: AsyncCompute,
    task_id: str,
    deadline: Deadline,
    text: str | None = None,
) -> AsyncJob:
    """The job the submission task made; JobPolicyError or JobSubmissionError (with
    how to fix the script ``text``, when given and the lint knows) if it was refused."""
    context = compute.context
    task = context.task(task_id)
    raw = await task.wait(max(deadline.remaining(), MIN_WAIT))
    result: SubmissionResult = parse_result(raw, SubmissionResult, task_id)
    if not result.ok or task.status is TaskStatus.failed or not result.jobid:
        raise rejection(result.error or "no message from sbatch", text)
    jobid = server_id(result.jobid, "job id")
    submitted_at = context.clock()
    context.remember_submission(compute.machine.value, jobid, submitted_at)
    return AsyncJobSqueue.submitted(compute, jobid, submitted_at)


class _Outcome(Enum):
    """What reconciliation learned when it found no job."""

    NOT_CREATED = "no job, and no task of the user left that could create one"
    UNKNOWN = "no job yet, but a task of the user is still waiting to run"


async def _reconcile(
    compute: AsyncCompute,
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
    context = compute.context
    user = await context.username()
    for round_number in range(RECONCILE_MAX_ROUNDS):
        # Tasks first, jobs second: a task that ran before the first look has made
        # its job before the second, so "none pending, none found" proves "none made".
        settled = round_number + 1 >= RECONCILE_ROUNDS and await _no_task_pending(compute)
        answer = await context.api.compute.read_jobs(
            compute.machine, sacct=True, cached=False, kwargs=[f"user={user}"]
        )
        for row in answer.output:
            if _matches(row, inline, path, wall_started):
                found_at = context.clock()
                job = AsyncJobSqueue.on(compute, row.get("jobid"), submitted_at=found_at)
                job.absorb(row, JobCommand.sacct)
                if job.jobid:
                    context.remember_submission(compute.machine.value, job.jobid, found_at)
                return job
        if settled:
            return _Outcome.NOT_CREATED
        await context.sleep(deadline.next_sleep(context.task_interval))
    return _Outcome.UNKNOWN


def _matches(
    row: dict[str, str], inline: InlineScript | None, path: str | None, wall_started: float
) -> bool:
    if inline is not None:
        return inline.tag in row.get("comment", "")
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


async def _no_task_pending(compute: AsyncCompute) -> bool:
    """True when no task of the user is still waiting to run (so none will create a job)."""
    tasks = await compute.context.api.tasks.read_tasks()
    return not any(task.status is TaskStatus.new for task in tasks.tasks or [])


def _unknown_message(
    compute: AsyncCompute, inline: InlineScript | None, path: str | None, error: Exception
) -> str:
    how = (
        f"look for a job whose comment is {inline.tag}"
        if inline is not None
        else f"look for a job running {path} submitted in the last minutes"
    )
    return (
        f"the submission to {compute.machine.value} failed ({error}) and it is unknown whether "
        f"a job was created; {how} (sacct on {compute.machine.value}) before submitting again"
    )
