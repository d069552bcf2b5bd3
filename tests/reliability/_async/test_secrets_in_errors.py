"""No credential in any error: not in its message, its attributes, its chain
(``__cause__``, ``__context__``) nor any request or response reachable from them.

Every kind of failure a call can end in is provoked over real HTTP on 127.0.0.1: no
connection, a dropped or malformed answer, a deadline, an HTTP error, an undecodable
body, and a token endpoint that is unreachable, refuses, or answers nonsense.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

from sfapi_client import (
    AsyncApiClient,
    AsyncClient,
    AuthenticationError,
    CallTimeoutError,
    NotFoundError,
    ResponseDecodeError,
    RetryConfig,
    ServerError,
    ServerUnreachableError,
    SfApiError,
    TokenRequestError,
    TransportError,
    time_limit,
)
from sfapi_sim.testing import free_port
from tests.runtime.hostile_server import Hang, Reply, hostile
from tests.runtime.keys import CLIENT_ID, pem, rsa_key

TOKEN = "tok-5e1d0c9b8a7f6e5d4c3b"
ONCE = RetryConfig(max_attempts=1)
QUICK = RetryConfig(backoff_base=0.01, backoff_cap=0.02, budget=0.5)


def _texts(value: Any, seen: set[int]) -> Iterator[str]:
    """Every text reachable from an error: messages, attributes, chained errors, and the
    headers and bodies of any request or response they hold."""
    if id(value) in seen or value is None:
        return
    seen.add(id(value))
    if isinstance(value, str | bytes):
        yield value if isinstance(value, str) else value.decode("latin-1")
        return
    if isinstance(value, int | float | bool):
        return
    if isinstance(value, BaseException):
        yield str(value)
        yield repr(value)
        for part in (value.__cause__, value.__context__, *value.args, *vars(value).values()):
            yield from _texts(part, seen)
        for name in ("request", "response"):
            try:
                held = getattr(value, name, None)
            except RuntimeError:  # httpx2's errors raise when no request was attached
                held = None
            yield from _texts(held, seen)
        return
    if isinstance(value, httpx2.Request):
        yield str(value.url)
        yield from (f"{k!r}: {v!r}" for k, v in value.headers.raw)
        # Requests built from bytes or a form (a token request) have their body at hand.
        with contextlib.suppress(httpx2.RequestNotRead):
            yield value.content.decode("latin-1")
        return
    if isinstance(value, httpx2.Response):
        yield from (f"{k!r}: {v!r}" for k, v in value.headers.raw)
        yield from _texts(value.request, seen)
        return
    if isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _texts(item, seen)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key, seen)
            yield from _texts(item, seen)
        return
    yield repr(value)


def assert_no_credentials(error: BaseException) -> None:
    texts = list(_texts(error, set()))
    assert texts, "the walk found nothing to check"
    for text in texts:
        assert TOKEN not in text
        assert "eyJ" not in text  # no JWT: no client assertion, no token of that form
        assert "Bearer" not in text


async def _fails(client: AsyncApiClient, error: type[SfApiError]) -> SfApiError:
    with pytest.raises(error) as caught:
        await client.account.read_user()
    return caught.value


@pytest.fixture
def bearer() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


async def test_no_connection_keeps_no_token(bearer: dict[str, str]) -> None:
    base_url = f"http://127.0.0.1:{free_port()}/api/v1.2"
    async with AsyncApiClient(base_url, headers=bearer) as client:
        assert_no_credentials(await _fails(client, ServerUnreachableError))


async def test_a_malformed_answer_keeps_no_token(bearer: dict[str, str]) -> None:
    # Two Content-Length headers that disagree: the HTTP layer refuses the answer.
    broken = Reply(200, {"name": "alice"}, {"Content-Length": "3"})
    with hostile({"/": [broken]}) as (_, root):
        async with AsyncApiClient(root + "/api", headers=bearer, retry=ONCE) as client:
            error = await _fails(client, TransportError)
    assert not isinstance(error, ServerUnreachableError)
    assert_no_credentials(error)


async def test_a_deadline_keeps_no_token(bearer: dict[str, str]) -> None:
    with hostile({"/": [Hang()]}) as (_, root):
        async with AsyncApiClient(root + "/api", headers=bearer, retry=ONCE) as client:
            with time_limit(0.5):
                error = await _fails(client, CallTimeoutError)
    assert_no_credentials(error)


async def test_http_errors_keep_no_token(bearer: dict[str, str]) -> None:
    script = {
        "/api/account/": [
            Reply(401, {"detail": "expired"}),
            Reply(404, {"detail": "no such user"}),
            Reply(500, {"detail": "boom"}),
        ]
    }
    with hostile(script) as (_, root):
        async with AsyncApiClient(root + "/api", headers=bearer, retry=ONCE) as client:
            for error in (AuthenticationError, NotFoundError, ServerError):
                assert_no_credentials(await _fails(client, error))


async def test_an_undecodable_body_keeps_no_token(bearer: dict[str, str]) -> None:
    garbled = Reply(200, b"this is not gzip", {"Content-Encoding": "gzip"})
    with hostile({"/": [garbled]}) as (_, root):
        async with AsyncApiClient(root + "/api", headers=bearer, retry=ONCE) as client:
            assert_no_credentials(await _fails(client, ResponseDecodeError))


def _client(base_url: str, token_url: str) -> AsyncClient:
    return AsyncClient(
        CLIENT_ID, pem(rsa_key()), api_base_url=base_url, token_url=token_url, retry=QUICK
    )


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (Reply(400, {"error": "invalid_client"}), AuthenticationError),
        (Reply(200, {"token": "none here"}), TokenRequestError),
        (Reply(503, {"error": "busy"}), ServerError),
    ],
)
async def test_token_endpoint_errors_keep_no_assertion(
    answer: Reply, error: type[SfApiError]
) -> None:
    with hostile({"/token": [answer]}) as (server, root):
        async with _client(root + "/api", root + "/token") as client:
            with pytest.raises(error) as caught:
                await client.user()
    assert server.requests_to("/token")
    assert_no_credentials(caught.value)


async def test_an_unreachable_token_endpoint_keeps_no_assertion() -> None:
    token_url = f"http://127.0.0.1:{free_port()}/token"
    with hostile({}) as (_, root):
        async with _client(root + "/api", token_url) as client:
            with pytest.raises(ServerUnreachableError) as caught:
                await client.user()
    assert token_url in str(caught.value)
    assert_no_credentials(caught.value)
