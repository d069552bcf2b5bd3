"""A night of jobs over a bad network: submit, wait, fetch every output, lose nothing.

The simulator answers 20% of requests 503, drops 5% of connections, answers 10% of
submissions 504 *after* creating the job (the ambiguous case), hides new jobs from
cached listings for a while, sends bursts of 429 with Retry-After, and adds latency.
The workflow must finish every job exactly once, let no exception escape, and stay
within a stated number of requests. A fast variant runs in ``make test``; the full
100-job run is ``make soak``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest

from sfapi_client import AsyncClient, JobState, RetryConfig
from sfapi_sim.config import Faults, RouteFaults
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"

#: Requests one job may cost at most, retries included: submission and its task
#: (~4 with retries), its share of status rounds, ls + download of its output (~4),
#: and the retries the 20% + 5% + 429 faults add to each of them.
REQUESTS_PER_JOB_BOUND = 25


#: What a workflow meant to run unattended through a bad night sets: more attempts
#: than the interactive default of 5 (at a 25% failure rate, 5 attempts still fail one
#: request in a thousand; 10 fail one in a million). Short backoff keeps the test quick.
NIGHT_RETRY = RetryConfig(max_attempts=10, backoff_base=0.1, backoff_cap=2.0)


@dataclass(frozen=True)
class Night:
    jobs: int
    latency: float
    queue_lag: float
    ambiguous_rate: float = 0.10


def _faults(night: Night) -> dict[str, object]:
    common = Faults(
        latency=night.latency,
        error_rate=0.20,
        drop_rate=0.05,
        rate_limit_every=40,
        rate_limit_burst=3,
        rate_limit_retry_after=0.2,
        queue_lag=night.queue_lag,
    )
    submissions = common.merged({"ambiguous_rate": night.ambiguous_rate})
    return {
        "faults": common,
        "route_faults": (RouteFaults("POST", "/compute/jobs", submissions),),
        "job_runtime": 0.5,
        "job_pending": 0.2,
        "task_delay": 0.1,
    }


async def _night(sim: RunningSimulator, night: Night) -> None:
    sim.configure(**_faults(night))
    sim.reset_stats()
    async with AsyncClient(
        key=sim.key_file,
        api_base_url=sim.base_url,
        token_url=sim.token_url,
        wait_interval=0.3,
        task_interval=0.1,
        retry=NIGHT_RETRY,
    ) as client:
        perlmutter = await client.compute("perlmutter")

        async def one(index: int) -> tuple[str, JobState, str]:
            script = f"#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho night job {index}\n"
            job = await perlmutter.submit_job(script)
            state = await job.complete(timeout=300)
            (output,) = await perlmutter.ls(f"{HOME}/slurm-{job.jobid}.out")
            return job.jobid, state, (await output.download()).read()

        results = await asyncio.gather(*(one(i) for i in range(night.jobs)))
    sim.set_faults()

    stats = sim.stats()
    jobids = [jobid for jobid, _, _ in results]
    assert len(set(jobids)) == night.jobs  # one job per submission, none shared
    assert all(state is JobState.COMPLETED for _, state, _ in results)
    assert sorted(text for _, _, text in results) == sorted(
        f"night job {i}\n" for i in range(night.jobs)
    )
    assert stats["submissions"] == {sim.client_id: night.jobs}  # none twice, none lost
    for fault in ("503", "drop", "429", "504-after-processing"):
        assert stats["faults"].get(fault, 0) > 0, f"no {fault} was injected: {stats['faults']}"
    print(f"\n{night}: {stats['total_requests']} requests, faults {stats['faults']}")
    assert stats["total_requests"] <= REQUESTS_PER_JOB_BOUND * night.jobs + 20, stats


async def test_a_short_night_under_faults(sim: RunningSimulator) -> None:
    # More ambiguous answers than the full run, so that a dozen jobs surely meet some.
    await _night(sim, Night(jobs=12, latency=0.05, queue_lag=1.0, ambiguous_rate=0.4))


@pytest.mark.soak
async def test_a_night_of_100_jobs_under_faults(sim: RunningSimulator) -> None:
    await _night(sim, Night(jobs=100, latency=0.2, queue_lag=3.0))
