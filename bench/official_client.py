"""NERSC's sfapi_client 0.6.0, measured inside its own environment (``bench/.peers``).

Run by ``bench/run.py`` with the peer's interpreter; prints one JSON document.
``overhead CALLS``: microseconds per call of ``resources.status`` and of the floor
(httpx + ``json()`` + the client's own pydantic model) over ``httpx.MockTransport``.
``monitor JOBS SPREAD INTERVAL QUEUED``: listing requests while waiting on JOBS jobs at
once, all queued for QUEUED seconds, then ending over SPREAD seconds.

The official client takes no transport argument: its HTTP client is created on first
use from ``access_token``; the benchmark puts one over ``httpx.MockTransport`` in its
place (the client's name-mangled attribute), the only way to run it without a network.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx
from answers import BASE, MACHINE, STATUS_BODY, JobTable

from sfapi_client import AsyncClient, Client
from sfapi_client._async.jobs import AsyncJobSqueue
from sfapi_client._models import AppRoutersStatusModelsStatus as Status

HEADERS = {"accept": "application/json", "Authorization": "Bearer benchmark"}


def _status(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=STATUS_BODY, headers={"content-type": "application/json"})


def _table_transport(table: JobTable) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        status, body = table.answer(request.url.path, request.url.query.decode())
        return httpx.Response(status, content=body, headers={"content-type": "application/json"})

    return httpx.MockTransport(handle)


def sync_client(transport: httpx.MockTransport, **options: Any) -> Client:
    client = Client(api_base_url=BASE, access_token="benchmark", **options)
    client._Client__http_client = httpx.Client(headers=HEADERS, transport=transport)
    return client


def async_client(transport: httpx.MockTransport, **options: Any) -> AsyncClient:
    client = AsyncClient(api_base_url=BASE, access_token="benchmark", **options)
    client._AsyncClient__http_client = httpx.AsyncClient(headers=HEADERS, transport=transport)
    return client


def sync_floor(calls: int) -> None:
    transport = httpx.MockTransport(_status)
    with httpx.Client(base_url=BASE, transport=transport) as http:
        for _ in range(calls):
            Status.model_validate(http.get(f"status/{MACHINE}").json())


def sync_official(calls: int) -> None:
    with sync_client(httpx.MockTransport(_status)) as client:
        for _ in range(calls):
            client.resources.status(MACHINE)


def async_floor(calls: int) -> None:
    async def go() -> None:
        transport = httpx.MockTransport(_status)
        async with httpx.AsyncClient(base_url=BASE, transport=transport) as http:
            for _ in range(calls):
                Status.model_validate((await http.get(f"status/{MACHINE}")).json())

    asyncio.run(go())


def async_official(calls: int) -> None:
    async def go() -> None:
        async with async_client(httpx.MockTransport(_status)) as client:
            for _ in range(calls):
                await client.resources.status(MACHINE)

    asyncio.run(go())


RUNS: dict[str, Callable[[int], None]] = {
    "async_floor": async_floor,
    "async_ergonomic": async_official,
    "sync_floor": sync_floor,
    "sync_ergonomic": sync_official,
}


def overhead(calls: int) -> dict[str, float]:
    figures = {}
    for name, run in RUNS.items():
        run(200)  # warm up
        started = time.perf_counter()
        run(calls)
        figures[name] = (time.perf_counter() - started) / calls * 1e6
    return figures


def monitor(jobs: int, spread_s: float, interval_s: float, queued_s: float) -> dict[str, float]:
    async def go() -> dict[str, float]:
        table = JobTable(jobs, spread_s, queued_s=queued_s)
        client = async_client(_table_transport(table), wait_interval=interval_s)
        async with client:
            machine = await client.compute(MACHINE)
            table.listings = 0
            waiters = [AsyncJobSqueue(jobid=j, compute=machine) for j in table.jobids]
            started = time.perf_counter()
            states = await asyncio.wait_for(
                asyncio.gather(*(job.complete() for job in waiters)), timeout=600
            )
            wall = time.perf_counter() - started
        if {state.value for state in states} != {"COMPLETED"}:
            raise RuntimeError(f"monitoring benchmark: unexpected states {set(states)}")
        return table.figures(wall)

    return asyncio.run(go())


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "overhead":
        print(json.dumps(overhead(int(args[0]))))
    elif mode == "monitor":
        print(json.dumps(monitor(int(args[0]), *map(float, args[1:4]))))
    else:
        sys.exit(f"unknown mode {mode!r}")
