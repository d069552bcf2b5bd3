# Generated from tests/e2e/_async/test_key_life.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""The key's life over real HTTP: its expiry known and warned about once, an expired key
refused before any request with ``KeyExpiredError``, an address outside its ranges
refused with ``AddressNotAllowedError``, and a key file replaced while the client runs
picked up at the next token.

One simulator for the module (its clock is moved forward instead of sleeping: tokens
live 600 simulated seconds, the keys made here an hour or two).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from joserfc.jwk import RSAKey

from sfapi_client import Client, RetryConfig
from sfapi_client.exceptions import (
    AddressNotAllowedError,
    AuthenticationError,
    KeyExpiredError,
    ServerError,
)
from sfapi_sim.config import Faults, RouteFaults, SimConfig
from sfapi_sim.testing import RunningSimulator, running_simulator

TOKEN_ROUTE = "POST /c2id/token"
#: Simulated seconds that outlast the simulator's tokens (600 s): the next call needs a
#: new token.
PAST_A_TOKEN = 700.0


@pytest.fixture(scope="module")
def key_sim() -> Iterator[RunningSimulator]:
    with running_simulator(SimConfig(admin=True)) as sim:
        sim.world.stats.keep_log(10_000)
        yield sim


def _client(sim: RunningSimulator, key: Path, **options: object) -> Client:
    return Client(key=key, api_base_url=sim.base_url, token_url=sim.token_url, **options)  # type: ignore[arg-type]


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and r.name.startswith("sfapi_client")
    ]


def _secret_of(key: Path) -> str:
    """The base64 body of a key file's PEM: what must never be shown."""
    lines = key.read_text().splitlines()
    return "".join(line for line in lines[2:-1])[:64]


def _token_requests(sim: RunningSimulator) -> int:
    return len(sim.world.stats.logged(TOKEN_ROUTE))


def _listed_expiry(sim: RunningSimulator, key: Path) -> datetime:
    client_id = key.read_text().splitlines()[0]
    (client,) = [c for c in sim.world.authority.clients_of("alice") if c.client_id == client_id]
    return datetime.fromtimestamp(client.expires_at, UTC)


def test_a_key_expiring_within_the_margin_warns_once(
    key_sim: RunningSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    key = key_sim.user_key("alice", lifetime=3600)
    caplog.set_level(logging.WARNING, logger="sfapi_client")
    with _client(key_sim, key) as client:
        assert (client.user()).name == "alice"
        expires = client.key_expires_at()
        assert expires is not None
        assert abs((expires - _listed_expiry(key_sim, key)).total_seconds()) < 1e-3
        key_sim.world.clock.advance(PAST_A_TOKEN)
        client.user()  # a new token: its checks do not warn again
        client.key_expires_at()
    warnings = _warnings(caplog)
    assert len(warnings) == 1, warnings
    client_id = key.read_text().splitlines()[0]
    assert client_id in warnings[0] and "iris.nersc.gov" in warnings[0]
    assert _secret_of(key) not in caplog.text


def test_no_warning_outside_the_margin(
    key_sim: RunningSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    key = key_sim.user_key("alice", lifetime=3600)
    caplog.set_level(logging.WARNING, logger="sfapi_client")
    with _client(key_sim, key, key_expiry_margin=600) as client:
        client.user()
        assert client.key_expires_at() is not None
    assert _warnings(caplog) == []


def test_an_expired_key_raises_before_any_request_fails(
    key_sim: RunningSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    key = key_sim.user_key("alice", lifetime=3600)
    with _client(key_sim, key, key_expiry_margin=0) as client:
        client.user()
        expires = client.key_expires_at()
        key_sim.world.clock.advance(3600 + PAST_A_TOKEN)
        # The token endpoint refuses the expired key: the error says so, and where to renew.
        with pytest.raises(KeyExpiredError) as refused:
            client.user()
        assert refused.value.expires_at == expires
        assert isinstance(refused.value, AuthenticationError)
        text = str(refused.value)
        assert "iris.nersc.gov" in text and str(key) in text
        assert expires is not None and expires.strftime("%Y-%m-%d %H:%M:%S UTC") in text
        # Known expired now: the next call raises before sending anything.
        sent = sum(key_sim.world.stats.snapshot()["requests"].values())
        with pytest.raises(KeyExpiredError):
            client.projects()
        assert sum(key_sim.world.stats.snapshot()["requests"].values()) == sent
    assert _secret_of(key) not in text + repr(refused.value) + caplog.text


def test_a_key_carrying_a_past_expiry_sends_nothing(
    key_sim: RunningSimulator, tmp_path: Path
) -> None:
    pem_key = key_sim.user_key("alice")
    client_id, _, pem = pem_key.read_text().partition("\n")
    jwk = RSAKey.import_key(pem).as_dict(private=True)
    expired_at = time.time() - 60  # by the client's clock (the simulator's runs ahead)
    key = tmp_path / "expired.json"
    key.write_text(json.dumps({"client_id": client_id, "secret": {**jwk, "exp": expired_at}}))
    key.chmod(0o600)
    sent = sum(key_sim.world.stats.snapshot()["requests"].values())
    with _client(key_sim, key) as client:
        with pytest.raises(KeyExpiredError) as refused:
            client.user()
        assert client.key_expires_at() == datetime.fromtimestamp(expired_at, UTC)
    assert sum(key_sim.world.stats.snapshot()["requests"].values()) == sent
    assert jwk["d"][:32] not in str(refused.value) + repr(refused.value)


def test_an_address_outside_the_key_ranges_has_its_own_error(
    key_sim: RunningSimulator,
) -> None:
    key = key_sim.user_key("alice", ip_ranges=["192.0.2.0/24"])
    with _client(key_sim, key) as client:
        with pytest.raises(AddressNotAllowedError) as refused:
            client.user()
    assert "127.0.0.1" in str(refused.value)
    allowed = key_sim.user_key("alice", ip_ranges=["127.0.0.0/8"])
    with _client(key_sim, allowed) as client:
        assert (client.user()).name == "alice"


def _replace(key: Path, new: Path) -> None:
    """Put ``new``'s key at ``key`` as users do: a new file renamed over the old one."""
    staged = key.with_suffix(".new")
    staged.write_text(new.read_text())
    staged.chmod(0o600)
    os.replace(staged, key)


def test_a_replaced_key_file_is_picked_up(
    key_sim: RunningSimulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    first = key_sim.user_key("alice", lifetime=3600)
    second = key_sim.user_key("alice", lifetime=7200)
    third = key_sim.user_key("alice", lifetime=9000)
    key = tmp_path / "alice.key"
    _replace(key, first)
    caplog.set_level(logging.WARNING, logger="sfapi_client")
    with _client(key_sim, key, key_expiry_margin=0) as client:
        client.user()
        assert client.key_expires_at() == _listed_expiry(key_sim, first)
        # The first key expires; a renewed one is put in place while the client runs.
        key_sim.world.clock.advance(3600 + PAST_A_TOKEN)
        _replace(key, second)
        assert (client.user()).name == "alice"
        assert client.key_expires_at() == _listed_expiry(key_sim, second)

        # A replacement still being written: the old key stays in use, with one warning.
        half = second.read_text()[:120]
        key.write_text(half)
        key_sim.world.clock.advance(PAST_A_TOKEN)
        assert (client.user()).name == "alice"
        key_sim.world.clock.advance(PAST_A_TOKEN)
        assert (client.user()).name == "alice"
        assert client.key_expires_at() == _listed_expiry(key_sim, second)
        warnings = _warnings(caplog)
        assert len(warnings) == 1 and str(key) in warnings[0], warnings

        # Once the file is whole, the next token uses it.
        key.write_text(third.read_text())
        key_sim.world.clock.advance(PAST_A_TOKEN)
        assert (client.user()).name == "alice"
        assert client.key_expires_at() == _listed_expiry(key_sim, third)
    shown = caplog.text
    for used in (first, second, third):
        assert _secret_of(used) not in shown


def test_an_expired_key_with_an_unusable_replacement_says_both(
    key_sim: RunningSimulator, tmp_path: Path
) -> None:
    key = tmp_path / "alice.key"
    _replace(key, key_sim.user_key("alice", lifetime=3600))
    with _client(key_sim, key, key_expiry_margin=0) as client:
        client.user()
        key.write_text("not a key file")  # the renewal went wrong
        key_sim.world.clock.advance(3600 + PAST_A_TOKEN)
        with pytest.raises(KeyExpiredError) as refused:
            client.user()
    text = str(refused.value)
    assert "client expired at" in text and "replaced key file cannot be used" in text, text


def test_a_failing_lookup_leaves_the_call_alone(
    key_sim: RunningSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    key = key_sim.user_key("alice", lifetime=3600)
    failing = RouteFaults("GET", "/account/clients", Faults(error_rate=1.0))
    key_sim.world.set_faults(replace(key_sim.world.config, route_faults=(failing,)))
    caplog.set_level(logging.WARNING, logger="sfapi_client")
    try:
        with _client(key_sim, key, retry=RetryConfig(max_attempts=1)) as client:
            assert (client.user()).name == "alice"  # the lookup after its token failed
            with pytest.raises(ServerError):  # asked for, its failure is the caller's
                client.key_expires_at()
            key_sim.world.set_faults(replace(key_sim.world.config, route_faults=()))
            assert client.key_expires_at() == _listed_expiry(key_sim, key)
    finally:
        key_sim.world.set_faults(replace(key_sim.world.config, route_faults=()))
    assert len(_warnings(caplog)) == 1  # once known, the near expiry is reported once
