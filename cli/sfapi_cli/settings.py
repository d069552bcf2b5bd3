"""Global options of ``sfapi``: credentials, URLs, output mode; and the client they make."""

from __future__ import annotations

import logging
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sfapi_client import ClientKeyError
from sfapi_client._constants import DEFAULT_TIMEOUT
from sfapi_client._credentials import check_permissions, read_key_text

# The client (and the HTTP stack under it) loads for a command that talks to the API,
# not for --help.
if TYPE_CHECKING:
    from sfapi_client import AsyncClient, Client


@dataclass
class Settings:
    """What the global options and their environment variables say."""

    key: Path | None = None
    client_id: str | None = None
    secret_file: Path | None = None
    #: Typed on the command line; None leaves the URL to the library: its environment
    #: variable (SFAPI_BASE_URL, SFAPI_TOKEN_URL) when set, else NERSC's.
    base_url: str | None = None
    token_url: str | None = None
    json: bool = False
    verbose: bool = False
    debug: bool = False
    wait_interval: float = 10.0
    timeout: float = DEFAULT_TIMEOUT

    def client(self) -> Client:
        """A client with the credentials the options give (none: public commands only)."""
        from sfapi_client import Client

        return Client(**self._client_options())

    def async_client(self) -> AsyncClient:
        """The async twin of :meth:`client`, for commands that wait on many jobs at once."""
        from sfapi_client import AsyncClient

        return AsyncClient(**self._client_options())

    def _client_options(self) -> dict[str, Any]:
        """The client's arguments; the secret file is checked and read here."""
        secret = None
        if self.secret_file is not None:
            secret = read_secret_file(self.secret_file)
            if self.client_id is None:
                raise ClientKeyError("--secret-file needs --client-id (or SFAPI_CLIENT_ID)")
        return {
            "client_id": self.client_id if secret is not None else None,
            "secret": secret,
            "key": self.key if secret is None else None,
            "api_base_url": self.base_url,
            "token_url": self.token_url,
            "wait_interval": self.wait_interval,
            "timeout": self.timeout,
        }


#: The largest secret file read: a PEM or JWK private key takes a few kilobytes.
MAX_SECRET_FILE_BYTES = 16 * 1024


def read_secret_file(path: Path) -> str:
    """The text of a ``--secret-file``, checked as the library checks a key file: a
    regular file that only its owner may access, and no larger than a key can be.

    ClientKeyError naming the file otherwise; nothing is read from a file refused.
    """
    try:
        info = path.stat()
    except OSError as exc:
        raise ClientKeyError(f"cannot read the secret file {path}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ClientKeyError(f"secret file {path} is not a regular file")
    check_permissions(path)
    if info.st_size > MAX_SECRET_FILE_BYTES:
        raise ClientKeyError(
            f"secret file {path} is {info.st_size} bytes, larger than a private key can be "
            f"(at most {MAX_SECRET_FILE_BYTES}); is it the right file?"
        )
    return read_key_text(path, "secret file")


#: The name of the handler ``--verbose`` adds, so that a later invocation can replace it.
VERBOSE_HANDLER = "sfapi-cli-verbose"


#: The name of the handler that shows the package's warnings (a server that does not
#: answer and is being retried) without ``--verbose``.
WARNING_HANDLER = "sfapi-cli-warnings"


def configure_logging(verbose: bool) -> None:
    """The package's warnings on stderr (``warning: cannot connect to …; retrying for up
    to N s``), so that the command never waits silently; with ``--verbose``, its HTTP
    log too (method, URL, status, time).

    The handler writes to the ``sys.stderr`` of this invocation; one added by an earlier
    invocation in the same process is replaced, never doubled.
    """
    logger = logging.getLogger("sfapi_client")
    for handler in [
        h for h in logger.handlers if h.get_name() in (VERBOSE_HANDLER, WARNING_HANDLER)
    ]:
        logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    if verbose:
        handler.set_name(VERBOSE_HANDLER)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        logger.setLevel(logging.DEBUG)
    else:
        handler.set_name(WARNING_HANDLER)
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("warning: %(message)s"))
    logger.addHandler(handler)
