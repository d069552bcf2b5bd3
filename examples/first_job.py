from sfapi_client import Client, Machine

# Client() reads SFAPI_KEY, SFAPI_BASE_URL, SFAPI_TOKEN_URL and SFAPI_WAIT_INTERVAL:
# the simulator's export lines point it there; unset, it talks to NERSC.
with Client() as client:
    perlmutter = client.compute(Machine.perlmutter)
    job = perlmutter.submit_job("#!/bin/bash\n#SBATCH --time=5\necho hello from $(hostname)\n")
    print("job", job.jobid, "ended", job.complete().value)
    print(perlmutter.run(f"cat slurm-{job.jobid}.out"), end="")
