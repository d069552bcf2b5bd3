"""The tasks in real Prefect flows (the session's Prefect server) against the simulator:
submissions re-attach when a flow run is retried or its scope runs again, waits report
still-running and failed jobs, commands run and files go both ways."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from prefect import flow

from prefect_sfapi import (
    JobRecord,
    JobsFailed,
    JobsStillRunning,
    SfApiCredentials,
    download_file,
    run_command,
    scope_prefix,
    submit_job,
    upload_file,
    wait_for_job,
    wait_for_jobs,
)
from sfapi_client import JobState
from sfapi_sim.testing import RunningSimulator

HEADER = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"


def script(body: str) -> str:
    return f"{HEADER}{body}\n"


@pytest.fixture
def credentials(sim: RunningSimulator, prefect_api_url: str) -> SfApiCredentials:
    """Credentials of the simulator's alice, with quick polling."""
    return SfApiCredentials(
        key_file=str(sim.key_file),
        api_base_url=sim.base_url,
        token_url=sim.token_url,
        wait_interval=0.05,
    )


def jobs_made(sim: RunningSimulator) -> int:
    return int(sim.stats()["jobs"]["perlmutter"])


def test_a_scope_run_again_gets_the_same_jobs_and_identical_scripts_stay_distinct(
    sim: RunningSimulator, credentials: SfApiCredentials
) -> None:
    scope = f"dataset-{uuid.uuid4()}"

    @flow
    def batch() -> list[JobRecord]:
        scripts = [script("echo same"), script("echo same"), script("echo other")]
        futures = [submit_job.submit(s, credentials=credentials, scope=scope) for s in scripts]
        return wait_for_jobs([f.result() for f in futures], credentials=credentials)

    before = jobs_made(sim)
    first = batch()
    assert len({job.jobid for job in first}) == 3
    assert {job.state for job in first} == {JobState.COMPLETED}
    assert len({job.key for job in first}) == 3
    second = batch()
    assert sorted(job.jobid for job in second) == sorted(job.jobid for job in first)
    assert jobs_made(sim) - before == 3
    # The scope's jobs are found again by their key prefix, with no record at all.
    with sim.client() as client:
        found = client.compute("perlmutter").jobs_by_key(scope_prefix(scope))
    assert sorted(job.jobid or "" for job in found) == sorted(job.jobid for job in first)


def test_a_retried_flow_run_reattaches_to_the_jobs_of_its_first_attempt(
    sim: RunningSimulator, credentials: SfApiCredentials
) -> None:
    attempts: list[list[str]] = []

    @flow(retries=1, retry_delay_seconds=0)
    def fragile() -> list[str]:
        jobs = [submit_job(script(f"echo {n}"), credentials=credentials) for n in range(2)]
        attempts.append([job.jobid for job in jobs])
        if len(attempts) == 1:
            raise RuntimeError("the flow fails after submitting")
        return [job.jobid for job in jobs]

    before = jobs_made(sim)
    assert fragile() == attempts[0]
    assert attempts[0] == attempts[1]
    assert jobs_made(sim) - before == 2
    # A new flow run of the same flow has a scope of its own: new jobs.
    attempts.clear()
    fragile()
    assert jobs_made(sim) - before == 4


def test_an_explicit_key_wins_and_a_bad_one_is_refused_before_any_request(
    sim: RunningSimulator, credentials: SfApiCredentials
) -> None:
    key = f"mine-{uuid.uuid4().hex}"

    @flow
    def keyed(key: str) -> JobRecord:
        return submit_job(script("echo keyed"), credentials=credentials, key=key)

    job = keyed(key)
    assert job.key == key
    assert keyed(key).jobid == job.jobid
    sim.reset_stats()
    state = keyed.with_options(retries=0)("not a key!", return_state=True)
    assert state.is_failed()
    with pytest.raises(ValueError, match="submission key"):
        state.result()
    assert sim.stats()["submissions"] == {}


def test_submitting_outside_a_flow_needs_a_key_or_a_scope(
    credentials: SfApiCredentials,
) -> None:
    with pytest.raises(ValueError, match="key= or scope="):
        submit_job.fn(script("echo alone"), credentials=credentials)
    with pytest.raises(ValueError, match="non-empty string"):
        submit_job.fn(script("echo alone"), credentials=credentials, scope=" ")


def test_a_wait_attempt_reports_jobs_still_running_then_a_retry_sees_them_end(
    sim: RunningSimulator, credentials: SfApiCredentials
) -> None:
    sim.configure(job_runtime=120.0, job_pending=0.0)

    @flow
    def one_attempt(job: JobRecord) -> JobRecord:
        return wait_for_job.with_options(retries=0)(job, credentials=credentials, poll_for=0.3)

    @flow
    def submit() -> JobRecord:
        return submit_job(script("echo long"), credentials=credentials, scope=str(uuid.uuid4()))

    job = submit()
    state = one_attempt(job, return_state=True)
    with pytest.raises(JobsStillRunning, match=f"{job.jobid} (PENDING|RUNNING)"):
        state.result()
    sim.world.clock.offset += 300.0
    assert one_attempt(job).state is JobState.COMPLETED


def test_a_failed_job_fails_the_wait_unless_asked_not_to(
    credentials: SfApiCredentials,
) -> None:
    @flow
    def failing(require_success: bool) -> list[JobRecord]:
        job = submit_job(script("exit 3"), credentials=credentials)
        return wait_for_jobs([job], credentials=credentials, require_success=require_success)

    state = failing(True, return_state=True)
    with pytest.raises(JobsFailed, match="FAILED"):
        state.result()
    (job,) = failing(False)
    assert job.state is JobState.FAILED


def test_commands_run_and_files_go_both_ways(credentials: SfApiCredentials, tmp_path: Path) -> None:
    local = tmp_path / "input.bin"
    local.write_bytes(b"\x00payload\xff")

    @flow
    def files() -> tuple[str, str, bytes | str, bytes | str]:
        home = run_command("printenv HOME", credentials=credentials).strip()
        written = upload_file(local, f"{home}/input.bin", credentials=credentials)
        upload_file(b"from bytes\n", f"{home}/note.txt", credentials=credentials)
        listing = run_command(["cat", f"{home}/note.txt"], credentials=credentials)
        content = download_file(written, credentials=credentials)
        saved = download_file(written, tmp_path / "back.bin", credentials=credentials)
        return written, listing, content, saved

    written, listing, content, saved = files()
    assert written.endswith("/input.bin")
    assert listing == "from bytes\n"
    assert content == b"\x00payload\xff"
    assert Path(str(saved)).read_bytes() == b"\x00payload\xff"
