"""Global options of ``sfapi``: credentials, URLs, output mode; and the client they make."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sfapi_client import DEFAULT_BASE_URL, DEFAULT_TOKEN_URL, ClientKeyError
from sfapi_client._constants import DEFAULT_TIMEOUT
from sfapi_client._credentials import read_key_text

# The client (and the HTTP stack under it) loads for a command that talks to the API,
# not for --help.
if TYPE_CHECKING:
    from sfapi_client import Client


@dataclass
class Settings:
    """What the global options and their environment variables say."""

    key: Path | None = None
    client_id: str | None = None
    secret_file: Path | None = None
    base_url: str = DEFAULT_BASE_URL
    token_url: str = DEFAULT_TOKEN_URL
    json: bool = False
    verbose: bool = False
    debug: bool = False
    wait_interval: float = 10.0
    timeout: float = DEFAULT_TIMEOUT

    def client(self) -> Client:
        """A client with the credentials the options give (none: public commands only)."""
        from sfapi_client import Client

        secret = None
        if self.secret_file is not None:
            secret = read_key_text(self.secret_file, "secret file")
            if self.client_id is None:
                raise ClientKeyError("--secret-file needs --client-id (or SFAPI_CLIENT_ID)")
        return Client(
            client_id=self.client_id if secret is not None else None,
            secret=secret,
            key=self.key if secret is None else None,
            api_base_url=self.base_url,
            token_url=self.token_url,
            wait_interval=self.wait_interval,
            timeout=self.timeout,
        )


#: The name of the handler ``--verbose`` adds, so that a later invocation can replace it.
VERBOSE_HANDLER = "sfapi-cli-verbose"


def configure_logging(verbose: bool) -> None:
    """With ``--verbose``, the package's HTTP log (method, URL, status, time) on stderr.

    The handler writes to the ``sys.stderr`` of this invocation; one added by an earlier
    invocation in the same process is replaced, never doubled.
    """
    logger = logging.getLogger("sfapi_client")
    for handler in [h for h in logger.handlers if h.get_name() == VERBOSE_HANDLER]:
        logger.removeHandler(handler)
    if not verbose:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(VERBOSE_HANDLER)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
