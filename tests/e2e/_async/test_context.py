"""Machines, jobs and tasks wait with the clock and sleep of the context they are given."""

from __future__ import annotations

import pytest

from sfapi_client import AsyncClient, JobState, Machine, WaitTimeoutError
from sfapi_client._async.compute import AsyncCompute
from sfapi_client._async.context import AsyncContext


class FakeTime:
    """A clock that moves only when somebody sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


async def test_a_wait_runs_on_the_injected_clock(async_client: AsyncClient) -> None:
    time = FakeTime()
    context = AsyncContext(
        async_client.api_client,
        wait_interval=5.0,
        task_interval=0.5,
        clock=time.clock,
        sleep=time.sleep,
    )
    status = await context.api.status.read_status_for_system(Machine.perlmutter.value)
    perlmutter = AsyncCompute(context, Machine.perlmutter, status)
    job = await perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: pending=3600\n"
    )
    assert set(time.sleeps) <= {0.5}  # the submission's task polls, if any
    started, time.sleeps = time.now, []
    with pytest.raises(WaitTimeoutError):
        await job.complete(timeout=60)
    # An hour-long queue wait gave up after 60 fake seconds, polling every 5 of them.
    assert job.state is JobState.PENDING
    assert 60 <= time.now - started < 61
    assert max(time.sleeps) <= 5.0 + 0.1
    assert perlmutter.monitor.rounds >= 12


async def test_a_context_refuses_a_bad_interval(async_client: AsyncClient) -> None:
    with pytest.raises(ValueError, match="poll interval"):
        AsyncContext(async_client.api_client, wait_interval=0, task_interval=1)
