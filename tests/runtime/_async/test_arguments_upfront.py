"""Wrong arguments are refused before any request (ValueError or TypeError), and what
goes wrong later is an SfApiError: tokens, timeouts, key files, scripts, downloads."""

from __future__ import annotations

import base64
import math
import time
from pathlib import Path

import pytest

from sfapi_client import (
    AsyncApiClient,
    AsyncClient,
    AsyncJob,
    AsyncRemotePath,
    ClientKeyError,
    MissingCredentialsError,
    ResponseDecodeError,
    RetryConfig,
    WaitTimeoutError,
)
from tests.runtime.hostile_server import Behaviour, Hang, Reply, hostile
from tests.runtime.keys import rsa_key, write_key_file

API = "/api/v1.2"
STATUS = {"name": "perlmutter", "status": "active"}
#: The credentials' owner: a wait lists the queue of this user.
ACCOUNT = {"uid": 12345, "name": "alice"}
LS_OK = {"status": "OK", "entries": [], "error": None}
MARGIN = 1.5


#: A server that answers the machine's status and the account, and never the job listing.
JOB_LISTING_HANGS: dict[str, list[Behaviour]] = {
    API + "/status": [Reply(200, STATUS)],
    API + "/account": [Reply(200, ACCOUNT)],
    API + "/compute/jobs": [Hang()],
}


async def test_access_token_none_means_no_credentials_and_no_authorization_header() -> None:
    with hostile({API: [Reply(200, STATUS)]}) as (server, root):
        async with AsyncClient(access_token=None, api_base_url=root + API) as client:
            await client.compute("perlmutter")
            with pytest.raises(MissingCredentialsError):
                await client.user()
    (arrival,) = server.arrivals  # the public status call only
    assert "authorization" not in arrival.headers


@pytest.mark.parametrize("token", ["", "two words", "line\nbreak", "tøken", 42])
async def test_unusable_access_tokens_are_refused_when_the_client_is_made(token: object) -> None:
    with pytest.raises(ValueError, match="access_token"):
        AsyncClient(access_token=token, api_base_url="http://127.0.0.1:9/api")  # type: ignore[arg-type]


@pytest.mark.parametrize("timeout", [0, -1, math.nan, math.inf, None, "5", True])
async def test_timeouts_must_be_positive_finite_seconds(timeout: object) -> None:
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        AsyncApiClient("http://127.0.0.1:9/api", timeout=timeout)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        AsyncClient(api_base_url="http://127.0.0.1:9/api", timeout=timeout)  # type: ignore[arg-type]


def test_retry_policies_must_be_sensible() -> None:
    for bad in ({"max_attempts": 0}, {"budget": -1.0}, {"backoff_cap": math.inf}):
        with pytest.raises(ValueError):
            RetryConfig(**bad)  # type: ignore[arg-type]


def test_a_key_file_that_is_not_utf8_is_a_client_key_error_naming_it(tmp_path: Path) -> None:
    good = write_key_file(tmp_path, rsa_key())
    latin1 = tmp_path / "latin1.key"
    latin1.write_bytes(good.read_bytes().replace(b"\n", b"\n\xe9", 1))
    latin1.chmod(0o600)
    with pytest.raises(ClientKeyError, match=f"key file {latin1} is not a text key file"):
        AsyncClient(key=latin1)


async def test_a_script_with_a_lone_surrogate_is_refused_before_any_request() -> None:
    with hostile({API: [Reply(200, STATUS)]}) as (server, root):
        async with AsyncClient(access_token="t", api_base_url=root + API) as client:
            compute = await client.compute("perlmutter")
            with pytest.raises(ValueError, match="job script is not valid Unicode text"):
                await compute.submit_job(
                    "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho \udce9t\u00e9\n"
                )
            with pytest.raises(ValueError, match="command is not valid Unicode text"):
                await compute.run("echo \udce9")
    assert len(server.arrivals) == 1  # the status read only


async def test_a_download_with_bad_base64_is_a_response_decode_error() -> None:
    bad = {"status": "OK", "file": "@@not base64@@", "is_binary": True, "error": None}
    good = {"status": "OK", "file": base64.b64encode(b"\x00\xff").decode(), "is_binary": True}
    script = {API + "/status": [Reply(200, STATUS)], API: [Reply(200, bad), Reply(200, good)]}
    with hostile(script) as (_, root):
        async with AsyncClient(access_token="t", api_base_url=root + API) as client:
            remote = AsyncRemotePath("/global/homes/a/f", await client.compute("perlmutter"))
            with pytest.raises(ResponseDecodeError, match="not valid base64"):
                await remote.download(binary=True)
            assert (await remote.download(binary=True)).read() == b"\x00\xff"


async def test_submit_job_ends_at_its_timeout_when_the_task_stays_new() -> None:
    task = {"id": "7", "status": "new", "result": None}
    script = {
        API + "/status": [Reply(200, STATUS)],
        API + "/compute/jobs": [Reply(200, {"task_id": "7", "status": "OK", "error": None})],
        API + "/tasks": [Reply(200, task)],
    }
    with hostile(script) as (server, root):
        async with AsyncClient(
            access_token="t", api_base_url=root + API, task_interval=0.2
        ) as client:
            compute = await client.compute("perlmutter")
            started = time.monotonic()
            with pytest.raises(
                WaitTimeoutError,
                match=r"perlmutter did not finish within 1\.5 s.*task 7 did not end",
            ):
                await compute.submit_job(
                    "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n",
                    timeout=1.5,
                )
            assert time.monotonic() - started < 1.5 + MARGIN
    assert len(server.requests_to(API + "/compute/jobs")) == 1


async def test_a_wait_whose_status_request_hangs_ends_at_the_wait_timeout() -> None:
    with hostile(JOB_LISTING_HANGS) as (_, root):
        async with AsyncClient(
            access_token="t", api_base_url=root + API, wait_interval=0.2
        ) as client:
            compute = await client.compute("perlmutter")
            job = AsyncJob(compute, "42")
            started = time.monotonic()
            with pytest.raises(WaitTimeoutError, match="job 42 did not reach the awaited state"):
                await job.complete(timeout=1.5)
            assert time.monotonic() - started < 1.5 + MARGIN


async def test_waiters_sharing_a_hanging_status_poll_each_end_by_their_own_timeout(
    async_run_all,  # type: ignore[no-untyped-def]
) -> None:
    with hostile(JOB_LISTING_HANGS) as (_, root):
        async with AsyncClient(
            access_token="t", api_base_url=root + API, wait_interval=0.2
        ) as client:
            compute = await client.compute("perlmutter")

            async def wait(jobid: str, seconds: float) -> float:
                started = time.monotonic()
                with pytest.raises(WaitTimeoutError):
                    await AsyncJob(compute, jobid).complete(timeout=seconds)
                return time.monotonic() - started

            long, short = await async_run_all([lambda: wait("1", 4), lambda: wait("2", 1)])
    assert short < 1 + MARGIN  # not held up by the other waiter's round on the network
    assert long < 4 + MARGIN
