# Copied from templates/static/runtime/_constants.py by `python -m generator codegen`. Do not edit here.
"""Defaults of the runtime, in one place: timeouts, retries, headers."""

from __future__ import annotations

import httpx2

#: Connect quickly or fail; leave reads long enough for a slow squeue or sacct.
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 60.0
DEFAULT_TIMEOUT = httpx2.Timeout(DEFAULT_READ_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)

#: Attempts per request (the first one included) and the backoff between them.
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_BACKOFF_BASE = 0.5
DEFAULT_BACKOFF_CAP = 30.0
#: No request keeps retrying for longer than this, waits included.
DEFAULT_RETRY_BUDGET = 120.0

#: Answers that say "try again later".
RETRYABLE_STATUS_CODES = frozenset({429, 502, 503, 504})

#: Logger name of the package; every module logs below it.
LOGGER_NAME = "sfapi_client"
