"""The OAuth2 side: registered clients, the token endpoint's checks, bearer tokens.

Clients authenticate with a private-key JWT (RFC 7523): the assertion's signature is
checked with the client's registered public key, and so are ``iss``, ``sub``, ``aud``,
``exp`` and ``jti`` (an assertion is accepted once). Tokens expire after a lifetime.

A client itself expires, as NERSC's do (``key_lifetime`` after it was registered, on the
simulated clock), and may be limited to IP ranges: the token endpoint refuses a client
that has expired, or a request from an address outside its ranges, with
``invalid_client`` (see ``spec/BEHAVIOUR.md``). Tokens issued before the client expired
stay valid until their own expiry.
"""

from __future__ import annotations

import base64
import json
import math
import secrets
import string
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeGuard

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, RSAKey

from .clock import Clock
from .ip_ranges import IpRange, in_ranges

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ALGORITHMS = ["RS256", "ES256"]
#: An assertion may not be valid for longer than this (seconds).
MAX_ASSERTION_LIFETIME = 3600
#: Seconds a used ``jti`` is kept beyond its assertion's ``exp`` (covers clock skew).
JTI_MARGIN = 60.0
#: How long a client lives when the simulator is not told (Iris's longest-lived clients,
#: read-only ones, live 30 days).
DEFAULT_KEY_LIFETIME = 30 * 86400.0


class OAuthError(Exception):
    """A refused token request or bearer token, with its OAuth error code."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description


@dataclass(frozen=True)
class RegisteredClient:
    """An API client as Iris registers it: id, owner, public key, read-only or not."""

    client_id: str
    user: str
    public_key: RSAKey | ECKey
    read_only: bool
    name: str
    #: When the client stops being accepted (simulated clock, seconds since the epoch).
    expires_at: float = math.inf
    #: The addresses it may be used from; empty: any.
    ip_ranges: tuple[IpRange, ...] = ()

    def __repr__(self) -> str:
        return (
            f"RegisteredClient({self.client_id!r}, user={self.user!r}, read_only={self.read_only})"
        )

    @property
    def expires_at_text(self) -> str:
        """The expiry as ``/account/clients`` gives it (ISO 8601, UTC)."""
        return datetime.fromtimestamp(self.expires_at, UTC).isoformat()

    def allows(self, address: str | None) -> bool:
        """Whether a request from ``address`` may use this client."""
        return in_ranges(address, self.ip_ranges)


@dataclass(frozen=True)
class IssuedToken:
    client: RegisteredClient
    expires_at: float


def new_client_id() -> str:
    """A 13-character client id, as NERSC issues them."""
    alphabet = string.ascii_lowercase + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(13))


class Authority:
    """The registry of clients and the token service, safe to use from several threads."""

    def __init__(
        self,
        clock: Clock,
        token_urls: list[str],
        token_lifetime: float,
        key_lifetime: float = DEFAULT_KEY_LIFETIME,
    ) -> None:
        self.clock = clock
        #: The addresses of the token endpoint an assertion's ``aud`` may name.
        self.token_urls = list(token_urls)
        self.token_lifetime = token_lifetime
        #: Seconds a client registered from now on lives, unless told otherwise.
        self.key_lifetime = key_lifetime
        self._clients: dict[str, RegisteredClient] = {}
        self._tokens: dict[str, IssuedToken] = {}
        self._seen_jti: dict[str, float] = {}
        self._lock = threading.Lock()
        self.tokens_issued = 0

    def register(
        self,
        user: str,
        *,
        read_only: bool = False,
        kind: str = "RSA",
        lifetime: float | None = None,
        ip_ranges: tuple[IpRange, ...] = (),
    ) -> tuple[RegisteredClient, str]:
        """A new client of ``user`` and its private key (PEM text); it lives ``lifetime``
        seconds (default: the authority's ``key_lifetime``) and may be used from
        ``ip_ranges`` only, when some are given."""
        seconds = self.key_lifetime if lifetime is None else lifetime
        if not math.isfinite(seconds) or seconds <= 0:
            raise ValueError(f"a key lifetime is a positive number of seconds, not {seconds}")
        key: RSAKey | ECKey = (
            RSAKey.generate_key(2048) if kind == "RSA" else ECKey.generate_key("P-256")
        )
        client = RegisteredClient(
            client_id=new_client_id(),
            user=user,
            public_key=key,
            read_only=read_only,
            name=f"{user}-{'ro' if read_only else 'rw'}",
            # Whole seconds, as Iris shows expiry times.
            expires_at=float(math.ceil(self.clock.now() + seconds)),
            ip_ranges=tuple(ip_ranges),
        )
        with self._lock:
            self._clients[client.client_id] = client
        return client, key.as_pem(private=True).decode()

    def clients_of(self, user: str) -> list[RegisteredClient]:
        with self._lock:
            return [c for c in self._clients.values() if c.user == user]

    def issue(self, form: dict[str, str], address: str | None = None) -> dict[str, Any]:
        """Answer a token request (client credentials grant with a client assertion)
        that came from ``address``."""
        if form.get("grant_type") != "client_credentials":
            raise OAuthError(400, "unsupported_grant_type", "only client_credentials is supported")
        if form.get("client_assertion_type") != ASSERTION_TYPE:
            raise OAuthError(401, "invalid_client", "a JWT client assertion is required")
        client = self._verify_assertion(form.get("client_assertion", ""))
        if self.clock.now() >= client.expires_at:
            raise OAuthError(
                401,
                "invalid_client",
                f"Client authentication failed: the client expired at {client.expires_at_text}",
            )
        if not client.allows(address):
            raise OAuthError(
                401,
                "invalid_client",
                f"Client authentication failed: the client is not allowed from address {address}",
            )
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens[token] = IssuedToken(client, self.clock.now() + self.token_lifetime)
            self.tokens_issued += 1
        return {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": int(self.token_lifetime),
        }

    def _verify_assertion(self, assertion: str) -> RegisteredClient:
        claims = _unverified_claims(assertion)
        client_id = claims.get("iss")
        with self._lock:
            client = self._clients.get(client_id) if isinstance(client_id, str) else None
        if client is None:
            raise OAuthError(401, "invalid_client", "unknown client")
        try:
            verified = jwt.decode(assertion, client.public_key, algorithms=ALGORITHMS).claims
        except (JoseError, ValueError, RecursionError) as exc:
            raise OAuthError(
                401, "invalid_client", f"assertion rejected: {type(exc).__name__}"
            ) from None
        # Assertions are signed with the client's wall clock; the simulated clock (which
        # tests move forward) governs only the lifetime of the tokens issued here.
        now = time.time()
        audience = verified.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        exp, jti = verified.get("exp"), verified.get("jti")
        if verified.get("sub") != client.client_id:
            raise OAuthError(401, "invalid_client", "sub must equal the client id")
        if not any(url in audiences for url in self.token_urls):
            raise OAuthError(
                401,
                "invalid_client",
                f"the assertion's aud must be this token endpoint ({self.token_urls[0]})",
            )
        if not _is_finite_number(exp):
            raise OAuthError(401, "invalid_client", "the assertion's exp is not a finite number")
        if exp <= now or exp > now + MAX_ASSERTION_LIFETIME:
            raise OAuthError(
                401, "invalid_client", "the assertion is expired or valid for too long"
            )
        if not isinstance(jti, str) or not jti:
            raise OAuthError(401, "invalid_client", "the assertion has no jti")
        with self._lock:
            # A used jti is remembered until its assertion could no longer be accepted.
            self._seen_jti = {k: v for k, v in self._seen_jti.items() if v + JTI_MARGIN > now}
            if jti in self._seen_jti:
                raise OAuthError(
                    401, "invalid_client", "the assertion was already used (jti replayed)"
                )
            self._seen_jti[jti] = float(exp)
        return client

    def client_for(self, authorization: str | None) -> RegisteredClient:
        """The client a bearer token belongs to; OAuthError 401 when it is not valid."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise OAuthError(401, "invalid_token", "a bearer token is required")
        with self._lock:
            issued = self._tokens.get(token.strip())
        if issued is None:
            raise OAuthError(401, "invalid_token", "unknown token")
        if issued.expires_at <= self.clock.now():
            raise OAuthError(401, "invalid_token", "the token has expired")
        return issued.client


def _is_finite_number(value: object) -> TypeGuard[int | float]:
    """A JSON number that is neither a boolean nor NaN nor infinite."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _unverified_claims(assertion: str) -> dict[str, Any]:
    """The payload of a compact JWS, unchecked (only to find whose key verifies it)."""
    parts = assertion.split(".")
    if len(parts) != 3:
        raise OAuthError(401, "invalid_client", "the assertion is not a compact JWT")
    try:
        padded = parts[1] + "=" * (-len(parts[1]) % 4)
        claims = json.loads(base64.urlsafe_b64decode(padded))
    except RecursionError:
        raise OAuthError(
            401, "invalid_client", "the assertion's payload is nested too deeply"
        ) from None
    except ValueError:
        raise OAuthError(401, "invalid_client", "the assertion's payload is not JSON") from None
    if not isinstance(claims, dict):
        raise OAuthError(401, "invalid_client", "the assertion's payload is not an object")
    return claims
