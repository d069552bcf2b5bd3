"""Job scripts run through the login node's shell when their jobs start: output files
from -o/-e patterns, SLURM_* variables, arguments, exit codes, srun, cancellation."""

from __future__ import annotations

import uuid

import pytest

from sfapi_sim.testing import RunningSimulator

from .sim_api import HOME, SimApi


@pytest.fixture
def api(sim: RunningSimulator) -> SimApi:
    return SimApi(sim)


def test_output_goes_to_slurm_jobid_out_in_the_working_folder(api: SimApi) -> None:
    jobid = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho Don\\'t panic\necho to stderr >&2\n"
    )
    assert api.wait_state(jobid, "COMPLETED")["exitcode"] == "0:0"
    assert api.read(f"{HOME}/slurm-{jobid}.out") == "Don't panic\nto stderr\n"


def test_a_script_bash_cannot_parse_is_accepted_and_fails_as_with_bash(api: SimApi) -> None:
    jobid = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho Don't panic\n"
    )
    assert api.wait_state(jobid, "FAILED")["exitcode"] == "2:0"
    output = api.read(f"{HOME}/slurm-{jobid}.out")
    assert output.startswith(f"/var/spool/slurmd/job{jobid}/slurm_script: line 6: ")


def test_output_and_error_patterns(api: SimApi) -> None:
    name = f"pat{uuid.uuid4().hex[:6]}"
    script = (
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"
        f"#SBATCH -J {name}\n"
        "#SBATCH -o out-%x-%j.log\n"
        "#SBATCH --error=err-%u-%j.log\n"
        "echo out\necho err >&2\n"
    )
    jobid = api.submit(script)
    api.wait_state(jobid, "COMPLETED")
    assert api.read(f"{HOME}/out-{name}-{jobid}.log") == "out\n"
    assert api.read(f"{HOME}/err-alice-{jobid}.log") == "err\n"


def test_chdir_environment_and_arguments(api: SimApi) -> None:
    folder = f"runs-{uuid.uuid4().hex[:6]}"
    api.sim.world.filesystems["perlmutter"].mkdir(f"{HOME}/{folder}", "alice")
    script = (
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"
        f"#SBATCH -D {folder}\n"
        "#SBATCH --job-name=envjob\n"
        'echo "$SLURM_JOB_ID $SLURM_JOB_NAME $SLURM_SUBMIT_DIR"\n'
        'echo "args: $# $1 [$2]"\n'
        "pwd\nhostname\n"
    )
    path = f"{HOME}/{folder}-script.sh"
    api.sim.world.filesystems["perlmutter"].write(path, "alice", script.encode())
    jobid = api.submit(path, is_path=True, args=["--steps", "10 20"])
    api.wait_state(jobid, "COMPLETED")
    assert api.read(f"{HOME}/{folder}/slurm-{jobid}.out") == (
        f"{jobid} envjob {HOME}\nargs: 2 --steps [10 20]\n{HOME}/{folder}\nnid001234\n"
    )


def test_the_script_exit_code_decides_unless_a_directive_does(api: SimApi) -> None:
    failing = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho about to fail\nexit 3\n"
    )
    assert api.wait_state(failing, "FAILED")["exitcode"] == "3:0"
    set_e = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\nset -e\nfalse\necho not reached\n"
    )
    assert api.wait_state(set_e, "FAILED")["exitcode"] == "1:0"
    steered = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: exit=0\nexit 7\n"
    )
    assert api.wait_state(steered, "COMPLETED")["exitcode"] == "0:0"
    node_fail = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: end=NODE_FAIL\ntrue\n"
    )
    assert api.wait_state(node_fail, "NODE_FAIL")
    assert api.read(f"{HOME}/slurm-{set_e}.out") == ""


def test_srun_runs_its_command_once_per_task_and_unknown_programs_are_reported(
    api: SimApi,
) -> None:
    script = (
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\nmodule load python\n"
        "srun -n 2 bash -c 'echo \"rank $SLURM_PROCID\"'\n"
        "python train.py --epochs 3\n"
    )
    jobid = api.submit(script)
    api.wait_state(jobid, "COMPLETED")
    assert api.read(f"{HOME}/slurm-{jobid}.out") == (
        "rank 0\nrank 1\nsfapi-sim: not simulated, would run: python train.py --epochs 3\n"
    )


def test_strict_commands_make_unknown_programs_fail(api: SimApi) -> None:
    api.sim.configure(strict_commands=True)
    try:
        jobid = api.submit(
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\npodman-hpc run image\n"
        )
        assert api.wait_state(jobid, "FAILED")["exitcode"] == "127:0"
    finally:
        api.sim.configure(strict_commands=False)
    output = api.read(f"{HOME}/slurm-{jobid}.out")
    assert "podman-hpc: command not found" in output


def test_a_sleeping_job_is_cancelled_and_its_script_stops(api: SimApi) -> None:
    jobid = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho started\nsleep 600\necho finished\n"
    )
    api.wait_state(jobid, "RUNNING")
    assert api.wait_output(f"{HOME}/slurm-{jobid}.out", "started\n")  # shown while it runs
    assert api.cancel_job(jobid)["status"] == "ok"
    assert api.wait_state(jobid, "CANCELLED")["state"].startswith("CANCELLED by")
    assert api.script_end(jobid) == (143, "cancelled")
    output = api.read(f"{HOME}/slurm-{jobid}.out")
    assert output.startswith(f"started\nslurmstepd: error: *** JOB {jobid} ON nid001234 CANCELLED")
    assert "finished" not in output


def test_a_script_sleeping_past_its_time_limit_times_out(api: SimApi) -> None:
    jobid = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -t 1\necho begin\nsleep 120\necho end\n"
    )
    api.sim.world.clock.advance(200)
    assert api.wait_state(jobid, "TIMEOUT")["elapsed"] == "00:01:00"
    assert api.script_end(jobid) == (124, "time")
    output = api.read(f"{HOME}/slurm-{jobid}.out")
    assert output.startswith("begin\n") and output.endswith("DUE TO TIME LIMIT ***\n")


def test_sbatch_squeue_sacct_and_scancel_from_a_command(api: SimApi) -> None:
    folder = f"cli-{uuid.uuid4().hex[:6]}"
    submitted = api.run(
        f"mkdir {folder} && cd {folder} && printf '#!/bin/bash\\nsleep 300\\n' > job.sh "
        "&& sbatch --parsable -C cpu -q debug -t 5 -N 1 -J fromshell job.sh"
    )
    jobid = submitted["output"].strip()
    assert jobid.isdigit(), submitted
    api.sim.world.clock.advance(1)
    queue = api.run(f"squeue --me -j {jobid}")["output"].splitlines()
    assert queue[0].split() == [
        "JOBID",
        "PARTITION",
        "NAME",
        "USER",
        "ST",
        "TIME",
        "NODES",
        "NODELIST(REASON)",
    ]
    assert queue[1].split()[:5] == [jobid, "regular_m", "fromshel", "alice", "R"]
    assert api.run(f"scancel {jobid}")["exit_code"] == 0
    accounted = api.run(f"sacct -j {jobid} -P -n --format=JobID,JobName,State")["output"]
    assert accounted == f"{jobid}|fromshell|CANCELLED by 12345\n"
    refused = api.run(f"scancel {jobid}")
    assert refused["exit_code"] == 1 and "already completing or completed" in refused["error"]


def test_bad_directives_are_refused_at_submission(api: SimApi) -> None:
    for line in (
        "# sim: pending=nan",
        "# sim: runtime=nan",
        "# sim: pending=1e12",
        "# sim: runtime=inf",
        "# sim: exit=300",
        "#SBATCH --time=9999999999",
    ):
        error = api.submit_error(
            f"#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n{line}\necho hi\n"
        )
        assert error.startswith("sbatch: error: "), error
    # Listings still work for everyone, and a good job still runs.
    jobid = api.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho fine\n"
    )
    assert api.wait_state(jobid, "COMPLETED")
    assert api.get("/compute/jobs/perlmutter")["status"] == "OK"
