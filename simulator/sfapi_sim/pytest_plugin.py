"""pytest fixtures: a simulator for the whole session, with its faults reset per test.

Installed with the package, the plugin is registered through the ``pytest11`` entry
point: a test that names the ``sim`` fixture gets a running simulator without any
conftest, and ``-p no:sfapi_sim`` turns the plugin off.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .config import DEFAULT_DISK_QUOTA
from .testing import RunningSimulator, running_simulator


@pytest.fixture(scope="session")
def sim_session() -> Iterator[RunningSimulator]:
    with running_simulator() as simulator:
        yield simulator


@pytest.fixture
def sim(sim_session: RunningSimulator) -> Iterator[RunningSimulator]:
    """The session's simulator, without faults, with fast jobs, the default disk quota
    and its clock back to real time, for one test.

    ``sim.client()`` and ``sim.async_client()`` give clients already pointed at it, with
    alice's read-write key; ``sim.set_faults(...)`` and ``sim.configure(...)`` change
    its behaviour for this test only.
    """
    sim_session.world.clock.offset = 0.0
    sim_session.set_faults()
    sim_session.configure(
        job_runtime=0.5,
        job_pending=0.2,
        task_delay=0.05,
        token_lifetime=600.0,
        disk_quota=DEFAULT_DISK_QUOTA,
    )
    yield sim_session
    sim_session.set_faults()
    sim_session.world.clock.offset = 0.0
