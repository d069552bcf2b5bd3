"""The ``sim`` fixture keeps the shell's client settings out of the test: with another
simulator's (or NERSC's) SFAPI_* exported, a client built without credentials has none,
and nothing is sent where those variables point."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from sfapi_client import Client, MissingCredentialsError
from sfapi_sim.pytest_plugin import CLIENT_VARIABLES
from sfapi_sim.testing import RunningSimulator


@pytest.fixture
def shell_exports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """What a developer's shell holds: another simulator's export lines. Set before the
    ``sim`` fixture runs (fixtures start in the order a test names them)."""
    saved = {name: os.environ.get(name) for name in CLIENT_VARIABLES}
    os.environ.update(
        SFAPI_KEY=str(tmp_path_factory.mktemp("other") / "other-key.pem"),
        SFAPI_BASE_URL="http://127.0.0.1:9/api/v1.2",
        SFAPI_TOKEN_URL="http://127.0.0.1:9/c2id/token",
        SFAPI_WAIT_INTERVAL="1",
    )
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def test_the_shell_settings_are_unset_during_a_sim_test(
    shell_exports: None, sim: RunningSimulator
) -> None:
    assert not set(CLIENT_VARIABLES) & set(os.environ)
    sim.reset_stats()
    with sim.client(key=None) as client:
        assert client.resources.status("perlmutter").name == "perlmutter"
        with pytest.raises(MissingCredentialsError):
            client.user()
    assert sim.stats()["total_requests"] == 1


def test_code_that_reads_the_variables_is_pointed_at_sim(
    sim: RunningSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SFAPI_KEY", str(sim.key_file))
    monkeypatch.setenv("SFAPI_BASE_URL", sim.base_url)
    monkeypatch.setenv("SFAPI_TOKEN_URL", sim.token_url)
    with Client() as client:
        assert client.user().name == "alice"
