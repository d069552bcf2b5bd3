"""The request pipeline over a scripted transport: retries, Retry-After, idempotency,
errors, and what is (not) sent without credentials."""

from __future__ import annotations

import httpx2
import pytest

from sfapi_client import (
    ApiErrorStatus,
    AsyncApiClient,
    MissingCredentialsError,
    NotFoundError,
    RequestValidationError,
    RetryConfig,
    ServerError,
    TransportError,
)
from tests.runtime.conftest import Scripted, json_response

BASE = "https://api.example.org/api/v1.2"
STATUS = {"name": "perlmutter", "status": "active"}
TASK = {"task_id": "7", "status": "OK", "error": None}


def make_client(script: Scripted, **options: object) -> AsyncApiClient:
    return AsyncApiClient(
        BASE, transport=script.transport(), headers={"Authorization": "Bearer t"}, **options
    )


async def test_get_retried_after_503_waits_retry_after(sleeps: list[float]) -> None:
    script = Scripted(
        [
            json_response(503, {}, {"Retry-After": "3"}),
            json_response(503, {}, {"Retry-After": "2"}),
            json_response(200, STATUS),
        ]
    )
    async with make_client(script) as client:
        status = await client.status.read_status_for_system("perlmutter")
    assert status.name == "perlmutter"
    assert len(script.requests) == 3
    assert sleeps[0] >= 3 and sleeps[1] >= 2


async def test_post_answered_503_is_not_sent_again(sleeps: list[float]) -> None:
    script = Scripted([json_response(503, {"detail": "gateway restarting"})])
    async with make_client(script) as client:
        with pytest.raises(ServerError) as caught:
            await client.compute.submit_job("perlmutter", is_path=True, job="/x/job.sh")
    assert len(script.requests) == 1
    assert sleeps == []
    assert caught.value.status == 503
    assert "POST" in str(caught.value) and "gateway restarting" in str(caught.value)


async def test_post_with_refused_connection_is_retried(sleeps: list[float]) -> None:
    script = Scripted([httpx2.ConnectError("refused"), json_response(200, TASK)])
    async with make_client(script) as client:
        answer = await client.compute.submit_job("perlmutter", is_path=True, job="/x/job.sh")
    assert answer.task_id == "7"
    assert len(script.requests) == 2 and len(sleeps) == 1


async def test_post_read_timeout_is_not_retried(sleeps: list[float]) -> None:
    script = Scripted([httpx2.ReadTimeout("slow"), json_response(200, TASK)])
    async with make_client(script) as client:
        with pytest.raises(TransportError):
            await client.compute.submit_job("perlmutter", is_path=True, job="/x/job.sh")
    assert len(script.requests) == 1


async def test_post_429_is_retried(sleeps: list[float]) -> None:
    script = Scripted([json_response(429, {}, {"Retry-After": "1"}), json_response(200, TASK)])
    async with make_client(script) as client:
        await client.compute.submit_job("perlmutter", is_path=True, job="/x/job.sh")
    assert len(script.requests) == 2 and sleeps[0] >= 1


async def test_retries_stop_at_max_attempts(sleeps: list[float]) -> None:
    script = Scripted([json_response(502, {})])
    async with make_client(script, retry=RetryConfig(max_attempts=3)) as client:
        with pytest.raises(ServerError):
            await client.status.read_status()
    assert len(script.requests) == 3 and len(sleeps) == 2


async def test_retries_stop_when_the_budget_is_spent(sleeps: list[float]) -> None:
    script = Scripted([json_response(503, {}, {"Retry-After": "100"})])
    async with make_client(script, retry=RetryConfig(budget=10)) as client:
        with pytest.raises(ServerError):
            await client.status.read_status()
    assert len(script.requests) == 1


async def test_404_and_422_are_typed(sleeps: list[float]) -> None:
    detail = [
        {"loc": ["query", "index"], "msg": "value is not a valid integer", "type": "int_parsing"}
    ]
    script = Scripted(
        [json_response(404, {"detail": "no such system"}), json_response(422, {"detail": detail})]
    )
    async with make_client(script) as client:
        with pytest.raises(NotFoundError, match="no such system"):
            await client.status.read_status_for_system("nowhere")
        with pytest.raises(RequestValidationError) as caught:
            await client.status.read_status_for_system("x")
    assert caught.value.detail == detail
    assert "query.index: value is not a valid integer" in str(caught.value)


async def test_in_band_error_raises_with_its_message(sleeps: list[float]) -> None:
    body = {
        "status": "ERROR",
        "entries": [],
        "error": "ls: cannot access '/x': No such file or directory",
    }
    script = Scripted([json_response(200, body)])
    async with make_client(script) as client:
        with pytest.raises(ApiErrorStatus, match="cannot access '/x'"):
            await client.utilities.ls("perlmutter", "/x")


async def test_slashes_of_a_path_parameter_are_sent_as_they_are(sleeps: list[float]) -> None:
    body = {"status": "OK", "entries": [], "error": None}
    script = Scripted([json_response(200, body)])
    async with make_client(script) as client:
        await client.utilities.ls("perlmutter", "/global/homes/a/alice/x y.txt")
    assert (
        script.requests[0].url.raw_path
        == b"/api/v1.2/utilities/ls/perlmutter//global/homes/a/alice/x%20y.txt"
    )


async def test_repeated_query_parameters(sleeps: list[float]) -> None:
    script = Scripted([json_response(200, {"status": "OK", "output": []})])
    async with make_client(script) as client:
        await client.compute.read_jobs("perlmutter", sacct=True, kwargs=["jobid=1,2", "user=alice"])
    params = script.requests[0].url.params
    assert params.get_list("kwargs") == ["jobid=1,2", "user=alice"]
    assert params["sacct"] == "true"


async def test_secured_call_without_credentials_sends_nothing(sleeps: list[float]) -> None:
    script = Scripted([json_response(200, {})])
    async with AsyncApiClient(BASE, transport=script.transport()) as client:
        with pytest.raises(MissingCredentialsError, match="needs credentials"):
            await client.account.read_user()
    assert script.requests == []


def test_base_url_must_have_a_scheme() -> None:
    with pytest.raises(ValueError, match="http:// or https://"):
        AsyncApiClient("api.nersc.gov/api/v1.2")
