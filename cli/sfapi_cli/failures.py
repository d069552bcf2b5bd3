"""Errors told in terms of the command the user typed, not of the API calls under it.

The package's errors name the operation that failed and the request sent (``ls failed:
... [GET https://... → 200]``): right for a program, noise for someone who typed
``sfapi download``. :class:`CommandError` carries a message about the command, the exit
code it means and an optional hint; :func:`doing` turns an answer the API refused into one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from sfapi_client import (
    AuthenticationError,
    ClientKeyError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    SfApiError,
)

from .exit_codes import ExitCode

#: Errors about the credentials keep their own wording and exit code (and hint).
CREDENTIAL_ERRORS = (
    ClientKeyError,
    MissingCredentialsError,
    AuthenticationError,
    PermissionDeniedError,
)


class CommandError(Exception):
    """A failure of a command: what to print, the exit code, and a hint line (or None)."""

    def __init__(self, message: str, code: ExitCode, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.hint = hint


def reason(error: SfApiError) -> str:
    """What the service said, without the operation's name or the request's URL."""
    if error.operation:
        return error.message.removeprefix(f"{error.operation} failed: ")
    return error.message


#: What the service (NERSC's and the simulator's alike) answers for a path it has no
#: route for, as opposed to a 404 about a job, a file or a system it was asked about.
NO_ROUTE_BODY = {"detail": "Not Found"}
#: The longest answer looked at for that shape: the no-route answer is a few bytes.
_NO_ROUTE_LIMIT = 200


def no_such_route(error: BaseException) -> bool:
    """True for a 404 meaning the server has no such route at all: the API's URL is
    most likely wrong (a base URL without its ``/api/v1.2``), not the name asked for."""
    if not isinstance(error, NotFoundError) or not isinstance(error.body, str | bytes):
        return False
    if len(error.body) > _NO_ROUTE_LIMIT:
        return False
    try:
        return bool(json.loads(error.body) == NO_ROUTE_BODY)
    except ValueError:
        return False


def describe(error: BaseException) -> str:
    """The one-line text of an error: an API error's reason, anything else as it reads;
    a missing credential without the library's advice (the hint line gives the CLI's)."""
    if isinstance(error, MissingCredentialsError):
        return f"{error.operation or 'the command'} needs credentials"
    if isinstance(error, SfApiError) and error.status is not None:
        return reason(error)
    return str(error)


@contextmanager
def doing(what: str) -> Iterator[None]:
    """Report an answer the API refused inside the block as ``<what>: <reason>``.

    Only errors the service answered with (an HTTP or in-band status) are reworded;
    credential errors, timeouts, connection failures and a route the server does not
    have (a wrong API URL) pass through unchanged.
    """
    try:
        yield
    except SfApiError as exc:
        if isinstance(exc, CREDENTIAL_ERRORS) or exc.status is None or no_such_route(exc):
            raise
        raise CommandError(f"{what}: {reason(exc)}", ExitCode.API_ERROR) from exc
