"""The examples of sfapi_client 0.6.0's documentation (quick start, example notebooks),
run as written there with only the URLs and credentials pointed at the simulator.

The job script writes its output where its ``#SBATCH -o`` says, as on the machine; jobs
the examples submit only to watch or cancel write to a file of their own (``%j``), so
that they cannot truncate the file an example reads.
"""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

from sfapi_client import AsyncClient
from sfapi_client.compute import Machine
from sfapi_client.jobs import JobState
from sfapi_client.resources import Resource
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"
SCRIPT = f"""#!/bin/bash
#SBATCH -C cpu
#SBATCH -q shared
#SBATCH -N 1
#SBATCH -t 1
#SBATCH -o {HOME}/sfapi_demo.txt
# sim: pending=0 runtime=0.3

echo "Completed run 42"
"""
OUTPUT = f"{HOME}/sfapi_demo.txt"
#: The same job, writing to a file of its own.
ASIDE = SCRIPT.replace("sfapi_demo.txt", "sfapi_demo-%j.txt")


def _urls(sim: RunningSimulator) -> dict[str, str]:
    return {"api_base_url": sim.base_url, "token_url": sim.token_url}


async def test_status_without_credentials(sim: RunningSimulator) -> None:
    async with AsyncClient(**_urls(sim)) as client:
        status = await client.compute(Machine.perlmutter)
        assert status.name == "perlmutter"
        outages = await client.resources.outages(Resource.spin)
        assert isinstance(outages, list)


async def test_credentials_from_a_key_file(sim: RunningSimulator) -> None:
    async with AsyncClient(key=sim.key_file, wait_interval=0.1, **_urls(sim)) as client:
        perlmutter = await client.compute(Machine.perlmutter)
        assert perlmutter.status == "active"


async def test_credentials_from_a_client_id_and_secret(sim: RunningSimulator) -> None:
    client_id, client_secret = sim.key_file.read_text().split("\n", 1)
    async with AsyncClient(client_id, client_secret, **_urls(sim)) as client:
        perlmutter = await client.compute(Machine.perlmutter)
        assert perlmutter.name == Machine.perlmutter.value


async def test_submit_monitor_cancel_download_and_upload(sim: RunningSimulator) -> None:
    async with AsyncClient(key=sim.key_file, wait_interval=0.1, **_urls(sim)) as client:
        perlmutter = await client.compute(Machine.perlmutter)
        # Submitting a job, then waiting for it.
        job = await perlmutter.submit_job(SCRIPT)
        await job.complete()
        assert job.state == JobState.COMPLETED
        # Monitoring a job by updating it.
        job = await perlmutter.submit_job(ASIDE)
        await job.update()
        assert job.state in (JobState.PENDING, JobState.RUNNING, JobState.COMPLETED)
        # Cancelling a job.
        doomed = await perlmutter.submit_job(ASIDE.replace("runtime=0.3", "runtime=60"))
        await doomed.cancel()
        # Downloading a file.
        [file] = await perlmutter.ls(OUTPUT)
        assert "Completed run 42" in (await file.download()).read()
        # Uploading a file.
        buffer = io.BytesIO(b"hello")
        buffer.filename = f"hello-{uuid.uuid4().hex[:6]}.txt"  # type: ignore[attr-defined]
        [path] = await perlmutter.ls(HOME, directory=True)
        uploaded = await path.upload(buffer)
        assert (await uploaded.download()).read() == "hello"


async def test_notebook_check_current_and_past_jobs(sim: RunningSimulator) -> None:
    async with AsyncClient(key=sim.key_file, wait_interval=0.1, **_urls(sim)) as client:
        perlmutter = await client.compute(Machine.perlmutter)
        long = ASIDE.replace("runtime=0.3", "runtime=60").replace("-q shared", "-p regular")
        for _ in range(2):
            await perlmutter.submit_job(long)
        jobs = await perlmutter.jobs(user="alice")
        json.dumps([j.dict() for j in jobs], indent=4)
        assert f"Number of nodes = {jobs[0].nodes}" == "Number of nodes = 1"
        job = await perlmutter.job(jobid=jobs[0].jobid)
        json.dumps(job.dict(), indent=4)
        jobs = await perlmutter.jobs(jobids=[jobs[0].jobid, jobs[1].jobid], command="sacct")
        for job in jobs:
            await job.cancel(wait=True)
            await job.update()
        assert {j.state for j in jobs} == {JobState.CANCELLED}


async def test_notebook_getting_a_bearer_token(sim: RunningSimulator) -> None:
    key = Path(sim.key_file)
    async with AsyncClient(key=key, **_urls(sim)) as client:
        token = await client.token
    assert token


async def test_notebook_run_job_and_check_status(sim: RunningSimulator) -> None:
    client = AsyncClient(key=sim.key_file, wait_interval=0.1, **_urls(sim))
    assert (await client.compute("perlmutter")).status == "active"
    perlmutter = await client.compute(Machine.perlmutter)
    job = await perlmutter.submit_job(SCRIPT)
    assert job.jobid
    await job.update()
    assert job.state
    await job.complete()
    output_file = await perlmutter.ls(OUTPUT)
    output_file = output_file[0]
    assert await output_file.is_file()
    async with output_file.open("r") as f:
        assert "Completed run" in f.read()
    await client.close()
