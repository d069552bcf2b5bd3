# Generated from tests/e2e/_async/test_job_life_cycle.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""The job life cycle beyond the seed's workflow: every way a job ends, states this
package does not know, the squeue-to-sacct fallback, the queue-cache grace window,
in-band errors, awaiting a job, and scripts given as RemotePaths."""

from __future__ import annotations

import pytest

from sfapi_client import ApiErrorStatus, Client, JobCommand, JobState
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"
#: Ends a job can meet besides COMPLETED, FAILED, TIMEOUT and CANCELLED (tested elsewhere).
OTHER_ENDINGS = ["NODE_FAIL", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY", "PREEMPTED"]


def test_every_way_a_job_ends_ends_a_wait(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    jobs = {
        ending: perlmutter.submit_job(
            f"#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0.2 end={ending}\n"
        )
        for ending in OTHER_ENDINGS
    }
    for ending, job in jobs.items():
        state = job.complete(timeout=30)
        assert state is JobState(ending)
        assert state.is_terminal and state.is_failed and not state.is_running


def test_a_state_the_package_does_not_know_keeps_its_text(
    client: Client,
) -> None:
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0 pending=0 end=WARPED\n"
    )
    seen = perlmutter.job(job.jobid, command=JobCommand.sacct)
    assert seen.state is JobState.UNKNOWN and seen.raw_state == "WARPED"
    assert not seen.state.is_terminal


def test_a_job_that_left_the_queue_is_read_from_sacct(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0.1 pending=0\n"
    )
    job.complete(timeout=30)
    assert job.jobid not in {j.jobid for j in perlmutter.jobs(user="alice")}
    again = perlmutter.job(job.jobid, command=JobCommand.squeue)
    assert again.state is JobState.COMPLETED
    assert again.row is not None and "exitcode" in again.row.model_dump(by_alias=True)


def test_a_job_missing_from_the_cached_queue_is_waited_for(
    client: Client, sim: RunningSimulator
) -> None:
    sim.set_faults(queue_lag=1.0)  # new jobs stay out of listings for a second
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0.2 pending=0\n"
    )
    job.update()  # inside the grace window: no "job not found"
    assert job.state is JobState.PENDING
    assert job.complete(timeout=30) is JobState.COMPLETED


def test_an_in_band_error_raises_with_its_text(client: Client, sim: RunningSimulator) -> None:
    perlmutter = client.compute("perlmutter")
    sim.set_faults(inband_error_rate=1.0)
    with pytest.raises(ApiErrorStatus, match="simulated failure"):
        perlmutter.jobs(user="alice")
    with pytest.raises(ApiErrorStatus, match="simulated failure"):
        perlmutter.ls(HOME)


def test_a_script_given_as_a_remote_path(client: Client, sim: RunningSimulator) -> None:
    sim.world.filesystems["perlmutter"].write(
        f"{HOME}/remote.sh",
        "alice",
        b"#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho from a RemotePath\n",
    )
    perlmutter = client.compute("perlmutter")
    (script,) = perlmutter.ls(f"{HOME}/remote.sh")
    job = perlmutter.submit_job(script, args=["one"])
    assert job.complete(timeout=30) is JobState.COMPLETED
    (home,) = perlmutter.ls(HOME, directory=True)
    for directory in (home, HOME):
        with pytest.raises(IsADirectoryError, match=f"{HOME} on perlmutter is a directory"):
            perlmutter.submit_job(directory)
