# Generated from tests/e2e/_async/test_auth_flow.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""The token flow against the simulator's real token endpoint: one token for many
concurrent calls, refresh before expiry and after a 401, read-only clients."""

from __future__ import annotations

import pytest

from sfapi_client import ApiClient, Client, PermissionDeniedError
from sfapi_client._auth import ClientCredentialsAuth
from sfapi_client._credentials import Credentials
from sfapi_sim.testing import RunningSimulator

TOKEN = "POST /c2id/token"


class Clock:
    def __init__(self) -> None:
        import time

        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def _low_level(sim: RunningSimulator, clock: Clock) -> tuple[ApiClient, ClientCredentialsAuth]:
    auth = ClientCredentialsAuth(
        Credentials.from_key_file(sim.key_file), sim.token_url, clock=clock
    )
    return ApiClient(sim.base_url, auth=auth), auth


def test_fifty_concurrent_calls_fetch_one_token(sim: RunningSimulator, run_all) -> None:  # type: ignore[no-untyped-def]
    with Client(key=sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url) as client:
        sim.reset_stats()
        users = run_all([client.api_client.account.read_user for _ in range(50)])
    assert {u.name for u in users} == {"alice"}
    assert sim.stats()["requests"][TOKEN] == 1


def test_refresh_before_expiry_sends_no_expired_token(sim: RunningSimulator) -> None:
    sim.configure(token_lifetime=100.0)
    clock = Clock()
    client, auth = _low_level(sim, clock)
    with client:
        sim.reset_stats()
        client.account.read_user()
        clock.now += 95  # inside the refresh margin: a new token before the old one expires
        client.account.read_user()
    stats = sim.stats()["requests"]
    assert stats[TOKEN] == 2 and auth.tokens_fetched == 2
    assert stats["GET /account/"] == 2  # no 401 answered, no request repeated


def test_refresh_once_after_a_401(sim: RunningSimulator) -> None:
    sim.configure(token_lifetime=50.0)
    clock = Clock()
    client, _ = _low_level(sim, clock)
    with client:
        client.account.read_user()
        sim.world.clock.advance(60)  # the server's token expires; the client does not know
        sim.reset_stats()
        user = client.account.read_user()
    assert user.name == "alice"
    stats = sim.stats()["requests"]
    assert stats[TOKEN] == 1 and stats["GET /account/"] == 2, stats


def test_read_only_client_cannot_write(sim: RunningSimulator) -> None:
    with Client(
        key=sim.read_only_key_file, api_base_url=sim.base_url, token_url=sim.token_url
    ) as client:
        perlmutter = client.compute("perlmutter")
        assert (perlmutter.ls("/global/homes/a/alice", directory=True))[0].is_dir()
        with pytest.raises(PermissionDeniedError, match="read-only"):
            perlmutter.run("echo no")
