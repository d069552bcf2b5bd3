"""Tasks for batch jobs: submit one (exactly once, across retries and restarts) and wait.

Submitting: ``submit_job`` gives every submission a key derived from the flow run and
the submission (see ``prefect_sfapi.keys``), so a flow run that is retried, or a script
run again with the same ``scope``, gets the jobs it already made back instead of new
ones.

Waiting: ``wait_for_jobs`` watches any number of jobs with one status request per poll
round for all of them, in one task, for at most ``poll_for`` seconds per attempt. Jobs
still queued or running at the end of an attempt raise ``JobsStillRunning``, and the
task's retries (every ``retry_delay_seconds``) look again. However many jobs there
are, the wait takes one task and one thread of the task runner's pool, not one each;
each attempt is short and leaves the jobs' states in Prefect's record of the run. A
process that dies while waiting loses nothing: the flow run again re-attaches by key
and waits on.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from prefect import Task, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun
from prefect.logging import get_run_logger

from sfapi_client import (
    InvalidArgumentError,
    JobState,
    JobSubmissionError,
    WaitTimeoutError,
)

from ._context import current_run
from .credentials import SfApiCredentials
from .keys import Occurrences, call_digest, submission_key
from .records import JobRecord

__all__ = [
    "JobsFailed",
    "JobsStillRunning",
    "submit_job",
    "wait_for_job",
    "wait_for_jobs",
]

#: Seconds one waiting attempt watches the jobs before it hands over to a retry.
DEFAULT_POLL_FOR = 300.0
#: Seconds between two waiting attempts.
WAIT_RETRY_DELAY = 60
#: Waiting attempts: with the defaults, a week of waiting.
WAIT_RETRIES = 7 * 24 * 3600 // (int(DEFAULT_POLL_FOR) + WAIT_RETRY_DELAY)

#: The numbers of identical submissions, per flow run attempt, in this process.
OCCURRENCES = Occurrences()

T = TypeVar("T")


class JobsStillRunning(Exception):
    """Some jobs had not ended when a waiting attempt ran out: the task retries."""

    def __init__(self, pending: Sequence[JobRecord]) -> None:
        self.pending = list(pending)
        shown = ", ".join(f"{r.jobid} {r.state.value}" for r in self.pending[:10])
        more = f" and {len(self.pending) - 10} more" if len(self.pending) > 10 else ""
        super().__init__(f"{len(self.pending)} job(s) not ended yet: {shown}{more}")

    def __reduce__(self) -> tuple[type[JobsStillRunning], tuple[list[JobRecord]]]:
        # Made again from its records when Prefect stores or sends the failure.
        return (type(self), (self.pending,))


class JobsFailed(Exception):
    """Jobs ended in a state other than COMPLETED (with ``require_success``)."""

    def __init__(self, failed: Sequence[JobRecord]) -> None:
        self.failed = list(failed)
        shown = ", ".join(f"{r.jobid} {r.state.value}" for r in self.failed[:10])
        more = f" and {len(self.failed) - 10} more" if len(self.failed) > 10 else ""
        super().__init__(f"{len(self.failed)} job(s) did not complete: {shown}{more}")

    def __reduce__(self) -> tuple[type[JobsFailed], tuple[list[JobRecord]]]:
        return (type(self), (self.failed,))


def _retry_transient(task: Task[..., Any], task_run: TaskRun, state: State[Any]) -> bool:
    """Retry a submission unless the answer is known to stay the same (bad arguments,
    a script the scheduler refused)."""
    try:
        state.result()
    except (InvalidArgumentError, JobSubmissionError, FileNotFoundError, IsADirectoryError):
        return False
    except Exception:
        return True
    return False


def _retry_while_running(task: Task[..., Any], task_run: TaskRun, state: State[Any]) -> bool:
    """Retry a wait only because jobs are still running, never on another failure."""
    try:
        state.result()
    except JobsStillRunning:
        return True
    except Exception:
        return False
    return False


def submission_key_for(
    machine: str,
    script: str,
    name: str | None,
    label: str | None,
    scope: str | None,
) -> str:
    """The key of this submission in the running task run: see ``prefect_sfapi.keys``.

    ValueError outside a flow run when no ``scope`` names the work.
    """
    if scope is not None and (not isinstance(scope, str) or not scope.strip()):
        raise ValueError(f"scope names the work: a non-empty string, not {scope!r}")
    run = current_run()
    if run is None and scope is None:
        raise ValueError(
            "submit_job outside a flow run needs key= or scope= to make its submission key"
        )
    call = call_digest(
        "submit_job",
        {
            "machine": machine,
            "script": script,
            "name": name,
            "label": label,
        },
    )
    if run is None:
        assert scope is not None
        return submission_key(scope, call, 0)
    number = OCCURRENCES.number((run.flow_run_id, run.flow_run_count), call, run.task_run_id)
    return submission_key(scope or f"flow-run:{run.flow_run_id}", call, number)


@task(
    name="sfapi-submit-job",
    cache_policy=NO_CACHE,
    retries=3,
    retry_delay_seconds=[10, 30, 60],
    retry_condition_fn=_retry_transient,
)
def submit_job(
    script: str,
    *,
    credentials: SfApiCredentials | None = None,
    machine: str = "perlmutter",
    name: str | None = None,
    key: str | None = None,
    scope: str | None = None,
    label: str | None = None,
) -> JobRecord:
    """Submit a batch job, or find the one this submission already made.

    Arguments:
        script: a script text starting with ``#!``, or the absolute path of a script on
            the machine (submitted as its text with the key; its folder is the job's
            working folder unless the script sets one).
        credentials: the SF API credentials (default: ``SfApiCredentials()``, the
            ``SFAPI_*`` environment variables).
        machine: the machine to submit to.
        name: the job's name.
        key: the submission key (1 to 128 letters, digits and ``._:-``); by default
            one derived from the flow run (or ``scope``) and this submission.
        scope: a name of the work that stays the same across flow runs (a dataset, a
            campaign): keys derive from it instead of the flow run's id, so a new flow
            run of the same work, a script run again, re-attaches to the same jobs.
        label: tells apart submissions whose other inputs are identical but which must
            stay distinct when a task runner spreads one flow run over processes.

    Returns:
        The job's record (machine, job id, key, state).
    """
    credentials = credentials or SfApiCredentials()
    if key is None:
        key = submission_key_for(machine, script, name, label, scope)
    logger = get_run_logger()
    with credentials.get_client() as client:
        compute = client.compute(machine)
        job = compute.submit_job(script, name=name, key=key)
        record = JobRecord.of(job.record(), job.state)
    logger.info("job %s on %s (key %s)", record.jobid, machine, key)
    return record


async def _watch(
    credentials: SfApiCredentials, jobs: Sequence[JobRecord], poll_for: float
) -> list[JobRecord]:
    """Wait up to ``poll_for`` seconds for ``jobs`` to end; their records, updated.

    Every machine's jobs share its monitor: one status request per poll round.
    """
    async with credentials.get_async_client() as client:
        computes = {m: await client.compute(m) for m in sorted({r.machine for r in jobs})}
        watched = [computes[r.machine].attach(r.client_record()) for r in jobs]
        outcomes = await asyncio.gather(
            *(job.complete(timeout=poll_for) for job in watched), return_exceptions=True
        )
    records = []
    for record, job, outcome in zip(jobs, watched, outcomes, strict=True):
        if isinstance(outcome, BaseException) and not isinstance(outcome, WaitTimeoutError):
            raise outcome
        records.append(record.with_state(job.state))
    return records


def _run_in_own_loop(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to its end on an event loop of its own, in a thread of its own,
    whether or not the caller's thread already runs a loop (a task called directly
    from an async flow does)."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def main() -> None:
        async def run() -> T:
            return await make()

        try:
            outcome.append(asyncio.run(run()))
        except BaseException as exc:  # handed to the caller's thread below
            failure.append(exc)

    thread = threading.Thread(target=main, name="prefect-sfapi-wait", daemon=True)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]


@task(
    name="sfapi-wait-for-jobs",
    cache_policy=NO_CACHE,
    retries=WAIT_RETRIES,
    retry_delay_seconds=WAIT_RETRY_DELAY,
    retry_condition_fn=_retry_while_running,
)
def wait_for_jobs(
    jobs: Sequence[JobRecord],
    *,
    credentials: SfApiCredentials | None = None,
    poll_for: float = DEFAULT_POLL_FOR,
    require_success: bool = True,
) -> list[JobRecord]:
    """Wait until every job has ended; their records with their end states.

    One attempt watches the jobs for at most ``poll_for`` seconds (one status request
    per machine and poll round, for all of them); jobs still running then raise
    ``JobsStillRunning`` and the task retries after ``retry_delay_seconds`` (60 s; a
    week of attempts in all). ``wait_for_jobs.with_options(retries=...,
    retry_delay_seconds=...)`` changes the rhythm.

    Arguments:
        jobs: the records ``submit_job`` returned.
        credentials: the SF API credentials (default: the ``SFAPI_*`` variables).
        poll_for: seconds one attempt watches.
        require_success: raise ``JobsFailed`` (not retried) when a job ended in another
            state than COMPLETED.

    Raises:
        JobsStillRunning: some jobs are still queued or running (the task retries).
        JobsFailed: with ``require_success``, some jobs did not complete.
        JobNotFoundError: a job is unknown on its machine.
    """
    if not isinstance(poll_for, int | float) or not poll_for > 0:
        raise ValueError(f"poll_for is a positive number of seconds, not {poll_for!r}")
    records = list(jobs)
    if not records:
        return []
    credentials = credentials or SfApiCredentials()
    logger = get_run_logger()
    watching = [r for r in records if not r.state.is_terminal]
    updated = {r.jobid: r for r in records}
    if watching:
        for record in _run_in_own_loop(lambda: _watch(credentials, watching, float(poll_for))):
            updated[record.jobid] = record
    final = [updated[r.jobid] for r in records]
    pending = [r for r in final if not r.state.is_terminal]
    ended = len(final) - len(pending)
    logger.info("%d of %d job(s) ended", ended, len(final))
    if pending:
        raise JobsStillRunning(pending)
    failed = [r for r in final if r.state is not JobState.COMPLETED]
    if failed and require_success:
        raise JobsFailed(failed)
    return final


@task(
    name="sfapi-wait-for-job",
    cache_policy=NO_CACHE,
    retries=WAIT_RETRIES,
    retry_delay_seconds=WAIT_RETRY_DELAY,
    retry_condition_fn=_retry_while_running,
)
def wait_for_job(
    job: JobRecord,
    *,
    credentials: SfApiCredentials | None = None,
    poll_for: float = DEFAULT_POLL_FOR,
    require_success: bool = True,
) -> JobRecord:
    """Wait until one job has ended: ``wait_for_jobs`` for a single job (for many,
    ``wait_for_jobs`` shares one status request per round among them)."""
    return wait_for_jobs.fn(
        [job], credentials=credentials, poll_for=poll_for, require_success=require_success
    )[0]
