"""Waiting costs one status request per machine per poll round, however many jobs wait.

Counted by the simulator itself (its request log, with each request's query): every
round is one squeue listing filtered by the credentials' owner, which answers for every
queued job; sacct is asked only for the jobs that left the queue, by id, in as few
requests as the URL allows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pytest

from sfapi_client import (
    AsyncClient,
    AsyncJob,
    JobNotFoundError,
    JobState,
    Machine,
    WaitTimeoutError,
)
from sfapi_client._async.monitor import AsyncJobMonitor
from sfapi_client._batches import jobid_batches
from sfapi_client._concurrency import async_sleep
from sfapi_sim.testing import RunningSimulator
from sfapi_sim.world import LoggedRequest
from tests.e2e.monitor_rounds import LISTINGS, QUEUED, listing_rounds, quiet_simulator

#: A bound on hangs only: the whole wait ends long before (the sync twin starts 5,000
#: threads, which a loaded machine takes tens of seconds to get waiting).
WAIT_LIMIT = 300.0


@pytest.fixture
def quiet_sim() -> Iterator[RunningSimulator]:
    """A simulator of its own with a request log (``monitor_rounds``)."""
    with quiet_simulator() as sim:
        yield sim


def _queued(sim: RunningSimulator, user: str, count: int, runtime: float) -> list[str]:
    """``count`` jobs of ``user``, queued for ``QUEUED`` simulated seconds, then running
    for ``runtime`` (no script runs: this is about listings)."""
    return sim.seed_jobs([runtime] * count, user=user, pending=QUEUED, run_script=False)


async def _until_rounds(monitor: AsyncJobMonitor, rounds: int, jobs: int = 0) -> None:
    """Return once ``monitor`` made ``rounds`` poll rounds and waits on at least ``jobs``
    jobs (bounded by WAIT_LIMIT): the sync twin's waiters are threads, which a loaded
    machine may start over several rounds."""
    for _ in range(int(WAIT_LIMIT / 0.02)):
        if monitor.rounds >= rounds and monitor.jobs_waited_on >= jobs:
            return
        await async_sleep(0.02)
    raise AssertionError(
        f"the monitor made {monitor.rounds} rounds, not {rounds}, "
        f"and waits on {monitor.jobs_waited_on} jobs, not {jobs}"
    )


def _sacct_ids(request: LoggedRequest) -> list[str]:
    [kwarg] = request.params["kwargs"]
    name, _, ids = kwarg.partition("=")
    assert name == "jobid"
    return ids.split(",")


async def test_5000_waiting_jobs_cost_one_listing_per_round_and_leave_through_batched_sacct(
    quiet_sim: RunningSimulator,
    async_run_all,  # type: ignore[no-untyped-def]
) -> None:
    sim = quiet_sim
    short = _queued(sim, "alice", 2500, runtime=1.0)
    long = _queued(sim, "alice", 2500, runtime=QUEUED)
    _queued(sim, "bob", 100, runtime=1.0)  # another user's queue, never waited on
    async with sim.async_client(wait_interval=0.2) as client:
        perlmutter = await client.compute(Machine.perlmutter)
        monitor = perlmutter.monitor
        sim.reset_stats()

        async def move_time() -> None:
            # A round counts from its start: once the fourth began, three saw every
            # job queued.
            await _until_rounds(monitor, 4, jobs=len(short) + len(long))
            # One more round, begun with every waiter in place.
            await _until_rounds(monitor, monitor.rounds + 1)
            sim.world.clock.advance(QUEUED + 2)  # the short half ended, the long half runs
            await _until_rounds(monitor, monitor.rounds + 3)
            sim.world.clock.advance(QUEUED)  # all ended

        waits = [
            functools.partial(AsyncJob(perlmutter, jobid).complete, WAIT_LIMIT)
            for jobid in short + long
        ]
        states = (await async_run_all([move_time, *waits]))[1:]
    assert set(states) == {JobState.COMPLETED}

    log = sim.world.stats.logged(LISTINGS)
    assert len(log) == sim.stats()["requests"][LISTINGS] == monitor.requests
    rounds = listing_rounds(log)
    assert len(rounds) == monitor.rounds
    for requests in rounds:
        squeue, *sacct = requests
        # One listing of the user's queue opens every round ...
        assert squeue.params["kwargs"] == ["user=alice"]
        assert squeue.params.get("sacct", ["false"]) == ["false"]
        # ... and sacct follows only for jobs that left it, as few requests as fit.
        asked = [jobid for request in sacct for jobid in _sacct_ids(request)]
        assert len(sacct) == len(list(jobid_batches(asked)))
    # While every job is queued, a round is that one listing.
    assert [len(r) for r in rounds[:3]] == [1, 1, 1]
    # Every job was asked of sacct exactly once: in the round after it left the queue.
    asked_all = [j for r in rounds for request in r[1:] for j in _sacct_ids(request)]
    assert sorted(asked_all) == sorted(short + long)
    assert monitor.max_requests_per_round == max(len(r) for r in rounds) > 2


async def test_a_job_of_another_user_is_followed_through_sacct(
    quiet_sim: RunningSimulator,
    async_run_all,  # type: ignore[no-untyped-def]
) -> None:
    sim = quiet_sim
    [mine] = _queued(sim, "alice", 1, runtime=1.0)
    [theirs] = _queued(sim, "bob", 1, runtime=1.0)
    async with sim.async_client(wait_interval=0.1) as client:
        perlmutter = await client.compute(Machine.perlmutter)
        monitor = perlmutter.monitor
        sim.reset_stats()
        jobs = [AsyncJob(perlmutter, mine), AsyncJob(perlmutter, theirs)]

        async def move_time() -> None:
            await _until_rounds(monitor, 4, jobs=len(jobs))
            sim.world.clock.advance(QUEUED + 2)

        waits = [functools.partial(job.complete, WAIT_LIMIT) for job in jobs]
        states = (await async_run_all([move_time, *waits]))[1:]
    assert states == [JobState.COMPLETED, JobState.COMPLETED]
    rounds = listing_rounds(sim.world.stats.logged(LISTINGS))
    assert all(r[0].params["kwargs"] == ["user=alice"] for r in rounds)
    asked = [j for r in rounds for request in r[1:] for j in _sacct_ids(request)]
    # bob's job is never in alice's queue: sacct answers for it while it is queued too;
    # alice's job is asked of sacct once, after it left her queue.
    assert asked.count(theirs) >= 2
    assert asked.count(mine) == 1


async def test_a_job_in_no_listing_is_not_found_once_its_grace_is_over(
    async_client: AsyncClient,
) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    with pytest.raises(JobNotFoundError, match="Job not found: 99999999"):
        await AsyncJob(perlmutter, 99999999).complete(timeout=WAIT_LIMIT)
    # Submitted a moment ago by this client: absent from both listings, it may yet appear.
    fresh = AsyncJob.on(perlmutter, 99999998, submitted_at=perlmutter.context.clock())
    with pytest.raises(WaitTimeoutError):
        await fresh.complete(timeout=1.0)
