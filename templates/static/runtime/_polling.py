"""Deadlines for polling loops, with an injectable clock.

Every wait in the package has a finite timeout; a timeout must be positive. Sleeps are
cut to the time left, so a wait ends within one poll interval of its timeout.
"""

from __future__ import annotations

import time
from collections.abc import Callable

__all__: list[str] = []


def checked_timeout(timeout: float | None, default: float) -> float:
    """``timeout`` (or ``default`` when None); ValueError unless it is a positive number."""
    value = default if timeout is None else timeout
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not value > 0
        or value != value  # NaN
    ):
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    return float(value)


def checked_interval(interval: float) -> float:
    """A poll interval; ValueError unless it is a positive number."""
    if isinstance(interval, bool) or not isinstance(interval, int | float) or not interval > 0:
        raise ValueError(
            f"the poll interval must be a positive number of seconds, not {interval!r}"
        )
    return float(interval)


class Deadline:
    """The moment a wait gives up, measured on ``clock`` (monotonic seconds)."""

    def __init__(self, timeout: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.timeout = timeout
        self.ends_at = clock() + timeout

    def remaining(self) -> float:
        """Seconds left, never negative."""
        return max(0.0, self.ends_at - self._clock())

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def next_sleep(self, interval: float) -> float:
        """How long to sleep before the next poll: the interval, cut to the time left."""
        return min(interval, self.remaining())
