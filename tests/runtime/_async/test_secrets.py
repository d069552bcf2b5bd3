"""Secrets stay out of logs, reprs and errors, with DEBUG logging on everywhere."""

from __future__ import annotations

import logging

import httpx2
import pytest

from sfapi_client import AsyncApiClient, AsyncClient, ServerError
from sfapi_client._auth import ClientCredentialsAuth
from sfapi_client._credentials import Credentials
from tests.runtime.conftest import json_response
from tests.runtime.keys import CLIENT_ID, pem, rsa_key

BASE = "https://api.example.org/api/v1.2"
TOKEN_URL = "https://oidc.example.org/token"
TOKEN = "tok-3f9a1c2e5b7d4a6e8c0f"


def _answer(request: httpx2.Request) -> httpx2.Response:
    request.read()
    if str(request.url) == TOKEN_URL:
        return json_response(200, {"access_token": TOKEN, "expires_in": 600})
    if request.url.path.endswith("/account/projects"):
        return json_response(503, {"detail": "maintenance"})
    return json_response(200, {"uid": 1, "name": "alice"})


async def test_debug_log_holds_no_token_assertion_or_key(
    caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    key_text = pem(rsa_key())
    credentials = Credentials.from_secret(CLIENT_ID, key_text)
    auth = ClientCredentialsAuth(credentials, TOKEN_URL)
    caplog.set_level(logging.DEBUG)
    async with AsyncApiClient(BASE, auth=auth, transport=httpx2.MockTransport(_answer)) as client:
        await client.account.read_user()
        with pytest.raises(ServerError) as caught:
            await client.account.read_projects()
        shown = [repr(client), repr(auth), repr(credentials), str(caught.value), repr(caught.value)]
    log = "\n".join(record.getMessage() for record in caplog.records) + "\n".join(shown)
    assert "GET" in log and "/account/" in log  # the log does describe the requests
    assert TOKEN not in log
    assert "eyJ" not in log  # no JWT (assertion) of any kind
    for line in key_text.splitlines()[1:-1]:
        assert line not in log


def test_client_repr_hides_the_access_token() -> None:
    client = AsyncClient(access_token=TOKEN, api_base_url=BASE)
    assert TOKEN not in repr(client) and TOKEN not in repr(client.api_client)
