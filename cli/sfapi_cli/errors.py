"""One clear line on stderr and a documented exit code for every failure."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from sfapi_client import (
    AuthenticationError,
    ClientKeyError,
    InvalidArgumentError,
    InvalidUrlError,
    JobScriptIsADirectoryError,
    JobScriptNotFoundError,
    MissingCredentialsError,
    PermissionDeniedError,
    RetiredMachineError,
    ServerUnreachableError,
    SfApiError,
    WaitTimeoutError,
)
from sfapi_client.exceptions import TokenRequestError

from .exit_codes import ExitCode
from .failures import CommandError, describe, no_such_route
from .output import errors, plain_text

#: How to give ``sfapi`` credentials, printed under a "needs credentials" error.
CREDENTIALS_HINT = (
    "hint: pass --key FILE (or set SFAPI_KEY), or --client-id ID with --secret-file FILE "
    "(SFAPI_CLIENT_ID, SFAPI_SECRET_FILE)"
)

#: Where ``sfapi`` takes its URLs from, printed under a "cannot connect" error.
URL_HINT = (
    "hint: the API URL comes from --base-url, else SFAPI_BASE_URL, else NERSC's "
    "(the token URL from --token-url or SFAPI_TOKEN_URL); for the local simulator, "
    "start it with 'sfapi-sim serve --key-out sim-key.pem' and paste the export lines it "
    "prints"
)

#: Printed under a key file that does not exist: where its name came from, and where
#: key files come from.
KEY_HINT = (
    "hint: the key file comes from --key, else SFAPI_KEY; the simulator writes one when "
    "started with sfapi-sim serve --key-out FILE, and NERSC's comes from Iris"
)
#: Printed under a 404 for a route the server does not have: the URL is the suspect.
ROUTE_HINT = (
    "hint: the server has no operation at {url}; check the API URL (--base-url, "
    "else SFAPI_BASE_URL): NERSC's and the simulator's end in /api/v1.2"
)
#: Printed under a token request answered 404 or 405: the token URL is the suspect.
TOKEN_URL_HINT = (
    "hint: check the token URL (--token-url, else SFAPI_TOKEN_URL): the simulator's ends "
    "in /c2id/token"
)

P = ParamSpec("P")
R = TypeVar("R")


def missing_key_file(error: ClientKeyError) -> bool:
    """True when the key file named does not exist (not when it exists but is refused)."""
    text = str(error)
    return text.startswith("key file ") and " not found" in text


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code of an exception a command let escape."""
    if isinstance(error, CommandError):
        return error.code
    if isinstance(
        error,
        ClientKeyError | MissingCredentialsError | AuthenticationError | PermissionDeniedError,
    ):
        return ExitCode.CREDENTIALS
    if isinstance(error, InvalidUrlError):
        return ExitCode.USAGE
    if isinstance(error, WaitTimeoutError):
        return ExitCode.TIMEOUT
    # Errors in what the user gave: SfApiErrors too (as the earlier client raised them),
    # but usage errors here.
    if isinstance(
        error,
        InvalidArgumentError
        | JobScriptNotFoundError
        | JobScriptIsADirectoryError
        | RetiredMachineError,
    ):
        return ExitCode.USAGE
    if isinstance(error, SfApiError):
        return ExitCode.API_ERROR
    return ExitCode.USAGE


def reported(debug: Callable[[], bool]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Turn the exceptions of a command into a message and an exit code (a traceback with --debug)."""

    def decorate(command: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(command)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return command(*args, **kwargs)
            except (CommandError, SfApiError, ValueError, OSError) as exc:
                if debug():
                    raise
                line = plain_text("error:", "red")
                line.append(" ").append_text(plain_text(describe(exc), multiline=True))
                errors.print(line, soft_wrap=True)
                hint = CREDENTIALS_HINT if isinstance(exc, MissingCredentialsError) else None
                if isinstance(exc, ClientKeyError) and missing_key_file(exc):
                    hint = KEY_HINT
                if isinstance(exc, ServerUnreachableError):
                    hint = URL_HINT
                if isinstance(exc, SfApiError) and no_such_route(exc):
                    hint = ROUTE_HINT.format(url=exc.url)
                if isinstance(exc, TokenRequestError) and exc.status in (404, 405):
                    hint = TOKEN_URL_HINT
                if isinstance(exc, CommandError):
                    hint = exc.hint
                if hint:
                    errors.print(plain_text(hint), soft_wrap=True)
                raise typer.Exit(int(exit_code_for(exc))) from None

        return run

    return decorate
