"""The token flow over a scripted transport that verifies assertions like a real server:
one token for many concurrent calls, refresh before expiry and after a 401."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import httpx2
from joserfc import jwt
from joserfc.jwk import RSAKey

from sfapi_client import AsyncApiClient
from sfapi_client._auth import ClientCredentialsAuth
from sfapi_client._credentials import Credentials
from tests.runtime.conftest import json_response
from tests.runtime.keys import CLIENT_ID, pem, rsa_key

BASE = "https://api.example.org/api/v1.2"
TOKEN_URL = "https://oidc.example.org/token"


class FakeIdentityProvider:
    """Checks each client assertion's signature and claims; serves the API behind tokens."""

    def __init__(self, key: RSAKey, lifetime: int = 600) -> None:
        self.key = key
        self.lifetime = lifetime
        self.tokens_issued: list[str] = []
        self.revoked: set[str] = set()
        self.api_calls = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        request.read()
        if str(request.url) == TOKEN_URL:
            form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
            claims = jwt.decode(form["client_assertion"], self.key).claims
            assert form["grant_type"] == "client_credentials"
            assert claims["iss"] == claims["sub"] == CLIENT_ID and claims["aud"] == TOKEN_URL
            token = f"token-{len(self.tokens_issued)}"
            self.tokens_issued.append(token)
            return json_response(
                200, {"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime}
            )
        self.api_calls += 1
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if token not in self.tokens_issued or token in self.revoked:
            return json_response(401, {"detail": "invalid token"})
        return httpx2.Response(200, content=json.dumps({"uid": 1, "name": "alice"}).encode())


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def make(
    idp: FakeIdentityProvider, clock: Clock | None = None
) -> tuple[AsyncApiClient, ClientCredentialsAuth]:
    credentials = Credentials.from_secret(CLIENT_ID, pem(idp.key))
    auth = ClientCredentialsAuth(credentials, TOKEN_URL, clock=clock or Clock())
    return AsyncApiClient(BASE, auth=auth, transport=httpx2.MockTransport(idp)), auth


async def test_fifty_concurrent_calls_share_one_token(async_run_all) -> None:  # type: ignore[no-untyped-def]
    idp = FakeIdentityProvider(rsa_key())
    client, auth = make(idp)
    async with client:
        users = await async_run_all([client.account.read_user for _ in range(50)])
    assert {u.name for u in users} == {"alice"}
    assert len(idp.tokens_issued) == 1 and auth.tokens_fetched == 1


async def test_token_refreshed_shortly_before_expiry() -> None:
    idp = FakeIdentityProvider(rsa_key(), lifetime=100)
    clock = Clock()
    client, _ = make(idp, clock)
    async with client:
        await client.account.read_user()
        clock.now += 80
        await client.account.read_user()
        assert len(idp.tokens_issued) == 1
        clock.now += 15  # within the refresh margin (a tenth of the lifetime)
        await client.account.read_user()
    assert len(idp.tokens_issued) == 2


async def test_token_refreshed_once_after_401() -> None:
    idp = FakeIdentityProvider(rsa_key())
    client, _ = make(idp)
    async with client:
        await client.account.read_user()
        idp.revoked.add(idp.tokens_issued[0])
        user = await client.account.read_user()
    assert user.name == "alice"
    assert len(idp.tokens_issued) == 2 and idp.api_calls == 3


async def test_public_calls_fetch_no_token() -> None:
    idp = FakeIdentityProvider(rsa_key())

    def answer(request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/status"):
            assert "authorization" not in request.headers
            return json_response(200, [])
        return idp(request)

    credentials = Credentials.from_secret(CLIENT_ID, pem(idp.key))
    auth = ClientCredentialsAuth(credentials, TOKEN_URL)
    async with AsyncApiClient(BASE, auth=auth, transport=httpx2.MockTransport(answer)) as client:
        assert await client.status.read_status() == []
    assert idp.tokens_issued == []
