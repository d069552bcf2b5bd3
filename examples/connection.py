"""Where the examples connect, read from the environment.

Every example builds its client with ``Client(**connection.options())``, so the same
script runs against NERSC and, unchanged, against the local simulator:

- ``SFAPI_KEY``: your key file (the client id on the first line, then the private
  key), or the name of one under ``~/.superfacility/``; default ``mykey``.
- ``SFAPI_BASE_URL`` and ``SFAPI_TOKEN_URL``: the API and its token endpoint; by
  default NERSC's.
- ``SFAPI_WAIT_INTERVAL``: seconds between polls while waiting for jobs (default 10;
  the simulator's jobs take a second, so a test sets it lower).
"""

import os
from typing import Any

from sfapi_client import DEFAULT_BASE_URL, DEFAULT_TOKEN_URL


def options() -> dict[str, Any]:
    """Keyword arguments for ``Client`` or ``AsyncClient``."""
    return {
        "key": os.environ.get("SFAPI_KEY", "mykey"),
        "api_base_url": os.environ.get("SFAPI_BASE_URL", DEFAULT_BASE_URL),
        "token_url": os.environ.get("SFAPI_TOKEN_URL", DEFAULT_TOKEN_URL),
        "wait_interval": float(os.environ.get("SFAPI_WAIT_INTERVAL", "10")),
    }
