"""Jobs: submit with arguments, watch the state, list, cancel, read the accounting."""

from connection import options

from sfapi_client import Client, JobCommand, Machine

# A script that sleeps as long as its first argument says.
SCRIPT = """#!/bin/bash
#SBATCH -C cpu
#SBATCH -q debug
#SBATCH -t 10
#SBATCH -N 1
#SBATCH --job-name=nap
sleep "${1:-1}"
echo "slept $1 s"
"""

with Client(**options()) as client:
    perlmutter = client.compute(Machine.perlmutter)

    # Arguments go to a script stored on the machine; write it there first.
    home = perlmutter.run("printenv HOME").strip()
    (folder,) = perlmutter.ls(home, directory=True)
    script = folder.upload(SCRIPT.encode(), filename="nap.sh")

    short = perlmutter.submit_job(script, args=["1"])
    long = perlmutter.submit_job(script, args=["600"])

    # running() returns once the job has started (or already ended).
    print("long job is", long.running().value)

    # Listings: squeue (queued and running jobs) by default, sacct for finished ones.
    for job in perlmutter.jobs(user=client.user().name):
        print(job.jobid, job.name, job.state.value)

    # cancel(wait=True) returns once the job has left the queue.
    long.cancel(wait=True)
    print("long job:", long.state.value)

    # Waiting ends in a final JobState, which says whether it is an end and a failure.
    state = short.complete()
    print("short job:", state.value, "ended:", state.is_terminal, "failed:", state.is_failed)

    # One job read again, from sacct (the default) with every accounting field.
    again = perlmutter.job(short.jobid, command=JobCommand.sacct)
    print(again.jobid, again.state.value, again.elapsed)
