# Generated from tests/e2e/_async/test_new_jobs.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""A job just submitted: its state before the scheduler reports it."""

from __future__ import annotations

from sfapi_client import Client, JobState
from sfapi_sim.testing import RunningSimulator


def test_a_job_just_submitted_is_pending(client: Client, sim: RunningSimulator) -> None:
    sim.set_faults(queue_lag=30.0)  # the cached queue does not list new jobs yet
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0.2 pending=5\n"
    )
    assert job.state is JobState.PENDING
    assert job.raw_state == "PENDING"
    assert repr(job).endswith(f"(jobid={job.jobid!r}, state='PENDING')")
    job.update()  # missing from the cached queue and from sacct: still pending
    assert job.state is JobState.PENDING
    # Cancelled, so that it does not run (and write its output) during a later test.
    sim.set_faults()
    job.cancel(wait=True, timeout=30)
    assert job.state is JobState.CANCELLED


def test_a_pending_job_becomes_what_the_scheduler_reports(
    client: Client,
) -> None:
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0.2 pending=0\n"
    )
    assert job.state is JobState.PENDING
    assert job.complete(timeout=30) is JobState.COMPLETED
    assert job.raw_state == "COMPLETED"
