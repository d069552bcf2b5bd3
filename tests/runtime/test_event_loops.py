"""One async client used under several event loops, one ``asyncio.run`` after another:
each loop gets its own connections, closed when the loop ends."""

from __future__ import annotations

import asyncio
import gc

from sfapi_client import AsyncApiClient, AsyncClient
from sfapi_sim.testing import RunningSimulator
from tests.runtime.answering_server import Answer, serving

STATUS = {"name": "perlmutter", "status": "active"}


def test_a_low_level_client_works_in_consecutive_asyncio_runs() -> None:
    with serving([Answer(200, [STATUS])]) as (server, base_url):
        client = AsyncApiClient(base_url)
        for _ in range(3):
            statuses = asyncio.run(client.status.read_status())
            assert statuses[0].name == "perlmutter"
        asyncio.run(client.aclose())
        gc.collect()  # a connection of an ended loop left open would warn here (an error)
    assert len(server.arrivals) == 3


def test_a_client_with_credentials_works_in_consecutive_asyncio_runs(
    sim: RunningSimulator,
) -> None:
    client = AsyncClient(key=sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url)

    async def whoami() -> str:
        return (await client.user()).name

    assert asyncio.run(whoami()) == "alice"
    assert asyncio.run(whoami()) == "alice"

    async def close() -> None:
        await client.aclose()

    asyncio.run(close())
    gc.collect()
