"""Jobs that outlive the process: submit once per key, keep records, re-attach later.

Run it twice: the second run submits nothing, it finds the jobs of the first by their
keys (and so would a run after a crash halfway through the submissions).
"""

import json
from pathlib import Path

from connection import options

from sfapi_client import Client, Machine

RUN = "nightly-2026-06-01"  # one name per run of the workflow: the keys derive from it
RECORDS = Path(f"{RUN}.jobs.json")
SCRIPT = """#!/bin/bash
#SBATCH -C cpu
#SBATCH -q debug
#SBATCH -t 5
#SBATCH -N 1
echo "step {step} of {run}"
"""

with Client(**options()) as client:
    perlmutter = client.compute(Machine.perlmutter)

    # A key names one unit of work: submitting with it again returns the same job.
    jobs = [
        perlmutter.submit_job(SCRIPT.format(step=step, run=RUN), key=f"{RUN}.step-{step}")
        for step in range(3)
    ]
    # A record is a small dict: machine, jobid, key and submission time.
    RECORDS.write_text(json.dumps([job.record() for job in jobs], indent=1))

    # Later, in another process: the records bring the jobs back, with no request ...
    records = json.loads(RECORDS.read_text())
    attached = [client.compute(record["machine"]).attach(record) for record in records]
    for job in attached:
        print(job.jobid, job.key, job.complete().value)

    # ... and without any file, the keys' common prefix finds them on the machine.
    for job in perlmutter.jobs_by_key(f"{RUN}."):
        print("found", job.key, "as job", job.jobid, job.state.value)
