# Generated from tests/e2e/_async/test_submission_grace.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""A job this client submitted is never "not found" within the queue grace, however long
the service's listing cache keeps it out of squeue and sacct answers: not by
``job.update()``, ``compute.job(jobid)``, nor by a wait through the machine's monitor.
Client and simulator share one clock here, moved on by the client's sleeps, so that a
cache lag of half a minute costs no real time.
"""

from __future__ import annotations

import pytest

from sfapi_client import Client, JobCommand, JobState, Machine
from sfapi_client._sync.compute import Compute
from sfapi_client._sync.context import MAX_REMEMBERED_SUBMISSIONS, QUEUE_GRACE, Context
from sfapi_client.exceptions import JobNotFoundError
from sfapi_sim.testing import RunningSimulator

#: A job script Perlmutter accepts; the simulator runs it at once for a fifth of a second.
QUICK = (
    "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"
    "# sim: runtime=0.2 pending=0\n"
)


class SharedTime:
    """The client's clock and sleep; each sleep moves the simulator's clock as far."""

    def __init__(self, sim: RunningSimulator) -> None:
        self.sim = sim
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.sim.world.clock.advance(seconds)


def _machine(client: Client, time: SharedTime) -> Compute:
    context = Context(
        client.api_client, wait_interval=5.0, task_interval=0.5, clock=time.clock, sleep=time.sleep
    )
    status = context.api.status.read_status_for_system(Machine.perlmutter.value)
    return Compute(context, Machine.perlmutter, status)


def test_no_job_not_found_within_the_grace_while_listings_lag(
    client: Client, sim: RunningSimulator
) -> None:
    lag = 30.0
    assert lag < QUEUE_GRACE
    sim.set_faults(queue_lag=lag)
    time = SharedTime(sim)
    perlmutter = _machine(client, time)
    job = perlmutter.submit_job(QUICK)
    submitted = time.now
    # The cached listings do not show the job yet...
    assert perlmutter.jobs(jobids=[job.jobid or ""]) == []
    assert perlmutter.jobs(jobids=[job.jobid or ""], command=JobCommand.sacct) == []
    # ...and nothing the client offers calls it unknown.
    assert job.update() is JobState.PENDING
    for command in (JobCommand.sacct, JobCommand.squeue):
        found = perlmutter.job(job.jobid or "", command)
        assert found.state is JobState.PENDING
    assert job.complete(timeout=120) is JobState.COMPLETED
    # The wait outlasted the lag (several rounds found no row) and ended within the grace.
    assert lag <= time.now - submitted < QUEUE_GRACE
    assert perlmutter.monitor.rounds >= 5
    assert (perlmutter.job(job.jobid or "")).state is JobState.COMPLETED


def test_past_the_grace_a_job_still_missing_is_not_found(
    client: Client, sim: RunningSimulator
) -> None:
    sim.set_faults(queue_lag=600.0)  # a cache far staler than any grace
    time = SharedTime(sim)
    perlmutter = _machine(client, time)
    job = perlmutter.submit_job(QUICK)
    time.sleep(QUEUE_GRACE - 1)
    assert job.update() is JobState.PENDING
    time.sleep(2)
    with pytest.raises(JobNotFoundError, match=f"Job not found: {job.jobid}"):
        job.update()
    with pytest.raises(JobNotFoundError):
        perlmutter.job(job.jobid or "")
    with pytest.raises(JobNotFoundError):
        job.complete(timeout=60)


def test_the_grace_covers_only_the_jobs_this_client_submitted(
    client: Client, sim: RunningSimulator
) -> None:
    sim.set_faults(queue_lag=30.0)
    time = SharedTime(sim)
    perlmutter = _machine(client, time)
    job = perlmutter.submit_job(QUICK)
    with sim.client() as other:
        stranger = other.compute(Machine.perlmutter)
        with pytest.raises(JobNotFoundError):
            stranger.job(job.jobid or "")
    assert (perlmutter.job(job.jobid or "")).state is JobState.PENDING


def test_the_record_of_submissions_is_bounded(client: Client, sim: RunningSimulator) -> None:
    time = SharedTime(sim)
    context = (_machine(client, time)).context
    for number in range(MAX_REMEMBERED_SUBMISSIONS + 5):
        context.remember_submission("perlmutter", str(number), time.now)
    # The oldest go first beyond the bound...
    assert context.submitted_at("perlmutter", "4") is None
    assert context.submitted_at("perlmutter", "5") == time.now
    assert len(context._submissions) == MAX_REMEMBERED_SUBMISSIONS
    # ...and all of them once the grace is over.
    time.sleep(QUEUE_GRACE)
    context.remember_submission("perlmutter", "new", time.now)
    assert context.submitted_at("perlmutter", "5") is None
    assert list(context._submissions) == [("perlmutter", "new")]
