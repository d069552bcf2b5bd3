import os

from sfapi_client import DEFAULT_BASE_URL, DEFAULT_TOKEN_URL, Client, Machine

setting = os.environ.get
with Client(
    key=setting("SFAPI_KEY", "mykey"),
    api_base_url=setting("SFAPI_BASE_URL", DEFAULT_BASE_URL),
    token_url=setting("SFAPI_TOKEN_URL", DEFAULT_TOKEN_URL),
    wait_interval=float(setting("SFAPI_WAIT_INTERVAL", "10")),
) as client:
    perlmutter = client.compute(Machine.perlmutter)
    job = perlmutter.submit_job("#!/bin/bash\n#SBATCH --time=5\necho hello from $(hostname)\n")
    print("job", job.jobid, "ended", job.complete().value)
    print(perlmutter.run(f"cat slurm-{job.jobid}.out"), end="")
