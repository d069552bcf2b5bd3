"""Code written for NERSC's sfapi_client 0.6.0 runs unchanged: the same module paths,
names and calls, every setting passed as an argument (arguments win over the variables
this package reads; here they are read by the script, as 0.6.0 code does)."""

import os

from sfapi_client import DEFAULT_BASE_URL, DEFAULT_TOKEN_URL, Client
from sfapi_client.compute import Machine
from sfapi_client.jobs import JobState
from sfapi_client.paths import RemotePath

setting = os.environ.get
with Client(
    key=setting("SFAPI_KEY", "mykey"),
    api_base_url=setting("SFAPI_BASE_URL", DEFAULT_BASE_URL),
    token_url=setting("SFAPI_TOKEN_URL", DEFAULT_TOKEN_URL),
    wait_interval=float(setting("SFAPI_WAIT_INTERVAL", "10")),
) as client:
    perlmutter = client.compute(Machine.perlmutter)
    [home] = perlmutter.ls(perlmutter.run("printenv HOME").strip(), directory=True)
    assert isinstance(home, RemotePath)

    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 1\n#SBATCH -N 1\necho compat\n"
    )
    # complete() returns the final state; the job object also carries it.
    job.complete()
    print(job.jobid, job.state, job.state == JobState.COMPLETED)

    # Errors keep the earlier client's messages.
    try:
        perlmutter.job(jobid=1)
    except Exception as error:  # SfApiError (here the JobNotFoundError subclass)
        print(type(error).__name__, str(error).split(".")[0])
