"""Clients of the session's simulator, through the real token flow, for end-to-end tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from sfapi_client import AsyncClient, Client
from sfapi_sim.testing import RunningSimulator

#: Poll quickly: the simulator's jobs last fractions of a second in these tests.
FAST = {"wait_interval": 0.1, "task_interval": 0.02}


@pytest.fixture
async def async_client(sim: RunningSimulator) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(
        key=sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url, **FAST
    ) as client:
        yield client


@pytest.fixture
def client(sim: RunningSimulator) -> Iterator[Client]:
    with Client(
        key=sim.key_file, api_base_url=sim.base_url, token_url=sim.token_url, **FAST
    ) as client:
        yield client


@pytest.fixture
async def async_public_client(sim: RunningSimulator) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(api_base_url=sim.base_url, token_url=sim.token_url, **FAST) as client:
        yield client


@pytest.fixture
def public_client(sim: RunningSimulator) -> Iterator[Client]:
    with Client(api_base_url=sim.base_url, token_url=sim.token_url, **FAST) as client:
        yield client
