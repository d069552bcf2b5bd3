"""``sfapi-sim serve --key-lifetime`` and ``--key-ip-range``: the keys it writes expire
(``expiresAt`` consistent with the lifetime, the token endpoint refusing them after it)
and are refused from other addresses, as ``spec/BEHAVIOUR.md`` models NERSC's."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import httpx2
import pytest

from sfapi_client import Client
from sfapi_client.exceptions import AddressNotAllowedError, KeyExpiredError
from sfapi_sim.cli import _parser
from sfapi_sim.config import SimConfig
from sfapi_sim.testing import running_simulator

from .test_sandbox_limits import _serve, _stop

TOKEN_PATH = "/c2id/token"


def _client(base: str, key: Path) -> Client:
    return Client(key=key, api_base_url=f"{base}/api/v1.2", token_url=f"{base}{TOKEN_PATH}")


def test_served_keys_expire_after_their_lifetime(tmp_path: Path) -> None:
    key = tmp_path / "alice.key"
    started = time.time()
    process, lines = _serve(
        "--admin", "--key-lifetime", "7200", "--key-out", str(key), until="read-write key"
    )
    try:
        with _client(lines["base"], key) as client:
            assert client.user().name == "alice"
            (listed,) = [c for c in client.user().clients() if c.name.endswith("rw")]
            expires = datetime.fromisoformat(listed.expiresAt).timestamp()
            assert started + 7200 - 1 <= expires <= time.time() + 7200 + 1
            assert client.key_expires_at() == datetime.fromisoformat(listed.expiresAt)
            advanced = httpx2.post(
                f"{lines['base']}/_sim/clock/advance", json={"seconds": 7200 + 700}
            )
            assert advanced.status_code == 200
            with pytest.raises(KeyExpiredError) as refused:
                client.user()
            assert refused.value.expires_at == datetime.fromisoformat(listed.expiresAt)
            assert "client expired at" in str(refused.value)  # the token endpoint's words
    finally:
        _stop(process)


def test_keys_are_refused_outside_their_ranges() -> None:
    with running_simulator(SimConfig(key_ip_ranges=("192.0.2.0/24",))) as sim:
        assert httpx2.get(f"{sim.base_url}/status").status_code == 200  # no key needed
        with sim.client() as client, pytest.raises(AddressNotAllowedError) as refused:
            client.user()
        assert "127.0.0.1" in str(refused.value)
        allowed = sim.user_key("alice", ip_ranges=["127.0.0.0/8", "192.0.2.0/24"])
        with sim.client(key=allowed) as client:
            assert client.user().name == "alice"


@pytest.mark.parametrize(
    "arguments",
    [
        ["--key-lifetime", "0"],
        ["--key-lifetime", "-5"],
        ["--key-lifetime", "nan"],
        ["--key-lifetime", "soon"],
        ["--key-ip-range", "10.0.0.0/33"],
        ["--key-ip-range", "somewhere"],
    ],
)
def test_unusable_key_settings_are_refused(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _parser().parse_args(["serve", *arguments])
    assert stopped.value.code == 2
    assert arguments[0] in capsys.readouterr().err
