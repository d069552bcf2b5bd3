# Generated from tests/e2e/_async/test_workflow.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""The seed's workflow and the job life cycle, end to end through the simulator."""

from __future__ import annotations

import pytest

from sfapi_client import (
    Client,
    JobCommand,
    JobState,
    JobSubmissionError,
    Machines,
    WaitTimeoutError,
)
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"


def test_the_seed_workflow(sim: RunningSimulator) -> None:
    client_id_and_key = sim.key_file.read_text().split("\n", 1)
    client_id, client_secret = client_id_and_key[0], client_id_and_key[1]
    job_path = f"{HOME}/seed.sh"
    sim.world.filesystems["perlmutter"].write(
        job_path,
        "alice",
        b"#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -t 10\necho seed\n",
    )
    with Client(
        client_id,
        client_secret,
        api_base_url=sim.base_url,
        token_url=sim.token_url,
        wait_interval=0.1,
    ) as client:
        perlmutter = client.compute(Machines.perlmutter)
        job = perlmutter.submit_job(job_path)
        job.complete()
        job.cancel()
    assert job.state is JobState.COMPLETED


def test_inline_script_runs_and_writes_its_output(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hello from the job\n"
    )
    assert job.jobid.isdigit()
    assert job.complete(timeout=30) is JobState.COMPLETED
    (output,) = perlmutter.ls(f"{HOME}/slurm-{job.jobid}.out")
    assert (output.download()).read() == "hello from the job\n"


def test_failed_and_timed_out_jobs_end_waits(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    failing = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0.2 exit=3\n"
    )
    too_long = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -t 0:01\n# sim: runtime=30\n"
    )
    assert failing.complete(timeout=30) is JobState.FAILED
    assert too_long.complete(timeout=30) is JobState.TIMEOUT
    assert failing.state.is_failed and too_long.state.is_failed


def test_script_path_with_arguments(client: Client, sim: RunningSimulator) -> None:
    sim.world.filesystems["perlmutter"].write(
        f"{HOME}/args.sh",
        "alice",
        b"#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho args\n",
    )
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(f"{HOME}/args.sh", args=["--steps", "10"])
    job.update()
    assert job.row is not None and job.state in (
        JobState.PENDING,
        JobState.RUNNING,
        JobState.COMPLETED,
    )


def test_missing_script_path_is_refused_before_submission(
    client: Client, sim: RunningSimulator
) -> None:
    perlmutter = client.compute("perlmutter")
    before = sum(sim.stats()["submissions"].values())
    with pytest.raises(FileNotFoundError, match=r"no-such\.sh"):
        perlmutter.submit_job(f"{HOME}/no-such.sh")
    assert sum(sim.stats()["submissions"].values()) == before


def test_bad_input_is_refused_before_any_request(client: Client, sim: RunningSimulator) -> None:
    perlmutter = client.compute("perlmutter")
    sim.reset_stats()
    with pytest.raises(ValueError, match="empty"):
        perlmutter.submit_job("   ")
    with pytest.raises(ValueError, match="neither an absolute path"):
        perlmutter.submit_job("job.sh")
    with pytest.raises(ValueError, match="args can only be given with a script path"):
        perlmutter.submit_job(
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho x\n",
            args=["a"],
        )
    assert sim.stats()["total_requests"] == 0
    with pytest.raises(
        ValueError, match="unknown machine 'frontier'; valid machines: dtn01, dtns, perlmutter"
    ):
        client.compute("frontier")


def test_scheduler_refusal_carries_sbatch_message(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    with pytest.raises(JobSubmissionError, match="unrecognized option '--bogus'"):
        perlmutter.submit_job(
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH --bogus=1\n"
        )


def test_cancel_a_running_job(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=60 pending=0\n"
    )
    assert job.running(timeout=30) is JobState.RUNNING
    job.cancel(wait=True)
    assert job.state is JobState.CANCELLED
    assert job.raw_state == "CANCELLED by 12345"


def test_job_views_and_listings(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -J listed\n# sim: runtime=60 pending=0\n"
    )
    job.running(timeout=30)
    queued = perlmutter.jobs(user="alice")
    assert job.jobid in {j.jobid for j in queued}
    by_id = perlmutter.jobs(jobids=[job.jobid], command=JobCommand.sacct)
    assert [j.jobid for j in by_id] == [job.jobid]
    squeue = perlmutter.job(job.jobid, command=JobCommand.squeue)
    assert squeue.row is not None and squeue.row.name == "listed"
    assert squeue.row.model_dump(by_alias=True)["s:c:t"] is not None
    job.cancel()


def test_wait_timeout_is_exact_to_the_interval(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=60 pending=0\n"
    )
    with pytest.raises(WaitTimeoutError, match="did not reach"):
        job.complete(timeout=0.3)
    with pytest.raises(ValueError, match="positive"):
        job.complete(timeout=0)
    with pytest.raises(ValueError, match="positive"):
        job.complete(timeout=-5)
    job.cancel()
