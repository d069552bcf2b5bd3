from sfapi_client import Client, Machine

# Perlmutter asks every job for a node type (-C), a QOS (-q), a time limit in minutes
# (-t) and a node count (-N); `sfapi lint` checks a script for them before you submit.
SCRIPT = """#!/bin/bash
#SBATCH -C cpu
#SBATCH -q debug
#SBATCH -t 5
#SBATCH -N 1
echo hello from $(hostname)
"""

# Client() reads SFAPI_KEY, SFAPI_BASE_URL, SFAPI_TOKEN_URL and SFAPI_WAIT_INTERVAL:
# the simulator's export lines point it there; unset, it talks to NERSC.
with Client() as client:
    perlmutter = client.compute(Machine.perlmutter)
    job = perlmutter.submit_job(SCRIPT)
    print("job", job.jobid, "ended", job.complete().value)
    print(perlmutter.run(f"cat slurm-{job.jobid}.out"), end="")
