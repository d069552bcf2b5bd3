"""Shared fixtures: a running simulator (from its pytest plugin), clients of it, and
concurrency helpers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from sfapi_client import AsyncClient, Client
from sfapi_sim.testing import RunningSimulator

pytest_plugins = ["sfapi_sim.pytest_plugin"]

#: Poll quickly: the simulator's jobs last fractions of a second in these tests.
FAST = {"wait_interval": 0.1, "task_interval": 0.02}


@pytest.fixture
async def async_client(sim: RunningSimulator) -> AsyncIterator[AsyncClient]:
    """A client of the simulator with alice's read-write key, through the token flow."""
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
    """A client of the simulator without credentials."""
    async with AsyncClient(api_base_url=sim.base_url, token_url=sim.token_url, **FAST) as client:
        yield client


@pytest.fixture
def public_client(sim: RunningSimulator) -> Iterator[Client]:
    with Client(api_base_url=sim.base_url, token_url=sim.token_url, **FAST) as client:
        yield client


@pytest.fixture
def async_run_all() -> Callable[[list[Callable[[], Awaitable[Any]]]], Awaitable[list[Any]]]:
    """Run coroutine factories concurrently on the event loop."""

    async def run(calls: list[Callable[[], Awaitable[Any]]]) -> list[Any]:
        return list(await asyncio.gather(*(call() for call in calls)))

    return run


@pytest.fixture
def run_all() -> Callable[[list[Callable[[], Any]]], list[Any]]:
    """Run callables concurrently on threads (the sync twin of ``async_run_all``)."""

    def run(calls: list[Callable[[], Any]]) -> list[Any]:
        with ThreadPoolExecutor(max_workers=len(calls)) as pool:
            return [f.result() for f in [pool.submit(call) for call in calls]]

    return run
