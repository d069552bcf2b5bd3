"""A Prefect flow that runs a batch of 20 jobs on Perlmutter and survives its own crash.

Each job's submission key derives from the flow's ``scope`` parameter and the job's
script, so running the script again, after a crash, a kill or a lost connection,
finds the jobs already submitted and waits for them instead of submitting them twice.
Change ``scope`` to start a new batch.

Install the integration first (``pip install integrations/prefect-sfapi`` in a clone);
``make setup`` does it. Without ``PREFECT_API_URL`` Prefect runs the flow on a
temporary local server of its own.
"""

import os

#: Prefect's settings this example changes unless the environment sets them: no usage
#: data sent (which also spares the temporary server's new database a write that can
#: lock it on a first run), and time for that server to start on a small machine.
PREFECT_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}
for setting, value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(setting, value)  # before Prefect reads its settings

from connection import options  # noqa: E402
from prefect import flow  # noqa: E402

from prefect_sfapi import SfApiCredentials, run_command, submit_job, wait_for_jobs  # noqa: E402

#: How many jobs the batch runs.
PARTS = 20


def part_script(part: int) -> str:
    """The job script of one part of the batch."""
    return f"""#!/bin/bash
#SBATCH -C cpu
#SBATCH -q debug
#SBATCH -t 5
#SBATCH -N 1
echo "part {part} done on $(hostname)"
"""


@flow(name="sfapi-batch")
def batch(parts: int = PARTS, scope: str = "prefect-example-batch") -> None:
    """Submit ``parts`` jobs (or find them, when this scope already submitted them),
    wait for all of them, and show one job's output."""
    credentials = SfApiCredentials(key_file=options().get("key"))
    submissions = [
        submit_job.submit(part_script(part), credentials=credentials, scope=scope)
        for part in range(parts)
    ]
    jobs = [submission.result() for submission in submissions]
    print(f"waiting for {len(jobs)} jobs: {', '.join(job.jobid for job in jobs)}", flush=True)
    # One task watches every job, one status request per round for all of them.
    ended = wait_for_jobs(jobs, credentials=credentials)
    print(f"{len(ended)} jobs completed", flush=True)
    output = run_command(f"cat slurm-{ended[0].jobid}.out", credentials=credentials)
    print(output, end="")


if __name__ == "__main__":
    batch()
