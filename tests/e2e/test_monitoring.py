"""Batched monitoring: every job waited on at once on a machine shares the status requests
of one poll round (the user's queue, then sacct for the jobs that left it), from
coroutines and from threads alike."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from sfapi_client import AsyncClient, AsyncJob, Client, Job, JobState
from sfapi_client._batches import jobid_batches
from sfapi_sim.testing import RunningSimulator

LISTINGS = "GET /compute/jobs/{machine}"


def _create_jobs(sim: RunningSimulator, count: int) -> list[str]:
    """Jobs put straight into the simulated scheduler, runtimes spread over 0-1.5 s."""
    return sim.seed_jobs([1.5 * i / count for i in range(count)])


async def test_waiting_on_1000_jobs_costs_a_few_requests_per_round(
    sim: RunningSimulator,
) -> None:
    jobids = _create_jobs(sim, 1000)
    async with AsyncClient(
        key=sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url, wait_interval=0.5
    ) as client:
        perlmutter = await client.compute("perlmutter")
        sim.reset_stats()
        jobs = [AsyncJob(perlmutter, jobid) for jobid in jobids]
        states = await asyncio.gather(*(job.complete(timeout=120) for job in jobs))
    monitor = perlmutter.monitor
    assert set(states) == {JobState.COMPLETED}
    # A round: one listing of the queue, and sacct for the jobs that left it (batched).
    bound = 1 + len(list(jobid_batches(jobids)))
    assert 1 <= monitor.max_requests_per_round <= bound
    assert sim.stats()["requests"][LISTINGS] == monitor.requests
    assert monitor.requests <= monitor.rounds * bound
    assert monitor.requests < 100


def test_sync_waits_from_threads_share_the_batching(sim: RunningSimulator) -> None:
    jobids = _create_jobs(sim, 60)
    with Client(
        key=sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url, wait_interval=0.3
    ) as client:
        perlmutter = client.compute("perlmutter")
        sim.reset_stats()
        jobs = [Job(perlmutter, jobid) for jobid in jobids]
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            states = list(pool.map(lambda job: job.complete(timeout=60), jobs))
    monitor = perlmutter.monitor
    assert set(states) == {JobState.COMPLETED}
    assert monitor.max_requests_per_round <= 2
    assert sim.stats()["requests"][LISTINGS] == monitor.requests
    assert monitor.requests == monitor.rounds + monitor.sacct_requests
    assert monitor.rounds < 60
