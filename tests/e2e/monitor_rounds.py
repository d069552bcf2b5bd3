"""What the tests of the monitor's request bound share: a simulator of their own whose
requests are logged, and its job listings grouped by poll round."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sfapi_sim.config import SimConfig
from sfapi_sim.testing import RunningSimulator, running_simulator
from sfapi_sim.world import LoggedRequest

#: The route of the job listings, as the request log names it.
LISTINGS = "GET /compute/jobs/{machine}"
#: Simulated seconds every seeded job waits in the queue before it starts.
QUEUED = 1000.0


@contextmanager
def quiet_simulator() -> Iterator[RunningSimulator]:
    """A simulator of its own (the seeded jobs stay out of other tests' listings), with a
    request log; its tokens outlive the simulated hours a test moves the clock by."""
    config = SimConfig(admin=True, task_delay=0.05, token_lifetime=100 * QUEUED)
    with running_simulator(config) as sim:
        sim.world.stats.keep_log(100_000)
        yield sim


def listing_rounds(log: list[LoggedRequest]) -> list[list[LoggedRequest]]:
    """The listings grouped by round: each round opens with its squeue listing."""
    rounds: list[list[LoggedRequest]] = []
    for request in log:
        if request.params.get("sacct") != ["true"]:
            rounds.append([])
        assert rounds, "a round opened with sacct"
        rounds[-1].append(request)
    return rounds
