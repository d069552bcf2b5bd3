"""``sfapi wait MACHINE JOBID...``: following jobs to their end, through the library's
batched monitor, with the documented exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from sfapi_sim.testing import RunningSimulator

from .conftest import HOME, Sfapi

SCRIPT = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n{directives}echo done\n"


def submitted(sfapi: Sfapi, folder: Path, name: str, directives: str = "") -> str:
    """Submit a local script through the CLI; the job's id."""
    script = folder / name
    script.write_text(SCRIPT.format(directives=directives), encoding="utf-8")
    out = sfapi("--json", "submit", "perlmutter", str(script), "--local")
    assert out.exit_code == 0, out.stderr
    jobid: str = out.json()["jobid"]
    return jobid


def test_wait_for_jobs_that_all_complete_exits_0(sfapi: Sfapi, tmp_path: Path) -> None:
    first = submitted(sfapi, tmp_path, "a.sh")
    second = submitted(sfapi, tmp_path, "b.sh")
    out = sfapi("wait", "perlmutter", first, second)
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"job {first} ended: COMPLETED"
    assert lines[1].startswith(f"  output: {HOME}/slurm-{first}.out")
    assert lines[2] == f"job {second} ended: COMPLETED"


def test_wait_with_a_failed_job_exits_10_and_reports_each_job(sfapi: Sfapi, tmp_path: Path) -> None:
    good = submitted(sfapi, tmp_path, "good.sh")
    bad = submitted(sfapi, tmp_path, "bad.sh", "# sim: exit=3 runtime=0.2\n")
    out = sfapi("--json", "wait", "perlmutter", good, bad, good)  # a repeated id counts once
    assert out.exit_code == 10, out.stderr
    assert out.json() == [
        {
            "jobid": good,
            "state": "COMPLETED",
            "exit_code": 0,
            "signal": 0,
            "output": f"{HOME}/slurm-{good}.out",
            "output_known": False,
        },
        {
            "jobid": bad,
            "state": "FAILED",
            "exit_code": 3,
            "signal": 0,
            "output": f"{HOME}/slurm-{bad}.out",
            "output_known": False,
        },
    ]


def test_wait_for_a_cancelled_job_exits_10(sfapi: Sfapi, tmp_path: Path) -> None:
    jobid = submitted(sfapi, tmp_path, "long.sh", "# sim: runtime=60\n")
    assert sfapi("cancel", "perlmutter", jobid).exit_code == 0
    out = sfapi("wait", "perlmutter", jobid)
    assert out.exit_code == 10, out.stderr
    assert out.stdout.startswith(f"job {jobid} ended: CANCELLED")


def test_wait_past_its_timeout_exits_4(sfapi: Sfapi, tmp_path: Path) -> None:
    done = submitted(sfapi, tmp_path, "quick.sh")
    jobid = submitted(sfapi, tmp_path, "long.sh", "# sim: runtime=60\n")
    try:
        assert sfapi("wait", "perlmutter", done).exit_code == 0
        out = sfapi("--json", "wait", "perlmutter", done, jobid, "--timeout", "0.5")
        assert out.exit_code == 4, out.stderr
        finished, waiting = out.json()
        assert finished["state"] == "COMPLETED"
        assert waiting["jobid"] == jobid and "timeout" in waiting["error"]
    finally:
        sfapi("cancel", "perlmutter", jobid)


def test_wait_for_an_unknown_job_exits_1_naming_it(sfapi: Sfapi, tmp_path: Path) -> None:
    jobid = submitted(sfapi, tmp_path, "a.sh")
    out = sfapi("wait", "perlmutter", "999", jobid)
    assert out.exit_code == 1, out.stderr
    assert out.stdout.splitlines()[0] == "job 999: not found on perlmutter"
    assert f"job {jobid} ended: COMPLETED" in out.stdout


def test_wait_refuses_what_is_not_a_job_id_before_any_request(
    sfapi: Sfapi, sim: RunningSimulator
) -> None:
    sim.reset_stats()
    out = sfapi("wait", "perlmutter", "12", "12,13")
    assert out.exit_code == 2
    assert out.stderr.startswith("error: '12,13' is not a job id")
    assert sim.stats()["total_requests"] == 0
    missing = sfapi("wait", "perlmutter")
    assert missing.exit_code == 2


def test_wait_reads_all_the_jobs_in_one_round_of_requests(
    sfapi: Sfapi, sim: RunningSimulator
) -> None:
    jobids = sim.seed_jobs([0.0] * 20, run_script=False)  # all ended already
    sim.reset_stats()
    out = sfapi("--json", "wait", "perlmutter", *jobids)
    assert out.exit_code == 0, out.stderr
    assert [o["state"] for o in out.json()] == ["COMPLETED"] * 20
    requests = sim.stats()["requests"]
    # One round for all twenty: the user's queue, then sacct for the jobs not in it, in
    # one request; no job is read on its own.
    assert requests["GET /compute/jobs/{machine}"] == 2, requests
    assert not any("{jobid}" in route for route in requests), requests


def test_wait_shows_the_jobs_states_on_a_terminal(
    sfapi: Sfapi, sim: RunningSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80, highlight=False)
    monkeypatch.setattr("sfapi_cli.waiting.errors", terminal)
    (jobid,) = sim.seed_jobs([1.0], run_script=False)
    out = sfapi("wait", "perlmutter", jobid)
    assert out.exit_code == 0, out.stderr
    shown = screen.getvalue()
    assert f"job {jobid}" in shown and "waiting" in shown
    assert out.stdout.startswith(f"job {jobid} ended: COMPLETED")  # stdout has the result only
    many = sim.seed_jobs([1.0] * 12, run_script=False)
    screen.seek(0)
    screen.truncate()
    assert sfapi("wait", "perlmutter", *many).exit_code == 0
    assert "12 jobs" in screen.getvalue()  # one line per state, not per job


def test_a_timeout_that_is_not_positive_is_refused_before_any_request(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    script = tmp_path / "job.sh"
    script.write_text(SCRIPT.format(directives=""), encoding="utf-8")
    sim.reset_stats()
    for args in (
        ["wait", "perlmutter", "12", "--timeout", "0"],
        ["submit", "perlmutter", str(script), "--local", "--wait", "--timeout", "-1"],
    ):
        out = sfapi(*args)
        assert out.exit_code == 2, out.stderr
        assert "--timeout must be a positive number of seconds" in out.stderr
    assert sim.stats()["total_requests"] == 0
