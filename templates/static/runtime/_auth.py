"""Authentication: a bearer token the caller holds, or tokens from an OAuth2 endpoint.

``BearerTokenAuth`` sends a token the user already has (an ``httpx2.Auth``).
``ClientCredentialsAuth`` holds the state of the OAuth2 client credentials grant
with a private-key JWT (RFC 7523): the cached token, when to refresh it, how to ask for
a new one and how to read the answer. The request pipeline drives it: it sends the token
request itself, through the client's own transport, deadline and retry policy, so that a
token request is bounded and retried like any other request, and concurrent calls share
one token request without holding a lock while it is on the network.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import httpx2

from ._credentials import Credentials
from ._endpoints import Endpoint, checked_url
from ._exceptions import AuthenticationError, RateLimitError, ServerError
from ._key_file_watch import KeyFileWatch
from ._package import PackageError

__all__ = ["BearerTokenAuth", "ClientCredentialsAuth", "TokenRequestError"]

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
#: Refresh this long before expiry at most (a tenth of the token's lifetime at least).
REFRESH_MARGIN = 30.0
#: Lifetime assumed when the token endpoint does not say (``expires_in`` missing).
DEFAULT_TOKEN_LIFETIME = 600.0
#: The longest lifetime believed: a longer one (up to ``1e400``) is cut to this.
MAX_TOKEN_LIFETIME = 24 * 3600.0
#: What a bearer token may hold (RFC 6750's b64token): it goes into a header as it is.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9\-._~+/]+=*$")


class TokenRequestError(PackageError):
    """The token endpoint did not answer with a token (its OAuth error is in ``str()``)."""


class _TokenServerError(TokenRequestError, ServerError):
    """The token endpoint failed with 5xx: a new assertion may be tried."""


class _TokenRateLimited(TokenRequestError, RateLimitError):
    """The token endpoint answered 429."""


@dataclass(frozen=True)
class TokenRefusal:
    """A token endpoint's answer other than 200, as OAuth2 (RFC 6749, 5.2) spells it.

    Arguments:
        status: the HTTP status.
        error: the OAuth error code (``invalid_client`` ...), empty when none was given.
        description: the ``error_description``, empty when none was given.
    """

    status: int
    error: str
    description: str

    @classmethod
    def of(cls, response: httpx2.Response) -> TokenRefusal:
        """The refusal a token endpoint's answer holds (its body read)."""
        try:
            data = json.loads(response.content)
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            return cls(response.status_code, "", "")
        error, description = data.get("error"), data.get("error_description")
        return cls(
            response.status_code,
            error[:100] if isinstance(error, str) else "",
            description[:300] if isinstance(description, str) else "",
        )


def checked_token(token: object) -> str:
    """``token`` if it can be sent as a bearer token; ValueError otherwise (never shown)."""
    if not isinstance(token, str) or not token:
        raise ValueError("access_token must be a non-empty string")
    if not TOKEN_PATTERN.match(token):
        raise ValueError(
            "access_token holds characters a bearer token cannot have "
            "(spaces, control characters or non-ASCII)"
        )
    return token


class BearerTokenAuth(httpx2.Auth):
    """Sends an access token the caller already holds; it cannot be refreshed.

    Arguments:
        access_token: the token.

    Raises:
        ValueError: for an empty or malformed token.
    """

    def __init__(self, access_token: str) -> None:
        self._header = f"Bearer {checked_token(access_token)}"

    def __repr__(self) -> str:
        return "BearerTokenAuth(access_token=<hidden>)"

    @property
    def current_token(self) -> str:
        """The access token sent with every request."""
        return self._header.removeprefix("Bearer ")

    def auth_flow(
        self, request: httpx2.Request
    ) -> Generator[httpx2.Request, httpx2.Response, None]:
        """Add the token to the request.

        Arguments:
            request: the request about to be sent.
        """
        request.headers["Authorization"] = self._header
        yield request


class ClientCredentialsAuth:
    """Tokens from ``token_url`` for ``credentials``, cached and refreshed as needed.

    Arguments:
        credentials: the client id and key that sign each token request, or a
            ``KeyFileWatch`` of the key file they come from: a replaced file is then
            read again when a new token is needed.
        token_url: the OAuth2 token endpoint; an absolute http(s) URL (``InvalidUrlError``,
            a ValueError, otherwise): a relative one would send the signed assertion
            wherever the client's base URL points.
        token_url_origin: the setting ``token_url`` came from, named in connection
            errors.
        clock: returns seconds since the epoch (tests pass their own).
    """

    def __init__(
        self,
        credentials: Credentials | KeyFileWatch,
        token_url: str,
        *,
        token_url_origin: str = "the token_url argument",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.key_file: KeyFileWatch | None = None
        """The key file watched for replacements, when the key came from one."""
        if isinstance(credentials, KeyFileWatch):
            self.key_file, self._credentials = credentials, credentials.credentials
        else:
            self._credentials = credentials
        self.endpoint = Endpoint(
            checked_url(token_url, "token URL", token_url_origin), token_url_origin
        )
        """The token endpoint and the setting it came from."""
        self.token_url = token_url
        """The OAuth2 token endpoint."""
        self._clock = clock
        self._token: str | None = None
        self._refresh_at = 0.0
        #: How many tokens this auth has obtained (for diagnostics and tests).
        self.tokens_fetched = 0

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(client_id={self.credentials.client_id!r}, token_url={self.token_url!r})"

    @property
    def credentials(self) -> Credentials:
        """The client id and key that sign each token request."""
        return self._credentials

    @property
    def clock(self) -> Callable[[], float]:
        """The clock tokens' lifetimes are measured with (seconds since the epoch)."""
        return self._clock

    def refresh_credentials(self) -> Credentials:
        """The credentials to sign the next token request with: a key file that was
        replaced since it was read is read again (see ``KeyFileWatch``)."""
        if self.key_file is not None:
            self._credentials = self.key_file.refresh()
        return self._credentials

    @property
    def current_token(self) -> str | None:
        """The cached access token while it is not due for a refresh, else None."""
        return self._token if self._token and self._clock() < self._refresh_at else None

    def token_form(self) -> dict[str, str]:
        """The form of a token request, with a newly signed client assertion."""
        return {
            "grant_type": "client_credentials",
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": self.credentials.assertion(self.token_url, self._clock()),
        }

    def store(self, response: httpx2.Response) -> str:
        """Keep the token of a 200 answer of the token endpoint, and return it.

        Arguments:
            response: the token endpoint's answer, its body read.

        Raises:
            TokenRequestError: the answer holds no usable token or lifetime.
        """
        try:
            data = json.loads(response.content)
            token = checked_token(data["access_token"])
            lifetime = _lifetime(data.get("expires_in", DEFAULT_TOKEN_LIFETIME))
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise TokenRequestError(
                "the token endpoint's answer holds no usable access_token and expires_in",
                status=response.status_code,
                method="POST",
                url=self.token_url,
                operation="token",
            ) from None
        now = self._clock()
        self._token = token
        self._refresh_at = now + lifetime - min(REFRESH_MARGIN, lifetime / 10)
        self.tokens_fetched += 1
        return token

    def token_error(self, response: httpx2.Response) -> PackageError:
        """The error for a token endpoint answer other than 200.

        Arguments:
            response: the token endpoint's answer, its body read.
        """
        refusal = TokenRefusal.of(response)
        reason = f"{refusal.error}: {refusal.description}".strip(": ")
        status = response.status_code
        message = f"token request refused: HTTP {status}" + (f" ({reason[:200]})" if reason else "")
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

    def forget(self, token: str) -> None:
        """Drop a token the API refused (401), unless another request already replaced it.

        Arguments:
            token: the refused token.
        """
        if self._token == token:
            self._token = None


def _lifetime(value: object) -> float:
    """Seconds a token lives, from ``expires_in``: positive; absurdly long ones cut."""
    if isinstance(value, bool):
        raise TypeError("expires_in is not a number")
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except OverflowError:  # an integer with hundreds of digits
        return MAX_TOKEN_LIFETIME
    if math.isnan(seconds) or seconds <= 0:
        raise ValueError("expires_in is not a positive number")
    return min(seconds, MAX_TOKEN_LIFETIME)
