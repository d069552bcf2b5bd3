"""The few primitives whose async and sync forms differ only by name.

Hand-written async code calls ``async_sleep``; the sync twin produced by codegen calls
``sleep``. Keeping both here lets the async→sync translation be a renaming.
"""

from __future__ import annotations

import asyncio
import time


async def async_sleep(seconds: float) -> None:
    """Wait without blocking the event loop."""
    await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    """Block the calling thread."""
    time.sleep(seconds)
