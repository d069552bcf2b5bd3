"""Shared fixtures: a running simulator (from its pytest plugin) and concurrency helpers."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

pytest_plugins = ["sfapi_sim.pytest_plugin"]


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
