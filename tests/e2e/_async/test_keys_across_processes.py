"""Submission keys and job records across processes: real subprocesses, killed for real.

A process that dies after sending a keyed submission leaves a job that the next
process with the key gets instead of submitting again; two processes racing with one
key leave one live job; a thousand jobs re-attached from their records in a fresh
process are watched with one listing per poll round. The child processes run
``key_child.py`` with the client of this module's flavour (async or sync).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sfapi_client._job_keys import key_comment
from sfapi_sim.config import Faults, RouteFaults
from sfapi_sim.testing import RunningSimulator
from tests.e2e.monitor_rounds import LISTINGS, QUEUED, listing_rounds, quiet_simulator

#: "async" or "sync": the client the child processes use, as this module's folder says.
FLAVOUR = Path(__file__).parent.name.lstrip("_")
CHILD = Path(__file__).parent.parent / "key_child.py"
#: A bound on hangs only.
PROCESS_LIMIT = 120.0


def _environment(sim: RunningSimulator) -> dict[str, str]:
    return {
        **os.environ,
        "SFAPI_KEY": str(sim.key_file),
        "SFAPI_BASE_URL": sim.base_url,
        "SFAPI_TOKEN_URL": sim.token_url,
    }


def _start(sim: RunningSimulator, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), FLAVOUR, *args],
        env=_environment(sim),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _result(process: subprocess.Popen[str]) -> dict[str, object]:
    out, err = process.communicate(timeout=PROCESS_LIMIT)
    assert process.returncode == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def _keyed_jobs(sim: RunningSimulator, key: str) -> list[str]:
    """The ids of the simulator's jobs carrying ``key``, from its own state."""
    jobs = sim.world.schedulers["perlmutter"].all()
    return sorted(j.jobid for j in jobs if j.options.get("comment") == key_comment(key))


def _live(sim: RunningSimulator, jobid: str) -> bool:
    job = sim.world.schedulers["perlmutter"].get(jobid)
    assert job is not None
    return job.cancelled_at is None


def _submissions_on(sim: RunningSimulator, route_faults: Faults) -> None:
    sim.world.set_faults(
        replace(
            sim.world.config,
            route_faults=(RouteFaults("POST", "/compute/jobs", route_faults),),
        )
    )


def test_a_process_killed_after_sending_leaves_one_job_that_a_new_process_gets(
    sim: RunningSimulator,
) -> None:
    key = f"killed-{FLAVOUR}-{time.time_ns()}"
    # The job is made as the request arrives; its answer is held back for seconds.
    _submissions_on(sim, Faults(answer_delay=5.0))
    doomed = _start(sim, "submit", key)
    limit = time.monotonic() + PROCESS_LIMIT
    while not _keyed_jobs(sim, key):
        assert doomed.poll() is None, doomed.communicate()
        assert time.monotonic() < limit, "the submission never reached the simulator"
        time.sleep(0.02)
    doomed.send_signal(signal.SIGKILL)
    doomed.communicate(timeout=PROCESS_LIMIT)
    assert doomed.returncode == -signal.SIGKILL
    [made] = _keyed_jobs(sim, key)

    sim.world.set_faults(replace(sim.world.config, route_faults=()))
    record = _result(_start(sim, "submit", key))
    assert record["jobid"] == made and record["key"] == key
    assert _keyed_jobs(sim, key) == [made]


@pytest.mark.parametrize(
    "fault",
    [Faults(ambiguous_rate=1.0), Faults(reset_after_processing_rate=1.0)],
    ids=["504-after-the-job-was-made", "connection-reset-after-the-job-was-made"],
)
def test_a_lost_answer_leaves_one_job_for_every_process_with_the_key(
    sim: RunningSimulator, fault: Faults
) -> None:
    key = f"lost-{FLAVOUR}-{time.time_ns()}"
    sim.reset_stats()
    _submissions_on(sim, fault)
    first = _result(_start(sim, "submit", key))  # found again by its key
    faults = sim.stats()["faults"]
    assert faults.get("504-after-processing", 0) + faults.get("drop-after-processing", 0) == 1
    sim.world.set_faults(replace(sim.world.config, route_faults=()))
    second = _result(_start(sim, "submit", key))
    assert first["jobid"] == second["jobid"]
    assert _keyed_jobs(sim, key) == [first["jobid"]]


def test_two_processes_racing_with_one_key_leave_one_live_job(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    key = f"race-{FLAVOUR}-{time.time_ns()}"
    sim.configure(job_pending=60.0)  # both jobs stay queued while the race settles
    # Each submission waits a second before it is processed: both processes look for
    # the key before either job exists, and both submit.
    _submissions_on(sim, Faults(latency=1.0))
    go = tmp_path / "go"
    racers = [_start(sim, "submit", key, str(go)) for _ in range(2)]
    limit = time.monotonic() + PROCESS_LIMIT
    while len(list(tmp_path.glob("go.*.ready"))) < len(racers):
        assert all(racer.poll() is None for racer in racers), "a racer ended early"
        assert time.monotonic() < limit, "the racers never got ready"
        time.sleep(0.01)
    go.touch()  # both signed in and waiting: they look for the key at the same moment
    records = [_result(racer) for racer in racers]

    made = _keyed_jobs(sim, key)
    assert len(made) == 2, "the two processes did not race"
    winner = min(made, key=int)
    # Both return the job with the lowest id; the younger one is cancelled.
    assert [r["jobid"] for r in records] == [winner, winner]
    assert [_live(sim, jobid) for jobid in made] == [jobid == winner for jobid in made]


@pytest.fixture
def quiet_sim() -> Iterator[RunningSimulator]:
    """A simulator of its own with a request log (``monitor_rounds``)."""
    with quiet_simulator() as sim:
        yield sim


def test_1000_jobs_reattached_in_a_fresh_process_cost_one_listing_per_round(
    quiet_sim: RunningSimulator, tmp_path: Path
) -> None:
    sim = quiet_sim
    jobids = sim.seed_jobs([1.0] * 1000, pending=QUEUED, run_script=False)
    now = datetime.now(UTC).isoformat()
    records = [
        {"machine": "perlmutter", "jobid": jobid, "key": f"batch.{jobid}", "submitted_at": now}
        for jobid in jobids
    ]
    records_file = tmp_path / "records.json"
    records_file.write_text(json.dumps(records))
    sim.reset_stats()
    watcher = _start(sim, "watch", str(records_file))
    limit = time.monotonic() + PROCESS_LIMIT
    # Four rounds with every job queued, then all of them end at once.
    while len(sim.world.stats.logged(LISTINGS)) < 4:
        assert watcher.poll() is None, watcher.communicate()
        assert time.monotonic() < limit, "the watcher made no rounds"
        time.sleep(0.05)
    sim.world.clock.advance(QUEUED + 2)
    watched = _result(watcher)

    assert watched["states"] == {"COMPLETED": 1000}
    rounds = listing_rounds(sim.world.stats.logged(LISTINGS))
    assert len(rounds) == watched["rounds"]
    # No job was read on its own: every round is one listing of the user's queue ...
    assert sim.stats()["requests"].get("GET /compute/jobs/{machine}/{jobid}", 0) == 0
    assert all(r[0].params["kwargs"] == ["user=alice"] for r in rounds)
    assert [len(r) for r in rounds[:3]] == [1, 1, 1]
    # ... and the jobs that left it are asked of sacct once, in a few batched requests.
    asked = [
        jobid
        for r in rounds
        for request in r[1:]
        for jobid in request.params["kwargs"][0].removeprefix("jobid=").split(",")
    ]
    assert sorted(asked) == sorted(jobids)
    assert watched["max_requests_per_round"] == max(len(r) for r in rounds) <= 1 + 10
