"""Shared fixtures: clients of the running simulator (the ``sim`` fixture comes from
the simulator's pytest plugin, registered by its entry point), and concurrency helpers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from sfapi_client import AsyncClient, Client
from sfapi_sim.pytest_plugin import CLIENT_VARIABLES
from sfapi_sim.testing import RunningSimulator


@pytest.fixture(autouse=True)
def _no_client_settings_from_the_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without the shell's client settings (a developer who pasted the
    simulator's export lines), so that a client built without credentials has none;
    tests that mean to use the variables set them."""
    for name in CLIENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
async def async_client(sim: RunningSimulator) -> AsyncIterator[AsyncClient]:
    """A client of the simulator with alice's read-write key, through the token flow."""
    async with sim.async_client() as client:
        yield client


@pytest.fixture
def client(sim: RunningSimulator) -> Iterator[Client]:
    with sim.client() as client:
        yield client


@pytest.fixture
async def async_public_client(sim: RunningSimulator) -> AsyncIterator[AsyncClient]:
    """A client of the simulator without credentials."""
    async with sim.async_client(key=None) as client:
        yield client


@pytest.fixture
def public_client(sim: RunningSimulator) -> Iterator[Client]:
    with sim.client(key=None) as client:
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
