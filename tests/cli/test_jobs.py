"""``sfapi submit``, ``jobs``, ``job``, ``cancel``: batch jobs, with the exit codes of waits."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from sfapi_cli.waiting import _Board
from sfapi_client import Client
from sfapi_sim.testing import RunningSimulator

from .conftest import HOME, Sfapi

SCRIPT = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n{directives}echo done\n"


def local_script(folder: Path, directives: str = "") -> Path:
    path = folder / "job.sh"
    path.write_text(SCRIPT.format(directives=directives), encoding="utf-8")
    return path


def test_submit_local_script_and_wait_for_success(sfapi: Sfapi, tmp_path: Path) -> None:
    out = sfapi("--json", "submit", "perlmutter", str(local_script(tmp_path)), "--local", "--wait")
    assert out.exit_code == 0, out.stderr
    result = out.json()
    assert result["state"] == "COMPLETED" and result["jobid"].isdigit()


def test_a_failed_job_gives_exit_code_10_with_its_exit_code_and_output(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    script = local_script(tmp_path, "# sim: exit=3 runtime=0.2\n")
    out = sfapi("submit", "perlmutter", str(script), "--local", "--wait")
    assert out.exit_code == 10
    ended, output = out.stdout.splitlines()
    jobid = ended.split()[1]
    assert ended == f"job {jobid} ended: FAILED (exit code 3)"
    assert output == f"  output: {HOME}/slurm-{jobid}.out"
    assert sim.world.filesystems["perlmutter"].read(f"{HOME}/slurm-{jobid}.out", "alice")


def test_a_failed_job_reports_the_output_file_its_script_names(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    filesystem = sim.world.filesystems["perlmutter"]
    filesystem.mkdir(f"{HOME}/logs", "alice", parents=True)
    directives = "#SBATCH --job-name=probe\n#SBATCH -o logs/%x-%j.txt\n# sim: exit=2\n"
    out = sfapi(
        "--json",
        "submit",
        "perlmutter",
        str(local_script(tmp_path, directives)),
        "--local",
        "--wait",
    )
    assert out.exit_code == 10, out.stderr
    result = out.json()
    jobid = result["jobid"]
    assert result == {
        "jobid": jobid,
        "state": "FAILED",
        "exit_code": 2,
        "signal": 0,
        "output": f"{HOME}/logs/probe-{jobid}.txt",
        "output_known": True,
    }
    assert filesystem.read(result["output"], "alice") == b"done\n"  # the file is there
    shown = sfapi("job", "perlmutter", jobid)  # the job command says how it ended too
    assert shown.exit_code == 0, shown.stderr
    ended, output = shown.stdout.splitlines()[-2:]
    assert ended == f"job {jobid} ended: FAILED (exit code 2)"
    assert output.startswith(f"  output: {HOME}/slurm-{jobid}.out (Slurm's default")


def test_a_wait_past_its_timeout_gives_exit_code_4(sfapi: Sfapi, tmp_path: Path) -> None:
    script = local_script(tmp_path, "# sim: runtime=60\n")
    out = sfapi("submit", "perlmutter", str(script), "--local", "--wait", "--timeout", "0.5")
    assert out.exit_code == 4
    assert out.stderr.startswith("error: ") and "0.5" in out.stderr


def test_submit_a_script_path_on_the_machine_with_args(
    sfapi: Sfapi, sim: RunningSimulator, remote_dir: str
) -> None:
    sim.world.filesystems["perlmutter"].write(
        f"{remote_dir}/job.sh", "alice", SCRIPT.format(directives="").encode()
    )
    out = sfapi("submit", "perlmutter", f"{remote_dir}/job.sh", "--args", "a", "--args", "b")
    assert out.exit_code == 0, out.stderr
    jobid = out.stdout.split()[-1]
    assert out.stdout == f"submitted job {jobid}\n"
    shown = sfapi("--json", "job", "perlmutter", jobid, "--sacct").json()
    assert shown["jobid"] == jobid and shown["user"] == "alice"


def test_a_remote_script_that_is_a_local_file_hints_at_local(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    Path("hello.sh").write_text(SCRIPT.format(directives=""), encoding="utf-8")
    sim.reset_stats()
    relative = sfapi("submit", "perlmutter", "hello.sh")
    assert relative.exit_code == 2
    assert relative.stderr.splitlines()[-1] == (
        "hint: hello.sh is a local file; add --local to submit its text"
    )
    assert "POST /compute/jobs/{machine}" not in sim.stats()["requests"]
    absolute = sfapi("submit", "perlmutter", str(tmp_path / "hello.sh"))
    assert absolute.exit_code == 2
    first, hint = absolute.stderr.splitlines()
    assert first == f"error: job script {tmp_path / 'hello.sh'} not found on perlmutter"
    assert hint == f"hint: {tmp_path / 'hello.sh'} is a local file; add --local to submit its text"
    assert "POST /compute/jobs/{machine}" not in sim.stats()["requests"]


def test_submit_refuses_missing_scripts(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    sim.reset_stats()
    local = sfapi("submit", "perlmutter", str(tmp_path / "absent.sh"), "--local")
    assert local.exit_code == 2 and "absent.sh" in local.stderr
    assert sim.stats()["total_requests"] == 0  # refused before any request
    remote = sfapi("submit", "perlmutter", "/global/homes/a/alice/absent.sh")
    assert remote.exit_code == 2
    assert (
        remote.stderr
        == "error: job script /global/homes/a/alice/absent.sh not found on perlmutter\n"
    )


def test_an_unknown_machine_is_a_usage_error(sfapi: Sfapi, sim: RunningSimulator) -> None:
    sim.reset_stats()
    out = sfapi("jobs", "cori")
    assert out.exit_code == 2
    assert "cori" in out.stderr and "perlmutter" in out.stderr
    assert sim.stats()["total_requests"] == 0


def test_jobs_lists_queue_and_sacct_with_filters(sfapi: Sfapi, tmp_path: Path) -> None:
    script = local_script(tmp_path, "# sim: runtime=30\n")
    jobid = sfapi("--json", "submit", "perlmutter", str(script), "--local").json()["jobid"]
    try:
        queue = sfapi("--json", "jobs", "perlmutter", "--user", "alice")
        assert queue.exit_code == 0, queue.stderr
        assert jobid in {row["jobid"] for row in queue.json()}
        table = sfapi("jobs", "perlmutter", "--user", "alice")
        assert table.stdout.startswith("Jobs on perlmutter") and jobid in table.stdout
        other = sfapi("--json", "jobs", "perlmutter", "--user", "bob").json()
        assert jobid not in {row["jobid"] for row in other}
        elsewhere = sfapi("--json", "jobs", "perlmutter", "--partition", "nowhere").json()
        assert elsewhere == []
    finally:
        cancelled = sfapi("--json", "cancel", "perlmutter", jobid, "--wait")
    assert cancelled.exit_code == 0, cancelled.stderr
    assert cancelled.json() == {"jobid": jobid, "state": "CANCELLED"}
    finished = sfapi("--json", "jobs", "perlmutter", "--sacct").json()
    row = next(row for row in finished if row["jobid"] == jobid)
    assert row["state"].startswith("CANCELLED")  # sacct says "CANCELLED by <uid>"


def test_job_shows_one_job_and_an_unknown_one_fails(sfapi: Sfapi, tmp_path: Path) -> None:
    jobid = sfapi(
        "--json", "submit", "perlmutter", str(local_script(tmp_path)), "--local", "--wait"
    ).json()["jobid"]
    table = sfapi("job", "perlmutter", jobid)
    assert table.exit_code == 0, table.stderr
    assert table.stdout.startswith(f"Job {jobid}") and "COMPLETED" in table.stdout
    unknown = sfapi("job", "perlmutter", "999")
    assert unknown.exit_code == 1
    assert unknown.stderr == "error: Job not found: 999 (on perlmutter)\n"


def test_cancel_without_wait(sfapi: Sfapi, tmp_path: Path) -> None:
    script = local_script(tmp_path, "# sim: runtime=30\n")
    jobid = sfapi("--json", "submit", "perlmutter", str(script), "--local").json()["jobid"]
    out = sfapi("cancel", "perlmutter", jobid)
    assert out.exit_code == 0, out.stderr
    assert out.stdout == f"job {jobid}: cancel requested\n"


def test_the_live_line_shows_a_new_job_as_pending(client: Client, sim: RunningSimulator) -> None:
    sim.set_faults(queue_lag=30.0)  # the queue does not list the job yet
    perlmutter = client.compute("perlmutter")
    found = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: pending=5\necho done\n"
    )
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(_Board([found]))
    first = console.export_text().splitlines()[0].split()
    assert first == ["job", str(found.jobid), "PENDING"]


def test_submit_names_a_local_script_s_job(sfapi: Sfapi, tmp_path: Path) -> None:
    script = local_script(tmp_path)
    jobid = sfapi("--json", "submit", "perlmutter", str(script), "--local", "--name", "mine")
    listed = sfapi("--json", "job", "perlmutter", jobid.json()["jobid"])
    assert listed.exit_code == 0, listed.stderr
    # A queued or running job's row is squeue's ("name"); one that has ended, sacct's.
    row = listed.json()
    assert row.get("name", row.get("jobname")) == "mine"
    remote = sfapi("submit", "perlmutter", "/global/homes/a/alice/x.sh", "--name", "mine")
    assert remote.exit_code == 2 and "names the job of a script text" in remote.stderr


def test_submit_with_a_key_submits_once(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    script = tmp_path / "keyed.sh"
    script.write_text(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho k\n",
        encoding="utf-8",
    )
    key = f"cli-key.{tmp_path.name}"
    first = sfapi(
        "--json", "submit", "perlmutter", str(script), "--local", "--idempotency-key", key
    )
    again = sfapi(
        "--json", "submit", "perlmutter", str(script), "--local", "--idempotency-key", key
    )
    assert first.exit_code == again.exit_code == 0, first.stderr + again.stderr
    assert first.json()["jobid"] == again.json()["jobid"]
    jobs = sim.world.schedulers["perlmutter"].all()
    assert [j.jobid for j in jobs if j.options.get("comment") == f"sfapi-key:{key}"] == [
        first.json()["jobid"]
    ]
    sim.reset_stats()
    bad = sfapi("submit", "perlmutter", str(script), "--local", "--idempotency-key", "no blanks")
    assert bad.exit_code == 2 and "1 to 128 letters, digits" in bad.stderr
    assert sim.stats()["requests"].get("POST /compute/jobs/{machine}", 0) == 0


def test_submit_check_decides_what_a_script_the_scheduler_would_refuse_does(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    """``--check refuse`` keeps a script Perlmutter would refuse (no ``-C``) from being
    sent and says why; ``--check off`` sends it, and the scheduler's refusal comes back;
    the default warns and sends."""
    script = tmp_path / "unconstrained.sh"
    script.write_text("#!/bin/bash\n#SBATCH -q debug\n#SBATCH -t 5\necho x\n", encoding="utf-8")
    sim.reset_stats()
    refused = sfapi("submit", "perlmutter", str(script), "--local", "--check", "refuse")
    assert refused.exit_code == 1
    assert "would be refused, so it was not sent" in refused.stderr
    assert "No architecture specified" in refused.stderr
    assert sim.stats()["requests"].get("POST /compute/jobs/{machine}", 0) == 0
    sent = sfapi("submit", "perlmutter", str(script), "--local", "--check", "off")
    assert sent.exit_code == 1 and "No architecture specified" in sent.stderr
    assert sim.stats()["requests"].get("POST /compute/jobs/{machine}", 0) == 1
    warned = sfapi("submit", "perlmutter", str(script), "--local")
    assert warned.exit_code == 1 and "would be refused (sending it anyway" in warned.stderr
    assert sim.stats()["requests"].get("POST /compute/jobs/{machine}", 0) == 2
    wrong = sfapi("submit", "perlmutter", str(script), "--local", "--check", "maybe")
    assert wrong.exit_code == 2
