"""What a client knows about its key's expiry, and what it does with it.

NERSC's API clients expire (two days for those that may submit jobs or run commands);
``GET /account/clients`` lists each client of the user with its ``expiresAt``, and a key
may carry its expiry itself (a JWK's ``exp``). ``KeyExpiry`` keeps what was learnt, per
client id (looked up once), and:

- logs a WARNING, once per client and key, when the expiry is less than the margin away;
- refuses a token request, before it is sent, for a key known to have expired;
- turns the token endpoint's refusal of an expired key, or of a key used from outside its
  IP ranges, into ``KeyExpiredError`` or ``AddressNotAllowedError``.

The token endpoint says why it refused only in words (OAuth2's ``invalid_client`` covers
every reason), so the words it uses are listed here, in one table; a refusal of a key
whose known expiry has passed is an expired key whatever the words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ._auth import ClientCredentialsAuth, TokenRefusal
from ._credentials import Credentials
from ._key_errors import (
    KeyExpiredError,
    address_not_allowed,
    key_expired,
    renewal_advice,
    shown_time,
)
from ._package import LOGGER_NAME, PackageError

__all__: list[str] = []

logger = logging.getLogger(LOGGER_NAME)

#: The OAuth2 error of a token endpoint that does not accept the client's credentials.
INVALID_CLIENT = "invalid_client"


@dataclass(frozen=True)
class RefusalWords:
    """Words of an ``error_description`` that say why a token request was refused."""

    expired: tuple[str, ...] = ("client expired", "client has expired", "expired client")
    address: tuple[str, ...] = ("not allowed from address", "outside the ip ranges")

    def kind(self, description: str) -> str | None:
        """``"expired"``, ``"address"``, or None when the words say neither."""
        lowered = description.lower()
        if any(words in lowered for words in self.expired):
            return "expired"
        if any(words in lowered for words in self.address):
            return "address"
        return None


REFUSAL_WORDS = RefusalWords()


def parse_expiry(value: object) -> datetime | None:
    """An ``expiresAt`` as a UTC datetime (ISO 8601; a time without zone is UTC), or None
    when it is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _left(seconds: float) -> str:
    """A duration as people read it: ``2 h 05 min``, ``3 min 20 s``."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours >= 48:
        return f"{hours // 24} days {hours % 24} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s"


class KeyExpiry:
    """The expiry of the client's keys, as learnt, and the checks made with it.

    Arguments:
        margin: warn when a key expires within this many seconds (0: never warn).
        clock: seconds since the epoch (the token clock of the client's auth).
    """

    def __init__(self, margin: float, clock: Callable[[], float]) -> None:
        self.margin = margin
        self._clock = clock
        #: Expiry per client id as ``/account/clients`` gave it (None: not listed).
        self._listed: dict[str, datetime | None] = {}
        self._warned: set[tuple[str, str]] = set()
        self._expired: set[tuple[str, str]] = set()

    def known(self, credentials: Credentials) -> bool:
        """Whether the expiry of these credentials is known or was looked up already."""
        return credentials.expires_at is not None or credentials.client_id in self._listed

    def expires_at(self, credentials: Credentials) -> datetime | None:
        """The key's expiry: its material's, else the one listed for its client id."""
        if credentials.expires_at is not None:
            return datetime.fromtimestamp(credentials.expires_at, UTC)
        return self._listed.get(credentials.client_id)

    def learn(self, client_id: str, expires_at: datetime | None) -> None:
        """Keep what ``/account/clients`` says of ``client_id``."""
        self._listed[client_id] = expires_at

    def seconds_left(self, credentials: Credentials) -> float | None:
        """Seconds until the key expires (negative once it has), None when unknown."""
        expiry = self.expires_at(credentials)
        return None if expiry is None else expiry.timestamp() - self._clock()

    def warn_if_near(self, credentials: Credentials, key_file: str | None) -> None:
        """Log a WARNING, once per client and key, when the key expires within the margin."""
        left = self.seconds_left(credentials)
        identity = (credentials.client_id, credentials.key_id)
        if left is None or left <= 0 or left >= self.margin or identity in self._warned:
            return
        self._warned.add(identity)
        expiry = self.expires_at(credentials)
        assert expiry is not None
        logger.warning(
            "the key of API client %s expires at %s, in %s; to keep working after that, %s",
            credentials.client_id,
            shown_time(expiry),
            _left(left),
            renewal_advice(key_file),
        )

    def check(self, auth: ClientCredentialsAuth) -> None:
        """``KeyExpiredError`` when the key about to sign a token request is known to
        have expired (its expiry passed, or the token endpoint said so); the WARNING
        when it expires soon."""
        credentials = auth.credentials
        left = self.seconds_left(credentials)
        identity = (credentials.client_id, credentials.key_id)
        if identity in self._expired or (left is not None and left <= 0):
            raise self._expired_error(auth, "", method="POST", url=auth.token_url)
        self.warn_if_near(credentials, str(auth.key_file.path) if auth.key_file else None)

    def _expired_error(
        self, auth: ClientCredentialsAuth, said: str, **context: Any
    ) -> KeyExpiredError:
        """``KeyExpiredError`` for the key of ``auth``: its expiry, where to renew, what
        the token endpoint ``said``, and why a replaced key file was not taken."""
        credentials = auth.credentials
        replacement = auth.key_file.replacement_error if auth.key_file else None
        details = [f"the token endpoint said: {said}" if said else ""]
        details.append(
            f"the replaced key file cannot be used: {replacement}" if replacement else ""
        )
        return key_expired(
            credentials.client_id,
            self.expires_at(credentials),
            key_file=str(auth.key_file.path) if auth.key_file else None,
            detail="; ".join(d for d in details if d),
            operation="token",
            **context,
        )

    def refused(
        self, auth: ClientCredentialsAuth, refusal: TokenRefusal, error: PackageError
    ) -> PackageError:
        """The error for a refused token request: ``KeyExpiredError`` for an expired key,
        ``AddressNotAllowedError`` for an address outside the key's ranges, ``error``
        otherwise."""
        credentials = auth.credentials
        kind = REFUSAL_WORDS.kind(refusal.description)
        context = {"status": refusal.status, "method": "POST", "url": auth.token_url}
        if kind == "address":
            return address_not_allowed(
                credentials.client_id,
                f"the token endpoint said: {refusal.description}",
                operation="token",
                **context,
            )
        left = self.seconds_left(credentials)
        expired_by_time = left is not None and left <= 0
        if refusal.error == INVALID_CLIENT and (kind == "expired" or expired_by_time):
            self._expired.add((credentials.client_id, credentials.key_id))
            return self._expired_error(auth, refusal.description, **context)
        return error
