"""pytest fixtures: a simulator for the whole session, with its faults reset per test.

Installed with the package, the plugin is registered through the ``pytest11`` entry
point: a test that names the ``sim`` fixture gets a running simulator without any
conftest, and ``-p no:sfapi_sim`` turns the plugin off.

The plugin is inert until a test asks for ``sim``: loading it imports nothing beyond
pytest, so a project that installed the package without its ``sim`` extra runs its
tests as before. A test that asks for ``sim`` there fails with a message saying which
extra to install.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from .config import DEFAULT_DISK_QUOTA, CallbackSettings
from .extra import INSTALL_HINT, missing_extra_module

if TYPE_CHECKING:
    from .testing import RunningSimulator


@pytest.fixture(scope="session")
def sim_session() -> Iterator[RunningSimulator]:
    try:
        from .testing import running_simulator
    except ModuleNotFoundError as exc:
        name = missing_extra_module(exc)
        if name is None:
            raise
        pytest.fail(INSTALL_HINT.format(what="the sim fixture needs", name=name), pytrace=False)
    with running_simulator() as simulator:
        yield simulator


#: The shell settings a client built without arguments reads; unset during a test
#: that uses ``sim``, so that nothing reaches the service they point at and
#: ``sim.client(key=None)`` has no credentials.
CLIENT_VARIABLES = (
    "SFAPI_KEY",
    "SFAPI_BASE_URL",
    "SFAPI_TOKEN_URL",
    "SFAPI_WAIT_INTERVAL",
    "SFAPI_KEY_EXPIRY_MARGIN",
)


@pytest.fixture
def sim(
    sim_session: RunningSimulator, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningSimulator]:
    """The session's simulator, without faults, with fast jobs, the default disk quota
    and its clock back to real time, for one test.

    The shell's ``SFAPI_KEY``, ``SFAPI_BASE_URL``, ``SFAPI_TOKEN_URL`` and
    ``SFAPI_WAIT_INTERVAL`` are unset for the test (a developer may have exported
    another simulator's, or NERSC's); a test of code that reads them sets them with
    ``monkeypatch.setenv`` from ``sim.base_url``, ``sim.token_url`` and ``sim.key_file``.

    ``sim.client()`` and ``sim.async_client()`` give clients already pointed at it, with
    alice's read-write key; ``sim.set_faults(...)`` and ``sim.configure(...)`` change
    its behaviour for this test only.
    """
    for name in CLIENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    sim_session.world.clock.offset = 0.0
    sim_session.set_faults()
    sim_session.configure(
        job_runtime=0.5,
        job_pending=0.2,
        task_delay=0.05,
        token_lifetime=600.0,
        disk_quota=DEFAULT_DISK_QUOTA,
        callbacks=CallbackSettings(),
    )
    yield sim_session
    sim_session.set_faults()
    sim_session.world.clock.offset = 0.0
