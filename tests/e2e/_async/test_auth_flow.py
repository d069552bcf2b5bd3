"""The token flow against the simulator's real token endpoint: one token for many
concurrent calls, refresh before expiry and after a 401, read-only clients."""

from __future__ import annotations

import pytest

from sfapi_client import AsyncApiClient, AsyncClient, PermissionDeniedError
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


def _low_level(sim: RunningSimulator, clock: Clock) -> tuple[AsyncApiClient, ClientCredentialsAuth]:
    auth = ClientCredentialsAuth(
        Credentials.from_key_file(sim.key_file), sim.token_url, clock=clock
    )
    return AsyncApiClient(sim.base_url, auth=auth), auth


async def test_fifty_concurrent_calls_fetch_one_token(sim: RunningSimulator, async_run_all) -> None:  # type: ignore[no-untyped-def]
    async with AsyncClient(
        key=sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url
    ) as client:
        sim.reset_stats()
        users = await async_run_all([client.api_client.account.read_user for _ in range(50)])
    assert {u.name for u in users} == {"alice"}
    assert sim.stats()["requests"][TOKEN] == 1


async def test_refresh_before_expiry_sends_no_expired_token(sim: RunningSimulator) -> None:
    sim.configure(token_lifetime=100.0)
    clock = Clock()
    client, auth = _low_level(sim, clock)
    async with client:
        sim.reset_stats()
        await client.account.read_user()
        clock.now += 95  # inside the refresh margin: a new token before the old one expires
        await client.account.read_user()
    stats = sim.stats()["requests"]
    assert stats[TOKEN] == 2 and auth.tokens_fetched == 2
    assert stats["GET /account/"] == 2  # no 401 answered, no request repeated


async def test_refresh_once_after_a_401(sim: RunningSimulator) -> None:
    sim.configure(token_lifetime=50.0)
    clock = Clock()
    client, _ = _low_level(sim, clock)
    async with client:
        await client.account.read_user()
        sim.world.clock.advance(60)  # the server's token expires; the client does not know
        sim.reset_stats()
        user = await client.account.read_user()
    assert user.name == "alice"
    stats = sim.stats()["requests"]
    assert stats[TOKEN] == 1 and stats["GET /account/"] == 2, stats


async def test_read_only_client_cannot_write(sim: RunningSimulator) -> None:
    async with AsyncClient(
        key=sim.read_only_key_file, api_base_url=sim.base_url, token_url=sim.token_url
    ) as client:
        perlmutter = await client.compute("perlmutter")
        assert await (await perlmutter.ls("/global/homes/a/alice", directory=True))[0].is_dir()
        with pytest.raises(PermissionDeniedError, match="read-only"):
            await perlmutter.run("echo no")
