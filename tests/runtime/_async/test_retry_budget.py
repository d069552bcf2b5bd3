"""Retries bounded by time, not by a handful of attempts: the default policy rides out a
one-minute outage; a submission answered 503 is sent again only once the job and task
lists prove no job was made, and the final error says so."""

from __future__ import annotations

import itertools
import time

import httpx2
import pytest

from sfapi_client import AsyncApiClient, AsyncClient, JobNotCreatedError, RetryConfig, ServerError
from tests.runtime.conftest import Scripted, json_response
from tests.runtime.hostile_server import Reply, hostile

API = "/api/v1.2"
STATUS = {"name": "perlmutter", "status": "active"}
OUTAGE = 60.0


def outage(sleeps: list[float], seconds: float) -> Scripted:
    """503 until the client has waited ``seconds`` in all, then the status."""

    def answer(request: httpx2.Request) -> httpx2.Response:
        if sum(sleeps) < seconds:
            return json_response(503, {"detail": "maintenance"})
        return json_response(200, STATUS)

    return Scripted([answer])


async def test_the_default_policy_rides_out_a_one_minute_outage(sleeps: list[float]) -> None:
    script = outage(sleeps, OUTAGE)
    transport = script.transport()
    async with AsyncApiClient("https://api.example.org/api", transport=transport) as client:
        status = await client.status.read_status_for_system("perlmutter")
    assert status.name == "perlmutter"
    assert OUTAGE <= sum(sleeps) <= RetryConfig().budget
    assert len(script.requests) == len(sleeps) + 1 > 5  # more than the old five attempts


async def test_retries_end_by_the_budget_when_the_outage_lasts(sleeps: list[float]) -> None:
    script = outage(sleeps, float("inf"))
    async with AsyncApiClient(
        "https://api.example.org/api", transport=script.transport()
    ) as client:
        with pytest.raises(ServerError, match="maintenance"):
            await client.status.read_status_for_system("perlmutter")
    assert OUTAGE < sum(sleeps) <= RetryConfig().budget


async def test_many_failures_in_a_row_are_retried_over_real_http() -> None:
    steps = [Reply(503, {"detail": "busy"})] * 9 + [Reply(200, STATUS)]
    policy = RetryConfig(backoff_base=0.01, backoff_cap=0.05, budget=5)
    with hostile({API: steps}) as (server, root):
        async with AsyncApiClient(root + API, retry=policy) as client:
            started = time.monotonic()
            status = await client.status.read_status_for_system("perlmutter")
            assert time.monotonic() - started < policy.budget
    assert status.name == "perlmutter" and len(server.arrivals) == 10


async def test_a_submission_proven_not_made_is_resent_then_reported_as_not_created() -> None:
    script = {
        API + "/status": [Reply(200, STATUS)],
        API + "/account": [Reply(200, {"uid": 1, "name": "alice"})],
        API + "/tasks": [Reply(200, {"tasks": []})],
        "GET " + API + "/compute/jobs": [Reply(200, {"status": "OK", "output": []})],
        "POST " + API + "/compute/jobs": [Reply(503, {"detail": "scheduler restarting"})],
    }
    policy = RetryConfig(backoff_base=0.05, backoff_cap=0.1, budget=1.0)
    with hostile(script) as (server, root):
        async with AsyncClient(
            access_token="t", api_base_url=root + API, retry=policy, task_interval=0.05
        ) as client:
            compute = await client.compute("perlmutter")
            with pytest.raises(JobNotCreatedError) as caught:
                await compute.submit_job(
                    "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n",
                    timeout=30,
                )
    message = str(caught.value)
    assert "no job was created" in message and "scheduler restarting" in message
    assert "unknown" not in message
    sequence = [a.method + " " + a.path.split("?")[0] for a in server.arrivals[1:]]
    posts = [i for i, request in enumerate(sequence) if request.startswith("POST")]
    assert len(posts) >= 2
    for before, after in itertools.pairwise(posts):
        between = sequence[before + 1 : after]
        assert f"GET {API}/tasks" in between  # resent only after the proof
        assert f"GET {API}/compute/jobs/perlmutter" in between
