"""Code written for NERSC's sfapi_client 0.6.0 runs unchanged: the same module paths,
names and calls. Only the connection settings come from the environment here."""

from connection import options

from sfapi_client import Client
from sfapi_client.compute import Machine
from sfapi_client.jobs import JobState
from sfapi_client.paths import RemotePath

settings = options()

with Client(
    key=settings["key"],
    api_base_url=settings["api_base_url"],
    token_url=settings["token_url"],
    wait_interval=settings["wait_interval"],
) as client:
    perlmutter = client.compute(Machine.perlmutter)
    [home] = perlmutter.ls(perlmutter.run("printenv HOME").strip(), directory=True)
    assert isinstance(home, RemotePath)

    job = perlmutter.submit_job("#!/bin/bash\n#SBATCH -t 1\necho compat\n")
    # complete() returns the final state; the job object also carries it.
    job.complete()
    print(job.jobid, job.state, job.state == JobState.COMPLETED)

    # Errors keep the earlier client's messages.
    try:
        perlmutter.job(jobid=1)
    except Exception as error:  # SfApiError (here the JobNotFoundError subclass)
        print(type(error).__name__, str(error).split(".")[0])
