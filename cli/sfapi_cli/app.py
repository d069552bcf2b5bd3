"""The ``sfapi`` application: global options, then one command per task."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sfapi_client._constants import DEFAULT_TIMEOUT

from . import state
from .commands import account, files, jobs, lint, status
from .exit_codes import EPILOG
from .settings import Settings, configure_logging

app = typer.Typer(
    name="sfapi",
    help="NERSC's Superfacility API from the shell: status, jobs, files and accounts.",
    epilog=EPILOG,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        from sfapi_client import __version__

        typer.echo(f"sfapi {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    key: Annotated[
        Path | None,
        typer.Option(envvar="SFAPI_KEY", help="Key file: client id line, then the PEM key."),
    ] = None,
    client_id: Annotated[
        str | None, typer.Option(envvar="SFAPI_CLIENT_ID", help="Client id (with --secret-file).")
    ] = None,
    secret_file: Annotated[
        Path | None,
        typer.Option(envvar="SFAPI_SECRET_FILE", help="File holding the private key (PEM or JWK)."),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(envvar="SFAPI_BASE_URL", help="API base URL (default: NERSC's)."),
    ] = None,
    token_url: Annotated[
        str | None,
        typer.Option(envvar="SFAPI_TOKEN_URL", help="OAuth2 token URL (default: NERSC's)."),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each HTTP request (secrets redacted).")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    wait_interval: Annotated[
        float, typer.Option(envvar="SFAPI_WAIT_INTERVAL", help="Seconds between polls.")
    ] = 10.0,
    timeout: Annotated[
        float,
        typer.Option(
            envvar="SFAPI_TIMEOUT",
            help="Seconds each API call may take in all, retries included.",
        ),
    ] = DEFAULT_TIMEOUT,
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Global options; each may also come from its environment variable."""
    state.current = Settings(
        key=key,
        client_id=client_id,
        secret_file=secret_file,
        base_url=_typed(ctx, "base_url", base_url),
        token_url=_typed(ctx, "token_url", token_url),
        json=json,
        verbose=verbose,
        debug=debug,
        wait_interval=wait_interval,
        timeout=timeout,
    )
    configure_logging(verbose)


def _typed(ctx: typer.Context, parameter: str, value: str | None) -> str | None:
    """The URL option's value when typed on the command line; None otherwise, so that the
    library reads the environment variable itself (an empty one is an error naming it)
    and names the setting the URL came from in its errors."""
    source = ctx.get_parameter_source(parameter)
    return value if source is not None and source.name == "COMMANDLINE" else None


for module in (status, jobs, files, account, lint):
    module.register(app)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="sfapi")
