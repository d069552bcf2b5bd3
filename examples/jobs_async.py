"""Many jobs at once with the async client: submit together, wait together.

Waits of many jobs on one machine share one monitor: each poll round asks for all of
them in a single listing, however many jobs wait.
"""

import asyncio

from connection import options

from sfapi_client import AsyncClient, Machine

#: What Perlmutter asks of every job: a node type, a QOS, a time limit (minutes), nodes.
HEADER = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"


def script(index: int) -> str:
    return HEADER + f"#SBATCH --job-name=part-{index}\necho part {index}\n"


async def main() -> None:
    async with AsyncClient(**options()) as client:
        perlmutter = await client.compute(Machine.perlmutter)
        jobs = await asyncio.gather(*(perlmutter.submit_job(script(i)) for i in range(5)))
        states = await asyncio.gather(*(job.complete() for job in jobs))
        for job, state in zip(jobs, states, strict=True):
            print(job.jobid, state.value)


asyncio.run(main())
