# Generated from tests/e2e/_async/test_submission_keys.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Submission keys and job records within one process: validation before any request,
one job per key (also after a lost answer), script files with a key, the record round
trip, recovery by key prefix, and the queue grace a re-attached job keeps."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from sfapi_client import Client, JobNotFoundError, JobState, WaitTimeoutError
from sfapi_client._job_keys import key_comment
from sfapi_client.exceptions import InvalidArgumentError
from sfapi_sim.config import Faults, RouteFaults
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"
SCRIPT = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho keyed\n"


def _unique(prefix: str) -> str:
    return f"{prefix}-{time.time_ns()}"


def _keyed_jobs(sim: RunningSimulator, key: str) -> list[str]:
    jobs = sim.world.schedulers["perlmutter"].all()
    return sorted(j.jobid for j in jobs if j.options.get("comment") == key_comment(key))


@pytest.mark.parametrize(
    "key", ["", "with blank", "x" * 129, "semi;colon", "quote'", "new\nline", "ünï", 42]
)
def test_a_malformed_key_is_refused_before_any_request(
    client: Client, sim: RunningSimulator, key: object
) -> None:
    perlmutter = client.compute("perlmutter")
    before = sim.stats()["requests"]
    with pytest.raises(InvalidArgumentError, match=r"1 to 128 letters, digits and '\._:-'"):
        perlmutter.submit_job(SCRIPT, key=key)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="key prefix"):
        perlmutter.jobs_by_key("with blank")
    assert sim.stats()["requests"] == before


def test_a_key_submits_once_and_later_submissions_get_its_job(
    client: Client, sim: RunningSimulator
) -> None:
    perlmutter = client.compute("perlmutter")
    key = _unique("once.A:b_c")
    first = perlmutter.submit_job(SCRIPT, key=key)
    again = perlmutter.submit_job(SCRIPT, key=key)
    other = perlmutter.submit_job(SCRIPT, key=key + "-other")
    plain = perlmutter.submit_job(SCRIPT)
    assert first.jobid == again.jobid != other.jobid
    assert (first.key, again.key, other.key, plain.key) == (key, key, key + "-other", None)
    assert _keyed_jobs(sim, key) == [first.jobid]
    assert again.complete() is JobState.COMPLETED
    # An ended job still answers for its key: the work is done.
    assert (perlmutter.submit_job(SCRIPT, key=key)).jobid == first.jobid
    assert _keyed_jobs(sim, key) == [first.jobid]


@pytest.mark.parametrize(
    "fault",
    [Faults(ambiguous_rate=1.0), Faults(reset_after_processing_rate=1.0)],
    ids=["504-after-the-job-was-made", "connection-reset-after-the-job-was-made"],
)
def test_a_lost_answer_to_a_keyed_submission_leaves_one_job(
    client: Client, sim: RunningSimulator, fault: Faults
) -> None:
    perlmutter = client.compute("perlmutter")
    key = _unique("lost")
    sim.world.set_faults(
        replace(sim.world.config, route_faults=(RouteFaults("POST", "/compute/jobs", fault),))
    )
    job = perlmutter.submit_job(SCRIPT, key=key)
    sim.world.set_faults(replace(sim.world.config, route_faults=()))
    with sim.client() as fresh:
        again = (fresh.compute("perlmutter")).submit_job(SCRIPT, key=key)
    assert job.jobid == again.jobid
    assert _keyed_jobs(sim, key) == [job.jobid]


def test_a_keyed_script_file_runs_in_its_folder_named_after_the_file(
    client: Client, sim: RunningSimulator
) -> None:
    perlmutter = client.compute("perlmutter")
    folder = f"{HOME}/{_unique('keyed')}"
    perlmutter.run(f"mkdir -p {folder}")
    [target] = perlmutter.ls(folder, directory=True)
    (target / "step.sh").upload((SCRIPT + "pwd\n").encode())
    key = _unique("file")
    job = perlmutter.submit_job(f"{folder}/step.sh", key=key)
    assert (perlmutter.submit_job(f"{folder}/step.sh", key=key)).jobid == job.jobid
    assert job.complete() is JobState.COMPLETED
    accounted = perlmutter.job(job.jobid)
    assert accounted.jobname == "step.sh"
    assert accounted.workdir == folder
    assert accounted.comment == key_comment(key)
    output = perlmutter.run(f"cat {folder}/slurm-{job.jobid}.out")
    assert output.splitlines()[-1] == folder
    before = sim.stats()["requests"]
    with pytest.raises(InvalidArgumentError, match="passes args only to a script path"):
        perlmutter.submit_job(f"{folder}/step.sh", args=["1"], key=key)
    with pytest.raises(InvalidArgumentError, match="cannot name"):
        perlmutter.submit_job(f"{HOME}/with blank/step.sh", key=key)
    assert sim.stats()["requests"] == before


def test_a_record_brings_the_job_back_in_another_client(
    client: Client, sim: RunningSimulator
) -> None:
    perlmutter = client.compute("perlmutter")
    key = _unique("record")
    job = perlmutter.submit_job(SCRIPT, key=key)
    record = json.loads(json.dumps(job.record()))
    assert set(record) == {"machine", "jobid", "key", "submitted_at"}
    assert (record["machine"], record["jobid"], record["key"]) == ("perlmutter", job.jobid, key)
    submitted = datetime.fromisoformat(record["submitted_at"])
    assert abs((datetime.now(UTC) - submitted).total_seconds()) < 60
    with sim.client() as fresh:
        attached = (fresh.compute("perlmutter")).attach(record)
        assert (attached.jobid, attached.key) == (job.jobid, key)
        assert attached.record() == record | {"submitted_at": attached.record()["submitted_at"]}
        assert attached.complete() is JobState.COMPLETED


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([], "a job record is a dict"),
        ({"machine": "perlmutter", "jobid": "1", "key": None}, "lacks submitted_at"),
        ({"machine": "perlmutter", "jobid": "../1", "key": None, "submitted_at": None}, "jobid"),
        ({"machine": "perlmutter", "jobid": "1", "key": "a b", "submitted_at": None}, "key"),
        ({"machine": "perlmutter", "jobid": "1", "key": None, "submitted_at": "noon"}, "ISO"),
        (
            {"machine": "perlmutter", "jobid": "1", "key": None, "submitted_at": "2026-01-01"},
            "no time zone",
        ),
        ({"machine": "dtn01", "jobid": "1", "key": None, "submitted_at": None}, "of dtn01"),
    ],
)
def test_a_malformed_record_is_refused(client: Client, record: object, message: str) -> None:
    perlmutter = client.compute("perlmutter")
    with pytest.raises(InvalidArgumentError, match=message):
        perlmutter.attach(record)  # type: ignore[arg-type]


def test_a_reattached_job_keeps_the_queue_grace_from_its_submission_time(
    client: Client,
) -> None:
    perlmutter = client.compute("perlmutter")
    now = datetime.now(UTC)
    # A job submitted moments ago that no listing shows yet: it may still appear.
    fresh = {"machine": "perlmutter", "jobid": "99999991", "key": None}
    moments_ago = perlmutter.attach(fresh | {"submitted_at": now.isoformat()})
    with pytest.raises(WaitTimeoutError):
        moments_ago.complete(timeout=1.0)
    # Submitted long before the grace: absent from every listing, it is not found.
    long_ago = perlmutter.attach(fresh | {"submitted_at": (now - timedelta(hours=2)).isoformat()})
    with pytest.raises(JobNotFoundError, match="Job not found: 99999991"):
        long_ago.complete(timeout=30.0)


def test_jobs_by_key_finds_each_key_s_job_for_recovery(
    client: Client, sim: RunningSimulator
) -> None:
    perlmutter = client.compute("perlmutter")
    run = _unique("recover")
    made = {f"{run}.{n}": (perlmutter.submit_job(SCRIPT, key=f"{run}.{n}")).jobid for n in range(3)}
    perlmutter.submit_job(SCRIPT, key=f"other-{run}")
    found = perlmutter.jobs_by_key(run + ".")
    assert {job.key: job.jobid for job in found} == made
    assert [job.key for job in found] == sorted(made)
    assert all(job.record()["machine"] == "perlmutter" for job in found)
