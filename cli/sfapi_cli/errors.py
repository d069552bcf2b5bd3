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
    JobScriptIsADirectoryError,
    JobScriptNotFoundError,
    MissingCredentialsError,
    PermissionDeniedError,
    RetiredMachineError,
    SfApiError,
    WaitTimeoutError,
)

from .exit_codes import ExitCode
from .output import errors

#: How to give ``sfapi`` credentials, printed under a "needs credentials" error.
CREDENTIALS_HINT = (
    "hint: pass --key FILE (or set SFAPI_KEY), or --client-id ID with --secret-file FILE "
    "(SFAPI_CLIENT_ID, SFAPI_SECRET_FILE)"
)

P = ParamSpec("P")
R = TypeVar("R")


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code of an exception a command let escape."""
    if isinstance(
        error,
        ClientKeyError | MissingCredentialsError | AuthenticationError | PermissionDeniedError,
    ):
        return ExitCode.CREDENTIALS
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
            except (SfApiError, ValueError, OSError) as exc:
                if debug():
                    raise
                from rich.markup import escape

                errors.print(f"[red]error:[/red] {escape(str(exc))}", markup=True, soft_wrap=True)
                if isinstance(exc, MissingCredentialsError):
                    errors.print(CREDENTIALS_HINT, markup=False, soft_wrap=True)
                raise typer.Exit(int(exit_code_for(exc))) from None

        return run

    return decorate
