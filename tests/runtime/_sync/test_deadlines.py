# Generated from tests/runtime/_async/test_deadlines.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""One deadline per call, over real HTTP against misbehaving servers: a trickled answer,
a silent server, a hanging token endpoint (alone and shared by concurrent calls), a
token endpoint's Retry-After; every call ends within its deadline plus a margin."""

from __future__ import annotations

import time

import pytest

from sfapi_client import (
    ApiClient,
    CallTimeoutError,
    RateLimitError,
    RetryConfig,
    TokenRequestError,
    time_limit,
)
from sfapi_client._auth import ClientCredentialsAuth
from sfapi_client._credentials import Credentials
from tests.runtime.hostile_server import Hang, Reply, Trickle, hostile
from tests.runtime.keys import CLIENT_ID, pem, rsa_key

API = "/api/v1.2"
STATUS = {"name": "perlmutter", "status": "active"}
USER = {"uid": 1, "name": "alice"}
TOKEN = {"access_token": "tok-1", "expires_in": 600}
#: Scheduling slack on a loaded 2-core machine; the bound asserted is deadline + MARGIN.
MARGIN = 1.5
QUICK = RetryConfig(backoff_base=0.01, backoff_cap=0.05)


def credentials_auth(root: str) -> ClientCredentialsAuth:
    return ClientCredentialsAuth(
        Credentials.from_secret(CLIENT_ID, pem(rsa_key())), root + "/token"
    )


def test_an_answer_trickled_at_one_byte_a_second_ends_at_the_deadline() -> None:
    script = {API + "/status": [Trickle(Reply(200, STATUS), interval=1.0)]}
    with hostile(script) as (server, root):
        with ApiClient(root + API, timeout=3) as client:
            started = time.monotonic()
            with pytest.raises(CallTimeoutError, match="within its 3 s deadline"):
                client.status.read_status_for_system("perlmutter")
            elapsed = time.monotonic() - started
    assert 3 <= elapsed < 3 + MARGIN  # not the ~150 s the whole answer takes
    assert len(server.arrivals) == 1  # the deadline leaves no time for a retry


def test_a_body_trickled_after_prompt_headers_ends_at_the_deadline() -> None:
    script = {API + "/status": [Trickle(Reply(200, STATUS), interval=0.2, body_only=True)]}
    with hostile(script) as (_, root):
        with ApiClient(root + API, timeout=1.5) as client:
            started = time.monotonic()
            with pytest.raises(CallTimeoutError):
                client.status.read_status_for_system("perlmutter")
            assert time.monotonic() - started < 1.5 + MARGIN


def test_a_silent_server_is_retried_only_within_the_deadline() -> None:
    with hostile({API + "/status": [Hang()]}) as (server, root):
        with ApiClient(root + API, timeout=1.5, retry=QUICK) as client:
            started = time.monotonic()
            with pytest.raises(CallTimeoutError):
                client.status.read_status()
            assert time.monotonic() - started < 1.5 + MARGIN
    assert len(server.arrivals) == 1


def test_time_limit_gives_a_call_a_shorter_deadline_than_the_client() -> None:
    with hostile({API + "/status": [Hang()]}) as (_, root):
        with ApiClient(root + API, timeout=60) as client:
            started = time.monotonic()
            # The call's deadline is what the limit has left when the call starts.
            with time_limit(1), pytest.raises(CallTimeoutError, match=r"\b(1|0\.9\d*) s deadline"):
                client.status.read_status()
            assert time.monotonic() - started < 1 + MARGIN


def test_a_hanging_token_endpoint_ends_at_the_deadline_and_the_api_is_never_asked() -> None:
    script = {"/token": [Hang()], API: [Reply(200, USER)]}
    with hostile(script) as (server, root):
        auth = credentials_auth(root)
        with ApiClient(root + API, auth=auth, timeout=1.5) as client:
            started = time.monotonic()
            with pytest.raises(CallTimeoutError):
                client.account.read_user()
            assert time.monotonic() - started < 1.5 + MARGIN
    assert [a.path for a in server.arrivals] == ["/token"]


def test_calls_sharing_a_hanging_token_request_each_end_by_their_own_deadline(
    run_all,  # type: ignore[no-untyped-def]
) -> None:
    script = {"/token": [Hang()], API: [Reply(200, USER)]}
    with hostile(script) as (server, root):
        auth = credentials_auth(root)
        with ApiClient(root + API, auth=auth, timeout=30) as client:

            def bounded_call(seconds: float) -> float:
                started = time.monotonic()
                with time_limit(seconds), pytest.raises(CallTimeoutError):
                    client.account.read_user()
                return time.monotonic() - started

            long, short = run_all([lambda: bounded_call(3), lambda: bounded_call(1)])
    assert short < 1 + MARGIN  # not held up by the call that sent the token request
    assert long < 3 + MARGIN
    assert len(server.requests_to("/token")) <= 2
    assert server.requests_to(API) == []


def test_token_retry_after_is_honoured_then_the_call_succeeds() -> None:
    script = {
        "/token": [Reply(503, {"error": "busy"}, {"Retry-After": "0.5"}), Reply(200, TOKEN)],
        API: [Reply(200, USER)],
    }
    with hostile(script) as (server, root):
        with ApiClient(root + API, auth=credentials_auth(root), retry=QUICK) as client:
            user = client.account.read_user()
    assert user.name == "alice"
    first, second = server.requests_to("/token")
    assert second.at - first.at >= 0.5
    assert server.requests_to(API)[0].headers["authorization"] == "Bearer tok-1"


def test_a_token_retry_after_beyond_the_budget_ends_the_call_at_once() -> None:
    script = {"/token": [Reply(429, {"error": "slow_down"}, {"Retry-After": "1e9"})]}
    with hostile(script) as (server, root):
        with ApiClient(root + API, auth=credentials_auth(root)) as client:
            started = time.monotonic()
            with pytest.raises(RateLimitError, match="token request refused: HTTP 429"):
                client.account.read_user()
            assert time.monotonic() - started < MARGIN
    assert len(server.requests_to("/token")) == 1


def test_a_token_lifetime_of_1e400_is_accepted_and_capped() -> None:
    token = b'{"access_token": "tok-1", "expires_in": 1e400}'
    huge = b'{"access_token": "tok-2", "expires_in": 1' + b"0" * 400 + b"}"
    script = {"/token": [Reply(200, token), Reply(200, huge)], API: [Reply(200, USER)]}
    with hostile(script) as (server, root):
        for _ in range(2):
            auth = credentials_auth(root)
            with ApiClient(root + API, auth=auth) as client:
                client.account.read_user()
                client.account.read_user()
            assert auth.tokens_fetched == 1  # cached, not refreshed on every call
    assert len(server.requests_to("/token")) == 2 and len(server.requests_to(API)) == 4


@pytest.mark.parametrize("lifetime", [b"-5", b'"soon"', b"NaN", b"true", b"0"])
def test_a_token_lifetime_that_is_not_a_positive_number_is_refused(lifetime: bytes) -> None:
    body = b'{"access_token": "tok-1", "expires_in": ' + lifetime + b"}"
    script = {"/token": [Reply(200, body)], API: [Reply(200, USER)]}
    with hostile(script) as (server, root):
        with ApiClient(root + API, auth=credentials_auth(root)) as client:
            with pytest.raises(TokenRequestError, match="no usable access_token and expires_in"):
                client.account.read_user()
    assert server.requests_to(API) == []
