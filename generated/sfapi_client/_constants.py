# Copied from templates/static/runtime/_constants.py by `python -m generator codegen`. Do not edit here.
"""Defaults of the runtime, in one place: deadlines, retries, sizes, headers."""

from __future__ import annotations

#: Seconds one call may take in all: connect, token request, every attempt, every wait
#: between attempts, every read. Long enough for the retry budget below.
DEFAULT_TIMEOUT = 180.0
#: Each network operation's own limit (still cut to the call's deadline): connect
#: quickly or fail; leave reads long enough for a slow listing.
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 60.0
#: The connect limit towards a server the client has not reached yet: a host that drops
#: packets is reported within seconds; one that answered before gets the full limit.
FIRST_CONTACT_CONNECT_TIMEOUT = 4.0

#: Retries stop once the next one would start later than this after the first attempt:
#: enough to ride out a one-minute outage (backoff doubles from 0.5 s up to 30 s).
DEFAULT_RETRY_BUDGET = 120.0
#: The retry budget for connection failures to a server the client has never reached:
#: one or two quick retries, so that a wrong URL or a server not started is reported in
#: seconds.
DEFAULT_FIRST_CONTACT_BUDGET = 2.0
#: Attempts per request, the first one included; None lets the time budget alone decide.
DEFAULT_MAX_ATTEMPTS: int | None = None
DEFAULT_BACKOFF_BASE = 0.5
DEFAULT_BACKOFF_CAP = 30.0

#: Answers that say "try again later".
RETRYABLE_STATUS_CODES = frozenset({429, 502, 503, 504})

#: The largest answer body read (after decompression). The API moves files in one JSON
#: answer, base64-encoded when binary; its file operations are meant for small files,
#: and this leaves ample room above them.
DEFAULT_MAX_ANSWER_BYTES = 256 * 1024 * 1024
