"""Authentication as an ``httpx2.Auth`` flow, written once for the async and sync clients.

:class:`ClientCredentialsAuth` gets tokens with the OAuth2 client credentials grant,
authenticating with a private-key JWT (RFC 7523); it caches the token, refreshes it
shortly before it expires and once more after a 401, and lets concurrent requests share
a single refresh. :class:`BearerTokenAuth` sends a token the user already has.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Any

import httpx2

from ._credentials import Credentials
from ._exceptions import AuthenticationError, RateLimitError, ServerError, SfApiError

__all__ = ["BearerTokenAuth", "ClientCredentialsAuth", "TokenRequestError"]

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
#: Refresh this long before expiry at most (a tenth of the token's lifetime at least).
REFRESH_MARGIN = 30.0


class TokenRequestError(SfApiError):
    """The token endpoint did not answer with a token (its OAuth error is in ``str()``)."""


class _TokenServerError(TokenRequestError, ServerError):
    """The token endpoint failed with 5xx: a new assertion may be tried."""


class _TokenRateLimited(TokenRequestError, RateLimitError):
    """The token endpoint answered 429."""


class BearerTokenAuth(httpx2.Auth):
    """Sends an access token the caller already holds; it cannot be refreshed."""

    def __init__(self, access_token: str) -> None:
        if not access_token or not isinstance(access_token, str):
            raise ValueError("access_token must be a non-empty string")
        self._header = f"Bearer {access_token}"

    def __repr__(self) -> str:
        return "BearerTokenAuth(access_token=<hidden>)"

    @property
    def current_token(self) -> str:
        """The access token sent with every request."""
        return self._header.removeprefix("Bearer ")

    def auth_flow(
        self, request: httpx2.Request
    ) -> Generator[httpx2.Request, httpx2.Response, None]:
        """Add the token to the request."""
        request.headers["Authorization"] = self._header
        yield request


class ClientCredentialsAuth(httpx2.Auth):
    """Tokens from ``token_url`` for ``credentials``, cached and refreshed as needed.

    ``clock`` returns seconds since the epoch; tests pass their own.
    """

    def __init__(
        self,
        credentials: Credentials,
        token_url: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.credentials = credentials
        self.token_url = token_url
        self._clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._refresh_at = 0.0
        self._thread_lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None
        #: How many tokens this auth has obtained (for diagnostics and tests).
        self.tokens_fetched = 0

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(client_id={self.credentials.client_id!r}, token_url={self.token_url!r})"

    @property
    def current_token(self) -> str | None:
        """The cached access token while it is fresh; None before the first request."""
        return self._fresh_token()

    # Pure helpers, shared by both flows -------------------------------------------------

    def _fresh_token(self) -> str | None:
        return self._token if self._token and self._clock() < self._refresh_at else None

    def _token_request(self) -> httpx2.Request:
        form = {
            "grant_type": "client_credentials",
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": self.credentials.assertion(self.token_url, self._clock()),
        }
        return httpx2.Request(
            "POST", self.token_url, data=form, headers={"Accept": "application/json"}
        )

    def _store(self, response: httpx2.Response) -> str:
        """Keep the token from a token endpoint answer; raise when there is none."""
        if response.status_code != 200:
            raise self._token_error(response)
        try:
            data = json.loads(response.content)
            token = str(data["access_token"])
            lifetime = float(data.get("expires_in", 600))
        except (ValueError, KeyError, TypeError):
            raise TokenRequestError(
                "the token endpoint's answer holds no access_token",
                status=response.status_code,
                method="POST",
                url=self.token_url,
            ) from None
        now = self._clock()
        self._token = token
        self._expires_at = now + lifetime
        self._refresh_at = now + lifetime - min(REFRESH_MARGIN, lifetime / 10)
        self.tokens_fetched += 1
        return token

    def _token_error(self, response: httpx2.Response) -> SfApiError:
        try:
            data = json.loads(response.content)
            reason = f"{data.get('error', '')}: {data.get('error_description', '')}".strip(": ")
        except (ValueError, AttributeError):
            reason = ""
        status = response.status_code
        message = f"token request refused: HTTP {status}" + (f" ({reason})" if reason else "")
        context: dict[str, Any] = {
            "status": status,
            "method": "POST",
            "url": self.token_url,
            "operation": "token",
        }
        if status == 429:
            return _TokenRateLimited(message, **context)
        if status >= 500:
            return _TokenServerError(message, **context)
        if status in (400, 401, 403):
            return AuthenticationError(
                message + "; check the client id, key and token URL", **context
            )
        return TokenRequestError(message, **context)

    def _authorise(self, request: httpx2.Request, token: str) -> httpx2.Request:
        request.headers["Authorization"] = f"Bearer {token}"
        return request

    def _forget(self, token: str) -> None:
        """Drop ``token`` after a 401, unless another request already replaced it."""
        if self._token == token:
            self._token = None

    # The two flows --------------------------------------------------------------------

    def sync_auth_flow(
        self, request: httpx2.Request
    ) -> Generator[httpx2.Request, httpx2.Response, None]:
        """Authorise ``request`` for clients used from threads (one refresh at a time)."""
        with self._thread_lock:
            token = self._fresh_token()
            if token is None:
                answer = yield self._token_request()
                answer.read()
                token = self._store(answer)
        response = yield self._authorise(request, token)
        if response.status_code == 401:
            with self._thread_lock:
                self._forget(token)
                token = self._fresh_token()
                if token is None:
                    answer = yield self._token_request()
                    answer.read()
                    token = self._store(answer)
            yield self._authorise(request, token)

    async def async_auth_flow(
        self, request: httpx2.Request
    ) -> AsyncGenerator[httpx2.Request, httpx2.Response]:
        """Authorise ``request`` for clients used from coroutines (one refresh at a time)."""
        if self._async_lock is None:
            self._async_lock = asyncio.Lock()
        async with self._async_lock:
            token = self._fresh_token()
            if token is None:
                answer = yield self._token_request()
                await answer.aread()
                token = self._store(answer)
        response = yield self._authorise(request, token)
        if response.status_code == 401:
            async with self._async_lock:
                self._forget(token)
                token = self._fresh_token()
                if token is None:
                    answer = yield self._token_request()
                    await answer.aread()
                    token = self._store(answer)
            yield self._authorise(request, token)
