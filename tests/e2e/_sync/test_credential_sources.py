# Generated from tests/e2e/_async/test_credential_sources.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Every credential source, through the simulator's real token endpoint: a key file (PEM
or JSON), a key named under ~/.superfacility, client id with a PEM, JWK dict or JWK
JSON secret (RS256 and ES256), and an access token obtained beforehand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from joserfc.jwk import ECKey

from sfapi_client import Client, ClientKeyError, _client_keys
from sfapi_client._credentials import Credentials
from sfapi_sim.testing import RunningSimulator


def urls(sim: RunningSimulator) -> dict[str, Any]:
    return {"api_base_url": sim.base_url, "token_url": sim.token_url}


def whoami(**options: Any) -> str:
    with Client(**options) as client:
        return (client.user()).name


def test_key_file_with_client_id_line_and_pem(sim: RunningSimulator) -> None:
    assert whoami(key=sim.key_file, **urls(sim)) == "alice"


def test_key_file_as_json_with_an_ec_key(sim: RunningSimulator, tmp_path: Path) -> None:
    client, key_pem = sim.world.authority.register("alice", kind="EC")
    jwk = ECKey.import_key(key_pem).as_dict(private=True)
    path = tmp_path / "ec.json"
    path.write_text(json.dumps({"client_id": client.client_id, "secret": jwk}))
    path.chmod(0o600)
    assert Credentials.from_key_file(path).algorithm == "ES256"
    assert whoami(key=str(path), **urls(sim)) == "alice"


def test_key_named_under_the_superfacility_folder(
    sim: RunningSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_client_keys, "KEY_FOLDER", tmp_path)
    named = tmp_path / "perlmutter-key[2026-11-25].pem"
    named.write_text(sim.key_file.read_text())
    named.chmod(0o600)
    assert whoami(key="perlmutter-key", **urls(sim)) == "alice"


@pytest.mark.parametrize("form", ["pem", "jwk-dict", "jwk-json"])
def test_client_id_and_es256_secret(sim: RunningSimulator, form: str) -> None:
    client, key_pem = sim.world.authority.register("alice", kind="EC")
    secret: Any = {
        "pem": key_pem,
        "jwk-dict": ECKey.import_key(key_pem).as_dict(private=True),
        "jwk-json": json.dumps(ECKey.import_key(key_pem).as_dict(private=True)),
    }[form]
    assert whoami(client_id=client.client_id, secret=secret, **urls(sim)) == "alice"


def test_rs256_client_id_and_pem_secret(sim: RunningSimulator) -> None:
    client_id, key_pem = sim.key_file.read_text().split("\n", 1)
    assert whoami(client_id=client_id, secret=key_pem, **urls(sim)) == "alice"


def test_access_token_obtained_beforehand(sim: RunningSimulator) -> None:
    token = sim.access_token()
    sim.reset_stats()
    assert whoami(access_token=token, **urls(sim)) == "alice"
    assert "POST /c2id/token" not in sim.stats()["requests"]


def test_refusals_come_before_any_request(sim: RunningSimulator, tmp_path: Path) -> None:
    client_id, key_pem = sim.key_file.read_text().split("\n", 1)
    readable = tmp_path / "readable.pem"
    readable.write_text(sim.key_file.read_text())
    readable.chmod(0o644)
    refusals: list[tuple[dict[str, Any], str]] = [
        ({"key": readable}, "chmod 600"),
        ({"key": tmp_path / "absent.pem"}, "not found"),
        ({"client_id": client_id, "secret": "not a key"}, "neither a PEM private key nor a JWK"),
        ({"client_id": "alice", "secret": key_pem}, "does not look like a NERSC client id"),
        ({"client_id": client_id}, "secret"),
    ]
    sim.reset_stats()
    for options, message in refusals:
        with pytest.raises(ClientKeyError, match=message):
            whoami(**options, **urls(sim))
    assert sim.stats()["total_requests"] == 0
