"""The few primitives whose async and sync forms differ only by name.

Hand-written async code calls ``async_sleep``, ``AsyncLock``, ``AsyncTimedLock`` and
``AsyncSignal``; the sync twin produced by codegen calls ``sleep``, ``Lock``, ``TimedLock``
and ``Signal``. Keeping both here lets the async→sync translation be a renaming.

The async forms import asyncio when they are used, never with this module, so a
script on the sync client does not load it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio


async def async_sleep(seconds: float) -> None:
    """Wait without blocking the event loop."""
    import asyncio

    await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    """Block the calling thread."""
    time.sleep(seconds)


def AsyncLock() -> asyncio.Lock:
    """A lock for coroutines of one event loop; its sync twin is a thread lock."""
    import asyncio

    return asyncio.Lock()


#: A lock for threads: the sync twin of ``AsyncLock``.
Lock = threading.Lock


class AsyncSignal:
    """Set once; coroutines wait for it, each up to its own timeout."""

    def __init__(self) -> None:
        import asyncio

        self._event = asyncio.Event()

    def set(self) -> None:
        self._event.set()

    async def wait(self, timeout: float) -> bool:
        """True once set; False when ``timeout`` seconds passed first."""
        import asyncio

        try:
            await asyncio.wait_for(self._event.wait(), timeout)
        except TimeoutError:
            return False
        return True


class Signal:
    """Set once; threads wait for it, each up to its own timeout."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def wait(self, timeout: float) -> bool:
        """True once set; False when ``timeout`` seconds passed first."""
        return self._event.wait(timeout)


class AsyncTimedLock:
    """A lock for coroutines that a waiter can give up on after a timeout."""

    def __init__(self) -> None:
        import asyncio

        self._lock = asyncio.Lock()

    async def acquire(self, timeout: float) -> bool:
        """True once held; False when ``timeout`` seconds passed first."""
        import asyncio

        try:
            await asyncio.wait_for(self._lock.acquire(), timeout)
        except TimeoutError:
            return False
        return True

    def release(self) -> None:
        self._lock.release()

    async def __aenter__(self) -> None:
        await self._lock.acquire()

    async def __aexit__(self, *exc_info: object) -> None:
        self._lock.release()


class TimedLock:
    """A lock for threads that a waiter can give up on after a timeout."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def acquire(self, timeout: float) -> bool:
        """True once held; False when ``timeout`` seconds passed first."""
        return self._lock.acquire(timeout=timeout)

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> None:
        self._lock.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self._lock.release()


def async_loop_key() -> object | None:
    """The asyncio event loop running now (None outside one, or under another library):
    what connections opened now belong to."""
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


async def async_at_loop_end(callback: Callable[[], Awaitable[None]]) -> object | None:
    """Have ``callback`` awaited inside the running asyncio loop when the loop shuts down
    (``asyncio.run`` finalises the async generators still alive before it closes the
    loop); the caller keeps the returned object for as long as that should happen (the
    loop only holds it weakly). None, and nothing arranged, outside asyncio.
    """
    if async_loop_key() is None:
        return None

    async def watcher() -> AsyncIterator[None]:
        try:
            yield None
        finally:
            await callback()

    watching = watcher()
    await watching.__anext__()  # started: the loop now knows it, and will close it
    return watching


def at_loop_end(callback: Callable[[], None]) -> object | None:
    """Threads have no loop to end: nothing to arrange (the sync twin of
    ``async_at_loop_end``)."""
    return None


def loop_key() -> object | None:
    """Threads have no event loop: connections belong to no loop (the sync twin of
    ``async_loop_key``)."""
    return None


#: The type of a sleep function that objects get injected (a fake one in tests).
AsyncSleep = Callable[[float], Awaitable[None]]
Sleep = Callable[[float], None]
