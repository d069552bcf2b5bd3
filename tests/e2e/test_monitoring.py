"""Batched monitoring: every job waited on at once on a machine shares one status request
per chunk per poll round, from coroutines and from threads alike."""

from __future__ import annotations

import asyncio
import math
from concurrent.futures import ThreadPoolExecutor

from sfapi_client import AsyncClient, AsyncJob, Client, Job, JobState
from sfapi_client._async.monitor import JOBS_PER_REQUEST
from sfapi_sim.state.scripts import ScriptSpec
from sfapi_sim.testing import RunningSimulator

LISTINGS = "GET /compute/jobs/{machine}"


def _create_jobs(sim: RunningSimulator, count: int) -> list[str]:
    """Jobs put straight into the simulated scheduler, runtimes spread over 0-1.5 s."""
    scheduler = sim.world.schedulers["perlmutter"]
    account = sim.world.account("alice")
    now = sim.world.clock.now()
    return [
        scheduler.submit(
            account,
            command="/global/homes/a/alice/many.sh",
            work_dir="/global/homes/a/alice",
            submit_dir="/global/homes/a/alice",
            script="#!/bin/bash\n",
            args=[],
            spec=ScriptSpec(),
            now=now,
            default_runtime=1.5 * i / count,
            default_pending=0.0,
        ).jobid
        for i in range(count)
    ]


async def test_waiting_on_1000_jobs_costs_one_request_per_chunk_per_round(
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
    assert monitor.max_requests_per_round == math.ceil(1000 / JOBS_PER_REQUEST)
    assert sim.stats()["requests"][LISTINGS] == monitor.requests
    assert monitor.requests <= monitor.rounds * math.ceil(1000 / JOBS_PER_REQUEST)
    assert monitor.requests < 1000


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
    assert monitor.max_requests_per_round == 1
    assert sim.stats()["requests"][LISTINGS] == monitor.requests == monitor.rounds
    assert monitor.rounds < 60
