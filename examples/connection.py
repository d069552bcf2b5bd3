"""Where the examples connect.

Every example builds its client with ``Client(**connection.options())``. The client
itself reads the environment, so the same script runs against NERSC and, unchanged,
against the local simulator:

- ``SFAPI_KEY``: your key file (the client id on the first line, then the private
  key), or the name of one under ``~/.superfacility/``;
- ``SFAPI_BASE_URL`` and ``SFAPI_TOKEN_URL``: the API and its token endpoint (by
  default NERSC's);
- ``SFAPI_WAIT_INTERVAL``: seconds between polls while waiting for jobs (default 10;
  the simulator's jobs take seconds, so its export lines set 1).

This module adds one thing: without ``SFAPI_KEY``, the examples use the key file
``~/.superfacility/mykey...`` that getting started saves.
"""

import os
from typing import Any

#: The key file the examples use when SFAPI_KEY is not set.
DEFAULT_KEY = "mykey"


def options() -> dict[str, Any]:
    """Keyword arguments for ``Client`` or ``AsyncClient``."""
    return {} if "SFAPI_KEY" in os.environ else {"key": DEFAULT_KEY}
