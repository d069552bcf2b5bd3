"""Time as the simulator sees it: real time, optionally moved forward by tests."""

from __future__ import annotations

import time


class Clock:
    """Seconds since the epoch, plus an offset tests can advance instead of sleeping."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        """Move time forward: jobs and tasks progress as if ``seconds`` had passed."""
        if seconds < 0:
            raise ValueError("time only moves forward")
        self.offset += seconds
