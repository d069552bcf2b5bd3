"""A client built without arguments follows the environment, over real HTTP against the
simulator: SFAPI_KEY, SFAPI_BASE_URL, SFAPI_TOKEN_URL and SFAPI_WAIT_INTERVAL, as
``sfapi-sim serve`` prints them. Arguments always win over the variables, and a variable
that is set but unusable is an error naming it, raised before any request."""

from __future__ import annotations

from pathlib import Path

import pytest

from sfapi_client import AsyncClient, ClientKeyError, Machine, MissingCredentialsError
from sfapi_client.exceptions import InvalidArgumentError, SfApiError
from sfapi_sim.testing import RunningSimulator

VARIABLES = ("SFAPI_KEY", "SFAPI_BASE_URL", "SFAPI_TOKEN_URL", "SFAPI_WAIT_INTERVAL")


@pytest.fixture
def exported(sim: RunningSimulator, monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The four export lines of the simulator, as a user pastes them into a shell."""
    monkeypatch.setenv("SFAPI_KEY", str(sim.key_file))
    monkeypatch.setenv("SFAPI_BASE_URL", sim.base_url)
    monkeypatch.setenv("SFAPI_TOKEN_URL", sim.token_url)
    monkeypatch.setenv("SFAPI_WAIT_INTERVAL", "0.25")
    sim.reset_stats()
    return monkeypatch


def requests_seen(sim: RunningSimulator) -> int:
    return int(sim.stats()["total_requests"])


async def test_a_client_without_arguments_runs_a_job_on_the_simulator(
    sim: RunningSimulator, exported: pytest.MonkeyPatch
) -> None:
    async with AsyncClient() as client:
        assert client.wait_interval == 0.25
        assert (await client.user()).name == "alice"
        perlmutter = await client.compute(Machine.perlmutter)
        job = await perlmutter.submit_job(
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hello\n"
        )
        assert (await job.complete(timeout=30)).value == "COMPLETED"
    assert sim.stats()["tokens_issued"] >= 1


async def test_arguments_win_over_the_variables(
    sim: RunningSimulator, exported: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    exported.setenv("SFAPI_KEY", str(tmp_path / "absent.pem"))
    exported.setenv("SFAPI_WAIT_INTERVAL", "soon")
    async with AsyncClient(key=sim.key_file, wait_interval=3) as client:
        assert client.wait_interval == 3
        assert (await client.user()).name == "alice"
    token = sim.access_token()
    async with AsyncClient(access_token=token, wait_interval=2) as client:
        assert (await client.user()).name == "alice"


async def test_without_the_key_variable_only_public_operations_work(
    sim: RunningSimulator, exported: pytest.MonkeyPatch
) -> None:
    for name in ("SFAPI_KEY", "SFAPI_WAIT_INTERVAL"):
        exported.delenv(name)
    async with AsyncClient() as client:
        assert client.wait_interval == 10
        assert (await client.resources.status("perlmutter")).name == "perlmutter"
        with pytest.raises(MissingCredentialsError, match="or set SFAPI_KEY to your key file"):
            await client.user()


@pytest.mark.parametrize(
    ("value", "says"),
    [("", "set but empty"), (" ", "set but empty"), ("absent.pem", "absent.pem")],
)
async def test_an_unusable_key_variable_is_named(
    sim: RunningSimulator, exported: pytest.MonkeyPatch, tmp_path: Path, value: str, says: str
) -> None:
    exported.chdir(tmp_path)
    exported.setenv("SFAPI_KEY", value)
    with pytest.raises(ClientKeyError) as caught:
        AsyncClient()
    assert "SFAPI_KEY" in str(caught.value) and says in str(caught.value)
    assert isinstance(caught.value, SfApiError) and isinstance(caught.value, ValueError)
    assert requests_seen(sim) == 0


async def test_a_key_variable_naming_a_folder_is_named(
    sim: RunningSimulator, exported: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    exported.setenv("SFAPI_KEY", str(tmp_path))
    with pytest.raises(ClientKeyError, match="SFAPI_KEY environment variable"):
        AsyncClient()
    assert requests_seen(sim) == 0


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("", "set but empty"),
        ("soon", "not a number"),
        ("0", "positive number"),
        ("-1", "positive number"),
        ("nan", "positive number"),
        ("inf", "positive number"),
    ],
)
async def test_an_unusable_wait_interval_variable_is_named(
    sim: RunningSimulator, exported: pytest.MonkeyPatch, value: str, says: str
) -> None:
    exported.setenv("SFAPI_WAIT_INTERVAL", value)
    with pytest.raises(InvalidArgumentError) as caught:
        AsyncClient()
    assert "SFAPI_WAIT_INTERVAL" in str(caught.value) and says in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert requests_seen(sim) == 0


async def test_a_long_bad_value_is_shortened_in_the_error(exported: pytest.MonkeyPatch) -> None:
    exported.setenv("SFAPI_WAIT_INTERVAL", "x" * 10_000)
    with pytest.raises(InvalidArgumentError) as caught:
        AsyncClient()
    assert len(str(caught.value)) < 200
