# Copied from templates/static/runtime/_retry.py by `python -m generator codegen`. Do not edit here.
"""Retry policy as pure functions, shared by the async and sync clients.

Whether to retry depends on what could have happened on the server:

* a connection that was never made (connect error) never reached it: always safe;
* 429 means the service refused the request before acting on it: always safe;
* other failures (5xx, read timeouts, dropped connections) may come after the
  server acted: only idempotent operations are retried;
* a request this side could not even form (an illegal header value, an unsupported
  URL scheme) would fail the same way again: never retried.

Retries are bounded by time, not by a small count: they go on while the next attempt
would start within :attr:`RetryConfig.budget` of the first one, and within the call's
deadline.

A connection failure is worth riding out when the server has answered before (an
outage in the middle of a workflow), and a mistake to ride out when it never has: a
wrong URL or a server not started would keep the user waiting for the whole budget
before saying so. The client therefore gives a server it has not reached yet only
:attr:`RetryConfig.first_contact_budget` (one or two quick retries).
"""

from __future__ import annotations

import dataclasses
import email.utils
import math
import random
import time
from dataclasses import dataclass

import httpx2

from ._constants import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_FIRST_CONTACT_BUDGET,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_RETRY_BUDGET,
    RETRYABLE_STATUS_CODES,
)

__all__ = ["RetryConfig"]


@dataclass(frozen=True)
class RetryConfig:
    """How hard to try: a time budget, the backoff, and optionally a count of attempts.

    Retries go on while the next attempt would start within ``budget`` seconds of the
    first (default 120 s: a one-minute outage is ridden out), each waiting an
    exponential backoff with jitter from ``backoff_base`` doubling up to
    ``backoff_cap``, or longer when the service's ``Retry-After`` asks so.
    ``max_attempts`` (the first attempt included) adds a count limit;
    ``RetryConfig(max_attempts=1)`` turns retries off. The call's deadline (the
    client's ``timeout``) bounds everything anyway.

    ``first_contact_budget`` (default 2 s) replaces ``budget`` for connection failures
    to a server the client has never reached: a wrong URL or a server not started is
    reported after a quick retry instead of after minutes. Once the server has
    answered, a connection failure is an outage, ridden out for ``budget``.

    Arguments:
        max_attempts: the most attempts, the first included (None: the budget alone
            decides).
        backoff_base: seconds of the first backoff, doubled on each retry.
        backoff_cap: the longest backoff, in seconds.
        budget: seconds after the first attempt within which a retry may start.
        first_contact_budget: the same for connection failures to a server the client
            has never reached.

    Raises:
        ValueError: for ``max_attempts`` below 1, or a negative or infinite time.
    """

    max_attempts: int | None = DEFAULT_MAX_ATTEMPTS
    backoff_base: float = DEFAULT_BACKOFF_BASE
    backoff_cap: float = DEFAULT_BACKOFF_CAP
    budget: float = DEFAULT_RETRY_BUDGET
    first_contact_budget: float = DEFAULT_FIRST_CONTACT_BUDGET

    def __post_init__(self) -> None:
        if self.max_attempts is not None and self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1 (or None: the budget decides)")
        numbers = (self.backoff_base, self.backoff_cap, self.budget, self.first_contact_budget)
        if not all(math.isfinite(n) and n >= 0 for n in numbers):
            raise ValueError(
                "backoff_base, backoff_cap, budget and first_contact_budget must be finite "
                "and not negative"
            )

    def for_first_contact(self) -> RetryConfig:
        """The policy for connection failures to a server never reached: the same, with
        the budget cut to ``first_contact_budget``."""
        return dataclasses.replace(self, budget=min(self.budget, self.first_contact_budget))


def status_is_retryable(status: int, idempotent: bool) -> bool:
    """True when an answer with this status may be sent again."""
    if status == 429:
        return True
    return idempotent and status in RETRYABLE_STATUS_CODES


def is_connection_failure(error: httpx2.TransportError) -> bool:
    """True when no connection could be made (refused, unknown host, connect timeout)."""
    return isinstance(error, httpx2.ConnectError | httpx2.ConnectTimeout)


def error_is_retryable(error: httpx2.TransportError, idempotent: bool) -> bool:
    """True when a request that failed with this transport error may be sent again."""
    if isinstance(error, httpx2.LocalProtocolError | httpx2.UnsupportedProtocol):
        return False
    if isinstance(error, httpx2.ConnectError | httpx2.ConnectTimeout | httpx2.PoolTimeout):
        return True
    return idempotent


def backoff_delay(attempt: int, config: RetryConfig, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter before retry number ``attempt`` (1-based)."""
    ceiling = min(config.backoff_cap, config.backoff_base * (2 ** (attempt - 1)))
    return (rng or random).uniform(ceiling / 2, ceiling)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number or an HTTP date.

    None when there is none or it cannot be read (NaN included); an absurdly long wait
    stays as long as it says (``inf`` included), so that the budget turns it down.
    """
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return None if math.isnan(seconds) else max(0.0, seconds)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def retry_delay(
    attempt: int,
    config: RetryConfig,
    retry_after: float | None,
    elapsed: float,
    time_left: float = math.inf,
) -> float | None:
    """The wait before the next attempt, or None when no further attempt may be made.

    None when the attempts are spent, when the next attempt would start after the
    budget, or when the wait would use up the ``time_left`` of the call's deadline. A
    ``Retry-After`` is honoured (never waited less), so a long one ends the retries.
    """
    if config.max_attempts is not None and attempt >= config.max_attempts:
        return None
    delay = backoff_delay(attempt, config)
    if retry_after is not None:
        delay = max(delay, retry_after)
    if elapsed + delay > config.budget or delay >= time_left:
        return None
    return delay
