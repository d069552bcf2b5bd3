"""Job listings filtered as the live service filters them (``kwargs=user=NAME``,
``jobid=1,2,3``), jobs seeded without a script, and the request log tests count with."""

from __future__ import annotations

import pytest

from sfapi_sim.testing import RunningSimulator
from sfapi_sim.world import Stats

from .sim_api import MACHINE, SimApi

LISTINGS = "GET /compute/jobs/{machine}"


def _seed(sim: RunningSimulator, user: str, *, pending: float, runtime: float) -> str:
    [jobid] = sim.seed_jobs([runtime], user=user, pending=pending, run_script=False)
    return jobid


def _listing(api: SimApi, *kwargs: str, sacct: bool = False) -> list[dict[str, str]]:
    answer = api.get(f"/compute/jobs/{MACHINE}", kwargs=list(kwargs), sacct=str(sacct).lower())
    assert answer["status"] == "OK", answer
    return list(answer["output"])


def test_a_user_filter_lists_that_users_jobs_only(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    alices = _seed(sim, "alice", pending=3600, runtime=60)
    bobs = _seed(sim, "bob", pending=3600, runtime=60)
    queued = {row["jobid"]: row["user"] for row in _listing(api, "user=alice")}
    assert queued[alices] == "alice"
    assert bobs not in queued
    assert set(queued.values()) == {"alice"}
    assert {row["jobid"] for row in _listing(api, "user=bob")} >= {bobs}
    assert alices not in {row["jobid"] for row in _listing(api, "user=bob")}
    # The filters combine; sacct filters the same way, finished jobs included.
    both = f"jobid={alices},{bobs}"
    assert [row["jobid"] for row in _listing(api, both, "user=bob", sacct=True)] == [bobs]
    assert _listing(api, "user=nobody") == []


def test_a_job_seeded_without_a_script_leaves_the_queue_after_its_run_time(
    sim: RunningSimulator,
) -> None:
    api = SimApi(sim)
    jobid = _seed(sim, "alice", pending=10, runtime=5)
    [row] = _listing(api, f"jobid={jobid}")
    assert row["state"] == "PENDING"
    sim.world.clock.advance(12)
    [row] = _listing(api, f"jobid={jobid}")
    assert row["state"] == "RUNNING"
    sim.world.clock.advance(5)
    assert _listing(api, f"jobid={jobid}") == []
    [row] = _listing(api, f"jobid={jobid}", sacct=True)
    assert (row["state"], row["exitcode"]) == ("COMPLETED", "0:0")
    # Its script never ran: it would have written its output file.
    listing = api.get(f"/utilities/ls/{MACHINE}//global/homes/a/alice")
    assert f"slurm-{jobid}.out" not in {entry["name"] for entry in listing["entries"]}


def test_the_request_log_keeps_each_listings_query(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    sim.world.stats.keep_log(3)
    try:
        sim.reset_stats()
        for user in ("alice", "bob", "carol", "dave"):
            _listing(api, f"user={user}")
        logged = sim.world.stats.logged(LISTINGS)
        # The last three, oldest first, each with its parameters as the server read them.
        assert [r.params["kwargs"] for r in logged] == [["user=bob"], ["user=carol"], ["user=dave"]]
        assert sim.stats()["requests"][LISTINGS] == 4
    finally:
        sim.world.stats.drop_log()


def test_a_request_log_keeps_at_least_one_request() -> None:
    with pytest.raises(ValueError, match="at least one request"):
        Stats().keep_log(0)
