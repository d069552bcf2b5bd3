"""The credentials block: clients from its fields or from the SFAPI_* variables, and a
private key that stays secret in reprs and on the Prefect server."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from prefect_sfapi import SfApiCredentials
from sfapi_client import ClientKeyError
from sfapi_sim.testing import RunningSimulator


def pem_of(sim: RunningSimulator) -> str:
    return sim.key_file.read_text().partition("\n")[2].strip()


def test_a_block_from_a_key_file_reaches_the_service(sim: RunningSimulator) -> None:
    credentials = SfApiCredentials.from_key_file(
        sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url
    )
    assert credentials.client_id == sim.client_id
    assert credentials.private_key is not None
    assert credentials.private_key.get_secret_value() == pem_of(sim)
    with credentials.get_client() as client:
        assert client.user().name == "alice"


def test_an_empty_block_follows_the_environment(
    sim: RunningSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SFAPI_KEY", str(sim.key_file))
    monkeypatch.setenv("SFAPI_BASE_URL", sim.base_url)
    monkeypatch.setenv("SFAPI_TOKEN_URL", sim.token_url)
    with SfApiCredentials().get_client() as client:
        assert client.user().name == "alice"


async def test_the_async_client_uses_the_same_fields(sim: RunningSimulator) -> None:
    credentials = SfApiCredentials(
        key_file=str(sim.key_file), api_base_url=sim.base_url, token_url=sim.token_url
    )
    async with credentials.get_async_client() as client:
        assert (await client.user()).name == "alice"


def test_the_private_key_is_never_shown(sim: RunningSimulator) -> None:
    credentials = SfApiCredentials(client_id=sim.client_id, private_key=SecretStr(pem_of(sim)))
    secret_line = pem_of(sim).splitlines()[1]
    for shown in (repr(credentials), str(credentials), credentials.model_dump_json()):
        assert secret_line not in shown
        assert "PRIVATE KEY" not in shown


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"client_id": "abcdefghijklm"}, "go together"),
        ({"private_key": SecretStr("x")}, "go together"),
        (
            {"client_id": "abcdefghijklm", "private_key": SecretStr("x"), "key_file": "k.pem"},
            "not both",
        ),
    ],
)
def test_incomplete_credentials_are_refused_before_any_request(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ClientKeyError, match=message):
        SfApiCredentials(**fields).get_client()  # type: ignore[arg-type]


def test_a_saved_block_keeps_its_key_encrypted_and_loads_it_back(
    sim: RunningSimulator, prefect_api_url: str
) -> None:
    from prefect.client.orchestration import get_client

    credentials = SfApiCredentials.from_key_file(
        sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url
    )
    credentials.save("simulator", overwrite=True)

    with get_client(sync_client=True) as prefect:
        stored = prefect.read_block_document_by_name(
            "simulator", block_type_slug="sfapi-credentials", include_secrets=False
        )
    assert stored.data["private_key"] != pem_of(sim)
    assert "PRIVATE KEY" not in str(stored.data)

    loaded = SfApiCredentials.load("simulator")
    assert loaded.private_key is not None
    assert loaded.private_key.get_secret_value() == pem_of(sim)
    with loaded.get_client() as client:
        assert client.user().name == "alice"
