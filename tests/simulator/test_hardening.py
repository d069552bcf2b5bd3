"""Regression tests of a hostile review: each defect found, and the bound or refusal that
now holds (tasks that run and are cancelled, output caps, retention, group ownership,
refused removals, Globus copies into their own source, concurrent listings, assertions)."""

from __future__ import annotations

import json
import math
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx2
from joserfc import jwt
from joserfc.jwk import RSAKey

from sfapi_sim.auth import ASSERTION_TYPE
from sfapi_sim.state.tasks import TaskStore
from sfapi_sim.testing import RunningSimulator

from .sim_api import DEADLINE, HOME, SimApi

LOOP = "bash -lc 'i=0; while [ $i -lt 30 ]; do echo tick-$i; i=$((i+1)); sleep 1; done'"


def test_a_looping_command_is_a_running_task_that_can_be_cancelled(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    task_id = api.command(LOOP)
    time.sleep(0.1)
    assert api.task(task_id)["status"] == "new"  # still looping: it waits for the clock
    sim.world.clock.advance(2.5)
    assert api.cancel_task(task_id)["status"] == "cancelled"
    assert api.task(task_id) == {"id": task_id, "status": "cancelled", "result": None}
    record = sim.world.tasks.get(task_id, "alice")
    assert record is not None and record.done.wait(DEADLINE), "the loop kept running"


def test_a_looping_command_completes_as_the_clock_moves(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    result = api.run(LOOP)
    assert result["output"] == "".join(f"tick-{i}\n" for i in range(30))
    assert (result["status"], result["exit_code"], result["error"]) == ("ok", 0, "")


def test_a_failing_command_completes_with_its_stderr_and_exit_code(sim: RunningSimulator) -> None:
    result = SimApi(sim).run("bash -lc 'echo failing >&2; exit 1'")
    assert result == {"status": "error", "output": "", "error": "failing\n", "exit_code": 1}


def test_login_node_commands_live_in_usr_bin_and_bin(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    listed = api.get("/utilities/ls/perlmutter//usr/bin/hostname")
    assert listed["status"] == "OK" and listed["entries"][0]["perms"] == "-rwxr-xr-x"
    assert api.run("/usr/bin/hostname; /bin/whoami")["output"] == "perlmutter-login01\nalice\n"
    assert "sbatch" in api.run("ls /bin")["output"].split()


def test_command_output_is_capped(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    sim.world.filesystems["perlmutter"].write(f"{HOME}/big.txt", "alice", b"x" * 4000)
    sim.configure(max_command_output=10_000)
    try:
        result = api.run("cat big.txt big.txt big.txt big.txt big.txt big.txt")
    finally:
        sim.configure(max_command_output=1024 * 1024)
    assert result["status"] == "error" and result["exit_code"] == 1
    assert len(result["output"]) <= 10_000
    assert "exceeds the 10000-character limit" in result["error"]


def test_running_commands_per_user_are_bounded(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    sim.configure(max_running_commands=2)
    try:
        sleepers = [api.command("sleep 600") for _ in range(2)]
        refused = api.wait_task(api.command("echo one too many"))
    finally:
        sim.configure(max_running_commands=16)
        for task_id in sleepers:
            api.cancel_task(task_id)
    assert refused["status"] == "failed"
    assert "still running (at most 2)" in json.loads(refused["result"])["error"]


def test_ended_tasks_are_forgotten_after_retention_and_beyond_a_count() -> None:
    store = TaskStore(retention=100.0, max_per_user=5)
    first = store.create("alice", {"status": "ok"}, ready_at=0.0, now=0.0)
    for _ in range(10):
        store.create("alice", {"status": "ok"}, ready_at=1.0, now=1.0)
    assert len(store.of("alice")) == 5
    assert store.get(first.id, "alice") is None
    store.create("bob", {"status": "ok"}, ready_at=500.0, now=500.0)
    assert store.of("alice") == [] and len(store.of("bob")) == 1


def test_retained_results_stay_within_their_budget() -> None:
    store = TaskStore(max_result_chars=10_000)
    for _ in range(50):
        store.create("alice", {"output": "x" * 1000}, ready_at=0.0, now=0.0)
    assert sum(t.size() for t in store.of("alice")) <= 11_000


def test_removals_that_are_refused_report_failure(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    refused = api.run("rm -rf /usr/bin/ls; echo status=$?")
    assert refused["output"] == "status=1\n"
    assert refused["error"] == "rm: cannot remove '/usr/bin/ls': Permission denied\n"
    assert api.run("rm -f does-not-exist")["exit_code"] == 0
    assert api.run(f"rm -rf {HOME}")["exit_code"] == 1


def test_only_a_groups_owner_changes_its_members(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    url = f"{sim.base_url}/account/groups"
    others = httpx2.put(
        f"{url}/m1234", data={"usernames": "alice", "action": "batch_remove"}, headers=api.headers
    )
    assert others.status_code == 403 and "owner" in others.json()["detail"]
    name = f"own{uuid.uuid4().hex[:6]}"
    created = httpx2.post(url, data={"name": name, "repo_name": "m1234"}, headers=api.headers)
    assert created.status_code == 200
    added = httpx2.put(
        f"{url}/{name}", data={"usernames": "bob", "action": "batch_add"}, headers=api.headers
    )
    assert added.status_code == 200
    assert {u["name"] for u in added.json()["users"]} == {"alice", "bob"}


def test_a_globus_copy_into_its_own_source_is_refused(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    sim.world.filesystems["perlmutter"].mkdir(f"{HOME}/src/inner", "alice", parents=True)

    def start(target: str) -> dict[str, object]:
        answer = httpx2.post(
            f"{sim.base_url}/storage/globus/transfer",
            data={
                "source_uuid": "perlmutter",
                "target_uuid": "perlmutter",
                "source_dir": f"{HOME}/src",
                "target_dir": target,
            },
            headers=api.headers,
        )
        return dict(answer.json())

    for target in (f"{HOME}/src/copy", f"{HOME}/src", f"{HOME}/src/inner/../x"):
        refused = start(target)
        assert refused["status"] == "ERROR" and "inside the source" in str(refused["reason"])
    assert start(f"{HOME}/src-copy")["status"] == "OK"


def test_listings_never_fail_while_files_are_uploaded(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    folder = f"{HOME}/busy-{uuid.uuid4().hex[:6]}"
    sim.world.filesystems["perlmutter"].mkdir(folder, "alice")

    client = httpx2.Client(headers=api.headers, timeout=30)

    def upload(index: int) -> int:
        answer = client.put(
            f"{sim.base_url}/utilities/upload/perlmutter/{folder}/f{index % 5}.txt",
            files={"file": (f"f{index % 5}.txt", b"data" * 1000)},
        )
        return answer.status_code

    def listing(_: int) -> int:
        answer = client.get(f"{sim.base_url}/utilities/ls/perlmutter/{folder}")
        assert answer.json()["status"] == "OK"
        return answer.status_code

    with client, ThreadPoolExecutor(max_workers=12) as pool:
        mixed = [pool.submit(upload if i % 2 else listing, i) for i in range(160)]
        codes = [future.result() for future in mixed]
    assert set(codes) == {200}
    names = {e["name"] for e in api.get(f"/utilities/ls/perlmutter/{folder}")["entries"]}
    assert names == {".", "..", "f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt"}


def test_assertions_with_a_non_finite_exp_are_refused(sim: RunningSimulator) -> None:
    key = RSAKey.import_key(sim.key_file.read_text().split("\n", 1)[1])
    for exp in (math.nan, math.inf, True):
        claims = {
            "iss": sim.client_id,
            "sub": sim.client_id,
            "aud": sim.token_url,
            "iat": int(time.time()),
            "exp": exp,
            "jti": uuid.uuid4().hex,
        }
        assertion = jwt.encode({"alg": "RS256"}, claims, key)
        for _ in range(2):  # neither accepted nor, once refused, replayable
            answer = httpx2.post(
                sim.token_url,
                data={
                    "grant_type": "client_credentials",
                    "client_assertion_type": ASSERTION_TYPE,
                    "client_assertion": assertion,
                },
            )
            assert answer.status_code == 401, exp
            assert answer.json()["error"] == "invalid_client"
