# Copied from templates/static/sfapi/_key_errors.py by `python -m generator codegen`. Do not edit here.
"""Errors of an API client's key: expired, or used from an address it may not be used from.

NERSC's API clients live for a fixed time (two days for those that may submit jobs or
run commands) and may be limited to IP ranges, both chosen in Iris, where a new client
is created when one expires. Both errors are ``AuthenticationError``s, so that code
catching that for a refused token still catches them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ._exceptions import AuthenticationError

__all__ = ["AddressNotAllowedError", "KeyExpiredError"]

#: Where NERSC's API clients are created and renewed.
IRIS_URL = "https://iris.nersc.gov"
#: Where in Iris.
IRIS_PLACE = "Profile, Superfacility API Clients"


def renewal_advice(key_file: str | None) -> str:
    """How to get a working key: a new client in Iris, its key in the key file."""
    where = f" and save its key as {key_file}" if key_file else ""
    return f"create a new client in Iris ({IRIS_URL}: {IRIS_PLACE}){where}"


def shown_time(moment: datetime) -> str:
    """A moment as errors and logs show it: UTC, to the second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class KeyExpiredError(AuthenticationError):
    """The API client's key has expired: no token can be had with it any more.

    Raised before any request once the client knows the key expired (its expiry passed,
    or the token endpoint refused it as expired), and when the token endpoint refuses an
    expired key. ``str()`` names the client, the expiry and where to renew.

    Arguments:
        message: what went wrong.
        client_id: the expired client's id (None when not known); kept as an attribute.
        expires_at: when it expired (UTC), None when not known; kept as an attribute.
        context: the request and answer, as the base error takes them (``status``,
            ``method``, ``url``, ``operation``, ``body``).
    """

    def __init__(
        self,
        message: str,
        *,
        client_id: str | None = None,
        expires_at: datetime | None = None,
        **context: Any,
    ) -> None:
        super().__init__(message, **context)
        self.client_id = client_id
        self.expires_at = expires_at


class AddressNotAllowedError(AuthenticationError):
    """The API client may not be used from this address: requests come from outside the
    IP ranges chosen for it in Iris. ``str()`` holds the service's words (the address
    it saw) and how to fix it.

    Arguments:
        message: what went wrong.
        client_id: the client's id (None when not known); kept as an attribute.
        context: the request and answer, as the base error takes them (``status``,
            ``method``, ``url``, ``operation``, ``body``).
    """

    def __init__(self, message: str, *, client_id: str | None = None, **context: Any) -> None:
        super().__init__(message, **context)
        self.client_id = client_id


def key_expired(
    client_id: str,
    expires_at: datetime | None,
    *,
    key_file: str | None = None,
    detail: str = "",
    **context: Any,
) -> KeyExpiredError:
    """The error for the expired key of ``client_id``, naming the expiry and where to
    renew (``detail``: a further reason, such as an unusable replacement file)."""
    when = f" at {shown_time(expires_at)}" if expires_at is not None else ""
    message = f"the key of API client {client_id} expired{when}; {renewal_advice(key_file)}"
    if detail:
        message += f" ({detail})"
    return KeyExpiredError(message, client_id=client_id, expires_at=expires_at, **context)


def address_not_allowed(client_id: str, reason: str, **context: Any) -> AddressNotAllowedError:
    """The error for a client used from outside its IP ranges (``reason``: the service's
    words)."""
    return AddressNotAllowedError(
        f"API client {client_id} may not be used from this address ({reason}); run from an "
        f"address in the client's IP ranges, or {renewal_advice(None)} whose ranges hold "
        "this address",
        client_id=client_id,
        **context,
    )
