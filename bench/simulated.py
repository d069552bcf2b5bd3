"""Benchmarks against the local simulator over real HTTP: batched monitoring of 1,000
jobs, and 200 concurrent submissions with injected latency.

``run_all`` returns the figures that ``bench/run.py`` adds to its table and to
``bench/results.json``: medians with min and max over repeated runs.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from sfapi_client import AsyncClient, AsyncJob, JobState
from sfapi_sim.config import SimConfig
from sfapi_sim.testing import RunningSimulator, running_simulator

LISTINGS = "GET /compute/jobs/{machine}"
HOME = "/global/homes/a/alice"


def _summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def _client(sim: RunningSimulator, **options: Any) -> AsyncClient:
    return AsyncClient(
        key=sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url, **options
    )


async def _monitor_once(sim: RunningSimulator, jobs: int) -> dict[str, float]:
    """Wait on ``jobs`` jobs at once (runtimes spread over 0-2 s); count what it costs."""
    jobids = sim.seed_jobs([2.0 * i / jobs for i in range(jobs)])
    async with _client(sim, wait_interval=0.5) as client:
        perlmutter = await client.compute("perlmutter")
        sim.reset_stats()
        cpu, wall = time.process_time(), time.perf_counter()
        states = await asyncio.gather(
            *(AsyncJob(perlmutter, jobid).complete(timeout=120) for jobid in jobids)
        )
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if set(states) != {JobState.COMPLETED}:
        raise RuntimeError(f"monitoring benchmark: unexpected states {set(states)}")
    monitor = perlmutter.monitor
    return {
        "requests": float(sim.stats()["requests"].get(LISTINGS, 0)),
        "rounds": float(monitor.rounds),
        "requests_per_round": float(monitor.max_requests_per_round),
        "wall_s": wall,
        # The simulator serves from threads of this process: its CPU time is included.
        "cpu_s": cpu,
    }


async def _submit_once(sim: RunningSimulator, jobs: int, runtime: float = 0.5) -> dict[str, float]:
    """``jobs`` concurrent ``submit_job`` + ``complete`` with the configured latency."""
    async with _client(sim, wait_interval=0.5, task_interval=0.2) as client:
        perlmutter = await client.compute("perlmutter")
        sim.reset_stats()
        wall = time.perf_counter()

        async def one(index: int) -> JobState:
            script = (
                "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"
                f"# sim: runtime={runtime:g}\necho {index}\n"
            )
            job = await perlmutter.submit_job(script)
            return await job.complete(timeout=120)

        states = await asyncio.gather(*(one(i) for i in range(jobs)))
        wall = time.perf_counter() - wall
    if set(states) != {JobState.COMPLETED}:
        raise RuntimeError(f"submission benchmark: unexpected states {set(states)}")
    return {
        "wall_s": wall,
        "requests": float(sim.stats()["total_requests"]),
        "jobs_per_s": jobs / wall,
    }


def run_all(quick: bool = False) -> dict[str, Any]:
    """Both measurements, repeated; the keys named in the benchmark's documentation."""
    repeats = 1 if quick else 3
    monitor_jobs, submit_jobs = (300, 50) if quick else (1000, 200)
    monitoring: list[dict[str, float]] = []
    submitting: list[dict[str, float]] = []
    config = SimConfig(admin=True, job_pending=0.2, task_delay=0.1)
    for _ in range(repeats):
        with running_simulator(config) as sim:
            monitoring.append(asyncio.run(_monitor_once(sim, monitor_jobs)))
        with running_simulator(config) as sim:
            sim.set_faults(latency=0.05)
            submitting.append(asyncio.run(_submit_once(sim, submit_jobs)))
    results: dict[str, Any] = {
        "monitor_jobs": monitor_jobs,
    }
    for key in ("requests", "rounds", "requests_per_round", "wall_s", "cpu_s"):
        results[f"monitor_{key}"] = _summary([m[key] for m in monitoring])
    results["monitor_requests_per_round"] = max(m["requests_per_round"] for m in monitoring)
    results["submit_jobs"] = submit_jobs
    for key in ("wall_s", "requests"):
        results[f"submit_{key}"] = _summary([s[key] for s in submitting])
    results["submit_jobs_per_s"] = _summary([s["jobs_per_s"] for s in submitting])
    # The simulator's own capacity: 1,000 jobs of runtime 0 submitted and completed.
    with running_simulator(SimConfig(admin=True, job_pending=0.0, task_delay=0.05)) as sim:
        many = asyncio.run(_submit_once(sim, 300 if quick else 1000, runtime=0.0))
    results["simulator_jobs"] = 300 if quick else 1000
    results["simulator_jobs_wall_s"] = many["wall_s"]
    return results
