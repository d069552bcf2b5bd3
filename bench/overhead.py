"""Per-call overhead of the clients over ``httpx2.MockTransport`` (no network).

The floor is what any caller pays: an httpx2 request, ``json`` parsing and pydantic
validation of the answer. Each client is measured on the same GET operation (one
system's status, the answer of ``answers.py`` that NERSC's client gets too) and reported as microseconds per call and as a ratio to the floor.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx2
from answers import BASE, STATUS_BODY

from sfapi_client import ApiClient, AsyncApiClient, AsyncClient, Client
from sfapi_client.models import SystemStatus


def _answer(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(200, content=STATUS_BODY, headers={"content-type": "application/json"})


def _transport() -> httpx2.MockTransport:
    return httpx2.MockTransport(_answer)


def _per_call(run: Callable[[int], Any], calls: int) -> float:
    started = time.perf_counter()
    run(calls)
    return (time.perf_counter() - started) / calls * 1e6


def async_floor(calls: int) -> None:
    async def go() -> None:
        async with httpx2.AsyncClient(base_url=BASE, transport=_transport()) as http:
            for _ in range(calls):
                response = await http.get("status/perlmutter")
                SystemStatus.model_validate(response.json())

    asyncio.run(go())


def async_low_level(calls: int) -> None:
    async def go() -> None:
        async with AsyncApiClient(BASE, transport=_transport()) as client:
            for _ in range(calls):
                await client.status.read_status_for_system("perlmutter")

    asyncio.run(go())


def async_ergonomic(calls: int) -> None:
    async def go() -> None:
        async with AsyncClient(api_base_url=BASE, transport=_transport()) as client:
            resources = client.resources
            for _ in range(calls):
                await resources.status("perlmutter")

    asyncio.run(go())


def sync_floor(calls: int) -> None:
    with httpx2.Client(base_url=BASE, transport=_transport()) as http:
        for _ in range(calls):
            SystemStatus.model_validate(http.get("status/perlmutter").json())


def sync_low_level(calls: int) -> None:
    with ApiClient(BASE, transport=_transport()) as client:
        for _ in range(calls):
            client.status.read_status_for_system("perlmutter")


def sync_ergonomic(calls: int) -> None:
    with Client(api_base_url=BASE, transport=_transport()) as client:
        resources = client.resources
        for _ in range(calls):
            resources.status("perlmutter")


RUNS: dict[str, Callable[[int], None]] = {
    "async_floor": async_floor,
    "async_low_level": async_low_level,
    "async_ergonomic": async_ergonomic,
    "sync_floor": sync_floor,
    "sync_low_level": sync_low_level,
    "sync_ergonomic": sync_ergonomic,
}


def measure(calls: int = 5000, repeats: int = 5) -> dict[str, list[float]]:
    """Microseconds per call of each variant, one figure per repeat (interleaved)."""
    for run in RUNS.values():
        run(200)  # warm up: adapters, connection pools, code paths
    figures: dict[str, list[float]] = {name: [] for name in RUNS}
    for _ in range(repeats):
        for name, run in RUNS.items():
            figures[name].append(_per_call(run, calls))
    return figures


if __name__ == "__main__":
    import statistics

    for name, values in measure(2000, 3).items():
        print(f"{name:18} {statistics.median(values):8.1f} µs/call")
