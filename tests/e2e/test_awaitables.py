"""``await job`` and ``await task``: the async layer's shorthands for waiting.

Async only (the sync twin spells waiting ``complete()``), so this module has no twin.
"""

from __future__ import annotations

from sfapi_client import AsyncClient, JobState


async def test_awaiting_a_job_waits_for_its_end(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute("perlmutter")
    job = await perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0.2\n"
    )
    assert await job is JobState.COMPLETED
    assert job.state is JobState.COMPLETED


async def test_awaiting_a_command_task_gives_the_ended_task(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute("perlmutter")
    task = await perlmutter.run_task("echo awaited")
    assert await task is task
    assert task.result is not None and task.result.output == "awaited\n"
    assert await task.complete() == "awaited\n"
