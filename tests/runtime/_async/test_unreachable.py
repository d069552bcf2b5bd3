"""A server that cannot be reached: reported quickly (naming the URL and its setting) when
the client never reached it, ridden out with a warning when it has answered before."""

from __future__ import annotations

import contextlib
import logging
import socket
import time
from collections.abc import Iterator

import pytest

from sfapi_client import AsyncApiClient, AsyncClient, ServerUnreachableError, SfApiError
from sfapi_sim.testing import free_port
from tests.runtime.answering_server import Answer, serving
from tests.runtime.keys import CLIENT_ID, pem, rsa_key

STATUS = {"name": "perlmutter", "status": "active"}


def _nothing_listening() -> str:
    return f"http://127.0.0.1:{free_port()}/api/v1.2"


@pytest.fixture
def dropping_connections() -> Iterator[str]:
    """A URL whose host drops connection attempts: a listening socket whose backlog is
    full and never accepted, so that further SYNs go unanswered (as with a firewall)."""
    with contextlib.ExitStack() as stack:
        listener = stack.enter_context(socket.socket())
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        for _ in range(4):
            filler = stack.enter_context(socket.socket())
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
        yield f"http://127.0.0.1:{port}/api/v1.2"


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("sfapi_client") and record.levelno == logging.WARNING
    ]


async def test_a_server_never_reached_is_reported_within_seconds_naming_url_and_setting(
    caplog: pytest.LogCaptureFixture,
) -> None:
    base_url = _nothing_listening()
    started = time.monotonic()
    async with AsyncApiClient(base_url) as client:
        with pytest.raises(ServerUnreachableError) as caught:
            await client.status.read_status()
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert base_url in message and "the base_url argument" in message
    assert "server is running" in message
    assert isinstance(caught.value, SfApiError)
    # One readable error: nothing of the network layer chained to it.
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    warnings = _warnings(caplog)
    assert len(warnings) == 1
    assert base_url in warnings[0] and "retrying for up to" in warnings[0]


async def test_the_error_names_the_environment_variable_the_url_came_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base_url = _nothing_listening()
    monkeypatch.setenv("SFAPI_BASE_URL", base_url)
    started = time.monotonic()
    async with AsyncClient() as client:
        with pytest.raises(ServerUnreachableError) as caught:
            await client.resources.status()
    assert time.monotonic() - started < 5
    assert base_url in str(caught.value)
    assert "SFAPI_BASE_URL environment variable" in str(caught.value)


async def test_an_unreachable_token_endpoint_is_named_with_its_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token_url = f"http://127.0.0.1:{free_port()}/token"
    monkeypatch.setenv("SFAPI_TOKEN_URL", token_url)
    with serving([Answer(200, {"name": "alice"})]) as (_, base_url):
        async with AsyncClient(CLIENT_ID, pem(rsa_key()), api_base_url=base_url) as client:
            with pytest.raises(ServerUnreachableError) as caught:
                await client.user()
    assert token_url in str(caught.value)
    assert "SFAPI_TOKEN_URL environment variable" in str(caught.value)


async def test_an_outage_after_the_server_answered_is_ridden_out_with_a_warning(
    caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    with serving([Answer(200, [STATUS])]) as (_, base_url):
        client = AsyncApiClient(base_url)
        await client.status.read_status()
    # The server is gone: the client has reached it before, so it rides the outage out
    # for the whole retry budget (sleeps are recorded, not slept).
    async with client:
        with pytest.raises(ServerUnreachableError) as caught:
            await client.status.read_status()
    budget = client.retry.budget
    assert sum(sleeps) > client.retry.first_contact_budget
    assert sum(sleeps) <= budget
    assert base_url in str(caught.value)
    warnings = _warnings(caplog)
    assert len(warnings) == 1 and "has not reached it" not in warnings[0]


async def test_a_server_that_never_answered_gets_only_the_first_contact_budget(
    sleeps: list[float],
) -> None:
    async with AsyncApiClient(_nothing_listening()) as client:
        with pytest.raises(ServerUnreachableError):
            await client.status.read_status()
    assert len(sleeps) >= 1 and sum(sleeps) <= client.retry.first_contact_budget


async def test_a_host_that_drops_connection_attempts_is_reported_within_5_s(
    dropping_connections: str,
) -> None:
    started = time.monotonic()
    async with AsyncApiClient(dropping_connections) as client:
        with pytest.raises(ServerUnreachableError, match="ConnectTimeout") as caught:
            await client.status.read_status()
    assert time.monotonic() - started < 5
    assert dropping_connections in str(caught.value)
