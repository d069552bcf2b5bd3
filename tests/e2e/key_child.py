"""A process of its own for the cross-process tests of submission keys and job records.

Run as ``python key_child.py <async|sync> <command> ...`` with the ``SFAPI_*`` variables
pointing at a simulator:

- ``submit <key> [<go file>]``: submit a script with ``key`` and print the job's
  record as JSON; with a go file, first sign in, write ``<go file>.<pid>.ready`` and
  wait until the go file exists, so that two processes submit at the same moment;
- ``watch <records file>``: re-attach every record of the JSON file, wait until every
  job ended, and print the end states and the monitor's counts as JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sfapi_client import AsyncClient, Client

SCRIPT = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho keyed\n"
#: A bound on hangs only.
WAIT_LIMIT = 300.0


def _ready_and_wait(args: list[str]) -> None:
    """With a go file: say this process is ready, then wait for the go (bounded)."""
    if len(args) < 2:
        return
    go = Path(args[1])
    Path(f"{go}.{os.getpid()}.ready").touch()
    limit = time.monotonic() + WAIT_LIMIT
    while not go.exists():
        if time.monotonic() > limit:
            raise SystemExit(f"no go file {go} within {WAIT_LIMIT:g} s")
        time.sleep(0.002)


async def _async_main(command: str, args: list[str]) -> dict[str, Any]:
    async with AsyncClient(wait_interval=0.2, task_interval=0.02) as client:
        perlmutter = await client.compute("perlmutter")
        if command == "submit":
            await perlmutter.update()  # the token and the status, before the start line
            _ready_and_wait(args)
            job = await perlmutter.submit_job(SCRIPT, key=args[0])
            return job.record()
        records = json.loads(Path(args[0]).read_text())
        jobs = [perlmutter.attach(record) for record in records]
        states = await asyncio.gather(*(job.complete(WAIT_LIMIT) for job in jobs))
        return _watched(perlmutter.monitor, states)


def _sync_main(command: str, args: list[str]) -> dict[str, Any]:
    with Client(wait_interval=0.2, task_interval=0.02) as client:
        perlmutter = client.compute("perlmutter")
        if command == "submit":
            perlmutter.update()
            _ready_and_wait(args)
            return perlmutter.submit_job(SCRIPT, key=args[0]).record()
        records = json.loads(Path(args[0]).read_text())
        jobs = [perlmutter.attach(record) for record in records]
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            states = list(pool.map(lambda job: job.complete(WAIT_LIMIT), jobs))
        return _watched(perlmutter.monitor, states)


def _watched(monitor: Any, states: list[Any]) -> dict[str, Any]:
    return {
        "states": dict(Counter(state.value for state in states)),
        "rounds": monitor.rounds,
        "requests": monitor.requests,
        "max_requests_per_round": monitor.max_requests_per_round,
    }


def main() -> None:
    flavour, command, *args = sys.argv[1:]
    if command not in ("submit", "watch") or flavour not in ("async", "sync"):
        raise SystemExit(f"usage: {sys.argv[0]} <async|sync> <submit|watch> ...")
    if flavour == "async":
        result = asyncio.run(_async_main(command, args))
    else:
        result = _sync_main(command, args)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
