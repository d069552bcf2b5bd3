"""Time as the simulator sees it: real time, optionally moved forward by tests."""

from __future__ import annotations

import math
import time

#: How far the clock may move ahead in all (a century): simulated times stay dates that
#: every formatter handles.
MAX_OFFSET = 100 * 365 * 86400.0


class Clock:
    """Seconds since the epoch, plus an offset tests can advance instead of sleeping."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        """Move time forward: jobs and tasks progress as if ``seconds`` had passed."""
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(
                f"time only moves forward by a finite number of seconds, not {seconds}"
            )
        if self.offset + seconds > MAX_OFFSET:
            raise ValueError(f"the clock moves at most {MAX_OFFSET:g} seconds ahead in all")
        self.offset += seconds
