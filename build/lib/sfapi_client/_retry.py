# Copied from templates/static/runtime/_retry.py by `python -m generator codegen`. Do not edit here.
"""Retry policy as pure functions, shared by the async and sync clients.

Whether to retry depends on what could have happened on the server:

* a connection that was never made (connect error) never reached it: always safe;
* 429 means the service refused the request before acting on it: always safe;
* other failures (5xx, read timeouts, dropped connections) may come after the
  server acted: only idempotent operations are retried.
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass

import httpx2

from ._constants import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_RETRY_BUDGET,
    RETRYABLE_STATUS_CODES,
)

__all__ = ["RetryConfig"]


@dataclass(frozen=True)
class RetryConfig:
    """How hard to try: attempts (first included), backoff, and a total time budget.

    ``RetryConfig(max_attempts=1)`` turns retries off.
    """

    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    backoff_base: float = DEFAULT_BACKOFF_BASE
    backoff_cap: float = DEFAULT_BACKOFF_CAP
    budget: float = DEFAULT_RETRY_BUDGET

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.backoff_base < 0 or self.backoff_cap < 0 or self.budget < 0:
            raise ValueError("backoff_base, backoff_cap and budget must not be negative")


def status_is_retryable(status: int, idempotent: bool) -> bool:
    """True when an answer with this status may be sent again."""
    if status == 429:
        return True
    return idempotent and status in RETRYABLE_STATUS_CODES


def error_is_retryable(error: httpx2.TransportError, idempotent: bool) -> bool:
    """True when a request that failed with this transport error may be sent again."""
    if isinstance(error, httpx2.ConnectError | httpx2.ConnectTimeout | httpx2.PoolTimeout):
        return True
    return idempotent


def backoff_delay(attempt: int, config: RetryConfig, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter before retry number ``attempt`` (1-based)."""
    ceiling = min(config.backoff_cap, config.backoff_base * (2 ** (attempt - 1)))
    return (rng or random).uniform(ceiling / 2, ceiling)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def retry_delay(
    attempt: int, config: RetryConfig, retry_after: float | None, elapsed: float
) -> float | None:
    """The wait before the next attempt, or None when the attempts or the budget are spent.

    A ``Retry-After`` is honoured (never waited less), capped only by the budget.
    """
    if attempt >= config.max_attempts:
        return None
    delay = backoff_delay(attempt, config)
    if retry_after is not None:
        delay = max(delay, retry_after)
    if elapsed + delay > config.budget:
        return None
    return delay
