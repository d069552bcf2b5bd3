"""The few primitives whose async and sync forms differ only by name.

Hand-written async code calls ``async_sleep`` and ``AsyncLock``; the sync twin produced by codegen calls
``sleep`` and ``Lock``. Keeping both here lets the async→sync translation be a renaming.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable


async def async_sleep(seconds: float) -> None:
    """Wait without blocking the event loop."""
    await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    """Block the calling thread."""
    time.sleep(seconds)


#: A lock for coroutines of one event loop; its sync twin is a thread lock.
AsyncLock = asyncio.Lock
Lock = threading.Lock

#: The type of a sleep function that objects get injected (a fake one in tests).
AsyncSleep = Callable[[float], Awaitable[None]]
Sleep = Callable[[float], None]
