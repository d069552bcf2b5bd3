"""Our client waiting on many jobs at once over the in-memory job table (no network).

The same table answers NERSC's client in ``official_client.py``: both are counted on
identical answers, so the status requests per monitoring round compare directly.

``python monitoring.py memory JOBS ROUNDS``, run by ``sidebyside.py`` in a process of
its own, waits on JOBS queued jobs for ROUNDS rounds (then they all end) and prints the
process's peak memory after each round as JSON: flat from round to round when nothing
a round reads is kept beyond it.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time

import httpx2
from answers import BASE, MACHINE, JobTable

from sfapi_client import AsyncClient, AsyncJob, JobState


def transport(table: JobTable) -> httpx2.MockTransport:
    def handle(request: httpx2.Request) -> httpx2.Response:
        status, body = table.answer(request.url.path, request.url.query.decode())
        return httpx2.Response(status, content=body, headers={"content-type": "application/json"})

    return httpx2.MockTransport(handle)


def _client(table: JobTable, interval_s: float) -> AsyncClient:
    return AsyncClient(
        api_base_url=BASE,
        access_token="benchmark",
        transport=transport(table),
        wait_interval=interval_s,
    )


async def _wait_all(
    jobs: int, spread_s: float, interval_s: float, queued_s: float
) -> dict[str, float]:
    table = JobTable(jobs, spread_s, queued_s=queued_s)
    async with _client(table, interval_s) as client:
        machine = await client.compute(MACHINE)
        table.listings = 0
        started = time.perf_counter()
        states = await asyncio.gather(
            *(AsyncJob(machine, jobid).complete(timeout=600) for jobid in table.jobids)
        )
        wall = time.perf_counter() - started
    if set(states) != {JobState.COMPLETED}:
        raise RuntimeError(f"monitoring benchmark: unexpected states {set(states)}")
    return table.figures(wall)


def measure(jobs: int, spread_s: float, interval_s: float, queued_s: float) -> dict[str, float]:
    """Listing requests, rounds and requests per round (overall, and while every job is
    queued for ``queued_s``) while ``jobs`` jobs finish."""
    return asyncio.run(_wait_all(jobs, spread_s, interval_s, queued_s))


def _peak_rss_mib() -> float:
    """This process's peak resident memory. Linux's ``VmHWM`` starts afresh with the
    program (``ru_maxrss`` carries the parent's peak over a fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _memory(jobs: int, rounds: int) -> dict[str, object]:
    table = JobTable(jobs, 0.0, queued_s=1e9)
    peaks: list[float] = []
    # A round opens with its queue listing: the peak so far is that of the rounds before.
    table.on_listing = lambda query: (
        peaks.append(_peak_rss_mib()) if "sacct=false" in query else None
    )
    async with _client(table, 0.05) as client:
        machine = await client.compute(MACHINE)
        before = _peak_rss_mib()
        monitor = machine.monitor

        async def end_after_rounds() -> None:
            # Round ``rounds + 1`` has begun: the jobs end now, after the memory after
            # ``rounds`` rounds was read at its listing, so those rounds saw every job
            # queued.
            while monitor.rounds <= rounds:
                await asyncio.sleep(0.01)
            table.end_all()

        ending = asyncio.ensure_future(end_after_rounds())
        states = await asyncio.gather(
            *(AsyncJob(machine, jobid).complete(timeout=600) for jobid in table.jobids)
        )
        await ending
    if set(states) != {JobState.COMPLETED}:
        raise RuntimeError(f"memory benchmark: unexpected states {set(states)}")
    peaks.append(_peak_rss_mib())
    return {
        "jobs": jobs,
        "rounds": monitor.rounds,
        "requests": monitor.requests,
        "rss_before_waits_mib": before,
        # peak_rss_mib[k]: the process's peak after k rounds (k = 1 .. rounds + the last).
        "peak_rss_mib": peaks[1:],
    }


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode != "memory":
        sys.exit(f"unknown mode {mode!r}")
    print(json.dumps(asyncio.run(_memory(int(args[0]), int(args[1])))))
