"""Your first job: check Perlmutter is up, submit a script, wait, read its output."""

from connection import options

from sfapi_client import Client, Machine

SCRIPT = """#!/bin/bash
#SBATCH -C cpu
#SBATCH -q debug
#SBATCH -t 5
#SBATCH -N 1
#SBATCH --job-name=hello
#SBATCH --output=hello-%j.out
echo "hello from $(hostname)"
"""

with Client(**options()) as client:
    perlmutter = client.compute(Machine.perlmutter)
    print("Perlmutter is", perlmutter.status.value)

    # The script text (starting with #!) is submitted as is; a path on the machine
    # works too. submit_job returns once Slurm has accepted the job.
    job = perlmutter.submit_job(SCRIPT)
    print("submitted job", job.jobid)

    # complete() polls until the job ends and returns its final state.
    state = job.complete()
    print("job", job.jobid, "ended", state.value)

    # The output file lands in the folder the job was submitted from: your home.
    home = perlmutter.run("printenv HOME").strip()
    (output,) = perlmutter.ls(f"{home}/hello-{job.jobid}.out")
    print(output.download().read(), end="")
