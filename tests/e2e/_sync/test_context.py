# Generated from tests/e2e/_async/test_context.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Machines, jobs and tasks wait with the clock and sleep of the context they are given."""

from __future__ import annotations

import pytest

from sfapi_client import Client, JobState, Machine, WaitTimeoutError
from sfapi_client._sync.compute import Compute
from sfapi_client._sync.context import Context


class FakeTime:
    """A clock that moves only when somebody sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_a_wait_runs_on_the_injected_clock(client: Client) -> None:
    time = FakeTime()
    context = Context(
        client.api_client,
        wait_interval=5.0,
        task_interval=0.5,
        clock=time.clock,
        sleep=time.sleep,
    )
    status = context.api.status.read_status_for_system(Machine.perlmutter.value)
    perlmutter = Compute(context, Machine.perlmutter, status)
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: pending=3600\n"
    )
    assert set(time.sleeps) <= {0.5}  # the submission's task polls, if any
    started, time.sleeps = time.now, []
    with pytest.raises(WaitTimeoutError):
        job.complete(timeout=60)
    # An hour-long queue wait gave up after 60 fake seconds, polling every 5 of them.
    assert job.state is JobState.PENDING
    assert 60 <= time.now - started < 61
    assert max(time.sleeps) <= 5.0 + 0.1
    assert perlmutter.monitor.rounds >= 12


def test_a_context_refuses_a_bad_interval(client: Client) -> None:
    with pytest.raises(ValueError, match="poll interval"):
        Context(client.api_client, wait_interval=0, task_interval=1)
