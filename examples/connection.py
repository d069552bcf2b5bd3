"""Where the examples connect, read from the environment.

Every example builds its client with ``Client(**connection.options())``, so the same
script runs against NERSC and, unchanged, against the local simulator:

- ``SFAPI_KEY``: your key file (the client id on the first line, then the private
  key), or the name of one under ``~/.superfacility/``; default ``mykey``.
- ``SFAPI_BASE_URL`` and ``SFAPI_TOKEN_URL``: the API and its token endpoint; by
  default NERSC's. The client reads these two itself (an empty one is an error naming
  it), and names the one in use when it cannot connect.
- ``SFAPI_WAIT_INTERVAL``: seconds between polls while waiting for jobs (default 10;
  the simulator's jobs take a second, so a test sets it lower).
"""

import os
from typing import Any


def options() -> dict[str, Any]:
    """Keyword arguments for ``Client`` or ``AsyncClient``."""
    return {
        "key": os.environ.get("SFAPI_KEY", "mykey"),
        "wait_interval": float(os.environ.get("SFAPI_WAIT_INTERVAL", "10")),
    }
