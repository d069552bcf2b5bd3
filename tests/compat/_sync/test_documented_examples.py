# Generated from tests/compat/_async/test_documented_examples.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
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

from sfapi_client import Client
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


def test_status_without_credentials(sim: RunningSimulator) -> None:
    with Client(**_urls(sim)) as client:
        status = client.compute(Machine.perlmutter)
        assert status.name == "perlmutter"
        outages = client.resources.outages(Resource.spin)
        assert isinstance(outages, list)


def test_credentials_from_a_key_file(sim: RunningSimulator) -> None:
    with Client(key=sim.key_file, wait_interval=0.1, **_urls(sim)) as client:
        perlmutter = client.compute(Machine.perlmutter)
        assert perlmutter.status == "active"


def test_credentials_from_a_client_id_and_secret(sim: RunningSimulator) -> None:
    client_id, client_secret = sim.key_file.read_text().split("\n", 1)
    with Client(client_id, client_secret, **_urls(sim)) as client:
        perlmutter = client.compute(Machine.perlmutter)
        assert perlmutter.name == Machine.perlmutter.value


def test_submit_monitor_cancel_download_and_upload(sim: RunningSimulator) -> None:
    with Client(key=sim.key_file, wait_interval=0.1, **_urls(sim)) as client:
        perlmutter = client.compute(Machine.perlmutter)
        # Submitting a job, then waiting for it.
        job = perlmutter.submit_job(SCRIPT)
        job.complete()
        assert job.state == JobState.COMPLETED
        # Monitoring a job by updating it.
        job = perlmutter.submit_job(ASIDE)
        job.update()
        assert job.state in (JobState.PENDING, JobState.RUNNING, JobState.COMPLETED)
        # Cancelling a job.
        doomed = perlmutter.submit_job(ASIDE.replace("runtime=0.3", "runtime=60"))
        doomed.cancel()
        # Downloading a file.
        [file] = perlmutter.ls(OUTPUT)
        assert "Completed run 42" in (file.download()).read()
        # Uploading a file.
        buffer = io.BytesIO(b"hello")
        buffer.filename = f"hello-{uuid.uuid4().hex[:6]}.txt"  # type: ignore[attr-defined]
        [path] = perlmutter.ls(HOME, directory=True)
        uploaded = path.upload(buffer)
        assert (uploaded.download()).read() == "hello"


def test_notebook_check_current_and_past_jobs(sim: RunningSimulator) -> None:
    with Client(key=sim.key_file, wait_interval=0.1, **_urls(sim)) as client:
        perlmutter = client.compute(Machine.perlmutter)
        long = ASIDE.replace("runtime=0.3", "runtime=60").replace("-q shared", "-p regular")
        for _ in range(2):
            perlmutter.submit_job(long)
        jobs = perlmutter.jobs(user="alice")
        json.dumps([j.dict() for j in jobs], indent=4)
        assert f"Number of nodes = {jobs[0].nodes}" == "Number of nodes = 1"
        job = perlmutter.job(jobid=jobs[0].jobid)
        json.dumps(job.dict(), indent=4)
        jobs = perlmutter.jobs(jobids=[jobs[0].jobid, jobs[1].jobid], command="sacct")
        for job in jobs:
            job.cancel(wait=True)
            job.update()
        assert {j.state for j in jobs} == {JobState.CANCELLED}


def test_notebook_getting_a_bearer_token(sim: RunningSimulator) -> None:
    key = Path(sim.key_file)
    with Client(key=key, **_urls(sim)) as client:
        token = client.token
    assert token


def test_notebook_run_job_and_check_status(sim: RunningSimulator) -> None:
    client = Client(key=sim.key_file, wait_interval=0.1, **_urls(sim))
    assert (client.compute("perlmutter")).status == "active"
    perlmutter = client.compute(Machine.perlmutter)
    job = perlmutter.submit_job(SCRIPT)
    assert job.jobid
    job.update()
    assert job.state
    job.complete()
    output_file = perlmutter.ls(OUTPUT)
    output_file = output_file[0]
    assert output_file.is_file()
    with output_file.open("r") as f:
        assert "Completed run" in f.read()
    client.close()
