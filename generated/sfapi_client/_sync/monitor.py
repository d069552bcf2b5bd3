# Copied from templates/static/sfapi/_async/monitor.py by `python -m generator codegen`. Do not edit here.
"""Batched job monitoring: one status request per machine per poll round, for every waiter.

Rounds follow one schedule per machine: every ``wait_interval`` seconds. Each waiter
loops: take the machine's round lock (giving up at its own deadline, since a round may be
on the network); if the last round is older than the interval, poll once for *all*
registered jobs; release; return when its own job reached the state it waits for;
otherwise sleep until the next round is due. Whoever wakes first polls for everybody.
The same code, turned sync by codegen, batches the waits of several threads.

A round asks squeue once for the queue of the credentials' owner (``user=<name>``): that
one listing answers for every waiting job still queued or running, however many there
are. Only the waiting jobs absent from it (they left the queue, belong to another user,
or were submitted too recently for a cached listing) are asked of sacct, by id, in as
few requests as the URL length allows (``_batches``). While every job is queued a round
costs one request; a job that ended between two rounds is read from sacct in the next.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .._batches import jobid_batches
from .._concurrency import Lock, TimedLock
from .._deadline import waiting
from .._exceptions import WaitTimeoutError
from .._job_state import JobCommand, JobState
from .._workflow_errors import JobNotFoundError

if TYPE_CHECKING:
    from ..models import PublicHost
    from .context import Context
    from .jobs import Job

__all__: list[str] = []

#: Waiters wake this long after a round is due, so that one of them finds it stale.
ROUND_SLACK = 0.01


class JobMonitor:
    """Shared poller of one machine's jobs (one per client and machine)."""

    def __init__(self, context: Context, machine: PublicHost) -> None:
        self._context = context
        self._machine = machine
        #: Held while a round is on the network; a waiter gives up on it at its deadline.
        self._round_lock = TimedLock()
        #: Guards the registry of waiting jobs; never held across a network wait.
        self._registry_lock = Lock()
        self._waiting: dict[str, list[Job]] = {}
        self._last_poll = float("-inf")
        self._missing: frozenset[str] = frozenset()
        #: Status requests sent (squeue and sacct), of which sacct, poll rounds made, and
        #: the most requests one round took (for tests and benchmarks).
        self.requests = 0
        self.sacct_requests = 0
        self.rounds = 0
        self.max_requests_per_round = 0

    @property
    def jobs_waited_on(self) -> int:
        """How many distinct jobs have a waiter now."""
        return len(self._waiting)

    def wait(
        self,
        job: Job,
        done: Callable[[JobState], bool],
        timeout: float,
    ) -> JobState:
        """Return ``job``'s state once ``done(state)``; WaitTimeoutError after ``timeout``
        (every status request of the wait included)."""
        context = self._context
        if not job.jobid:
            raise ValueError("a job without a jobid cannot be waited for")

        def timed_out() -> str:
            return (
                f"job {job.jobid} did not reach the awaited state within "
                f"{timeout:.3g} s (state {job.state.value})"
            )

        with self._registry_lock:
            self._waiting.setdefault(job.jobid, []).append(job)
        try:
            with waiting(timeout, timed_out, context.clock) as deadline:
                while True:
                    # Another waiter's round may be on the network: wait for it no
                    # longer than this wait's own deadline.
                    if not self._round_lock.acquire(deadline.remaining()):
                        raise WaitTimeoutError(timed_out())
                    try:
                        if context.clock() - self._last_poll >= context.wait_interval:
                            self._poll_round()
                    finally:
                        self._round_lock.release()
                    state = job.state
                    if state.is_terminal or done(state):
                        return state
                    if job.jobid in self._missing and not context.within_grace(job.submitted_at):
                        raise JobNotFoundError(
                            f"Job not found: {job.jobid} (on {self._machine.value})"
                        )
                    if deadline.expired:
                        raise WaitTimeoutError(timed_out())
                    # Wake for the next round, shared by every waiter of this machine.
                    next_round = self._last_poll + context.wait_interval - context.clock()
                    context.sleep(deadline.next_sleep(max(next_round, 0.0) + ROUND_SLACK))
        finally:
            with self._registry_lock:
                jobid = job.jobid or ""
                others = [w for w in self._waiting.get(jobid, []) if w is not job]
                if others:
                    self._waiting[jobid] = others
                else:
                    self._waiting.pop(jobid, None)

    def _poll_round(self) -> None:
        """The user's queue from squeue, then sacct for the waiting jobs not in it."""
        self._last_poll = self._context.clock()
        with self._registry_lock:
            # A job seen ended has nothing left to tell, though its waiter may not have
            # woken to leave yet.
            waiters = {
                jobid: list(jobs)
                for jobid, jobs in self._waiting.items()
                if not all(job.state.is_terminal for job in jobs)
            }
        if not waiters:
            return
        self.rounds += 1
        self._count(in_round=1)
        queued = self._read_queue(waiters)
        left = sorted((j for j in waiters if j not in queued), key=lambda j: (len(j), j))
        seen: set[str] = set()
        for in_round, batch in enumerate(jobid_batches(left), start=2):
            self._count(in_round, sacct=True)
            seen |= self._read_accounting(batch, waiters)
        self._missing = frozenset(set(left) - seen)

    def _count(self, in_round: int, sacct: bool = False) -> None:
        """Count a status request, the ``in_round``-th of its round."""
        self.requests += 1
        self.sacct_requests += sacct
        self.max_requests_per_round = max(self.max_requests_per_round, in_round)

    def _read_queue(self, waiters: dict[str, list[Job]]) -> set[str]:
        """Absorb the squeue rows of waiting jobs; the ids still in the queue.

        A row in a state that ends the job (a queue keeping finished jobs for a while)
        counts as having left: sacct has the job's final record.
        """
        user = self._context.username()
        answer = self._context.api.compute.read_jobs(
            self._machine, sacct=False, kwargs=[f"user={user}"]
        )
        queued: set[str] = set()
        for row in answer.output:
            jobid = row.get("jobid", "")
            jobs = waiters.get(jobid)
            if not jobs:
                continue
            for job in jobs:
                job.absorb(row, JobCommand.squeue)
            if not jobs[0].state.is_terminal:
                queued.add(jobid)
        return queued

    def _read_accounting(
        self,
        jobids: list[str],
        waiters: dict[str, list[Job]],
    ) -> set[str]:
        """Absorb the sacct rows of ``jobids``; the ids sacct answered for."""
        answer = self._context.api.compute.read_jobs(
            self._machine, sacct=True, kwargs=[f"jobid={','.join(jobids)}"]
        )
        seen: set[str] = set()
        for row in answer.output:
            jobid = row.get("jobid", "")
            for job in waiters.get(jobid, []):
                job.absorb(row, JobCommand.sacct)
                seen.add(jobid)
        return seen
