"""Our client waiting on many jobs at once over the in-memory job table (no network).

The same table answers NERSC's client in ``official_client.py``: both are counted on
identical answers, so the status requests per monitoring round compare directly.
"""

from __future__ import annotations

import asyncio
import time

import httpx2
from answers import BASE, MACHINE, JobTable

from sfapi_client import AsyncClient, AsyncJob, JobState


def transport(table: JobTable) -> httpx2.MockTransport:
    def handle(request: httpx2.Request) -> httpx2.Response:
        status, body = table.answer(request.url.path, request.url.query.decode())
        return httpx2.Response(status, content=body, headers={"content-type": "application/json"})

    return httpx2.MockTransport(handle)


async def _wait_all(jobs: int, spread_s: float, interval_s: float) -> dict[str, float]:
    table = JobTable(jobs, spread_s)
    client = AsyncClient(
        api_base_url=BASE,
        access_token="benchmark",
        transport=transport(table),
        wait_interval=interval_s,
    )
    async with client:
        machine = await client.compute(MACHINE)
        table.listings = 0
        started = time.perf_counter()
        states = await asyncio.gather(
            *(AsyncJob(machine, jobid).complete(timeout=120) for jobid in table.jobids)
        )
        wall = time.perf_counter() - started
    if set(states) != {JobState.COMPLETED}:
        raise RuntimeError(f"monitoring benchmark: unexpected states {set(states)}")
    return table.figures(wall)


def measure(jobs: int, spread_s: float, interval_s: float) -> dict[str, float]:
    """Listing requests, rounds and requests per round while ``jobs`` jobs finish."""
    return asyncio.run(_wait_all(jobs, spread_s, interval_s))
