"""The first job again, with the async client: the same calls, awaited."""

import asyncio

from connection import options

from sfapi_client import AsyncClient, Machine

SCRIPT = """#!/bin/bash
#SBATCH -C cpu
#SBATCH -q debug
#SBATCH -t 5
#SBATCH -N 1
#SBATCH --job-name=hello
echo "hello from $(hostname)"
"""


async def main() -> None:
    async with AsyncClient(**options()) as client:
        perlmutter = await client.compute(Machine.perlmutter)
        job = await perlmutter.submit_job(SCRIPT)
        print("job", job.jobid, "ended", (await job.complete()).value)


asyncio.run(main())
