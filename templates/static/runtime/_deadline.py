"""One deadline per call: every attempt, token request, retry wait and network read of a
call ends by the moment the call's deadline says.

The deadline in force lives in a context variable, so that the network layer (which
knows nothing about calls) can cut each connect, read and write to the time left, and so
that a caller can bound a group of calls with ``time_limit``. Context variables
follow both a thread and an asyncio task, which makes this one mechanism for the async
and the sync clients.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ._exceptions import CallTimeoutError, WaitTimeoutError
from ._polling import Deadline

__all__ = ["time_limit"]

_CURRENT: ContextVar[Deadline | None] = ContextVar(f"{__name__}.current", default=None)
#: The shortest timeout handed to a socket: zero would make it non-blocking, not timed.
_MIN_OPERATION_TIMEOUT = 0.001


def checked_seconds(value: object, what: str = "timeout") -> float:
    """``value`` as seconds; ValueError unless it is a positive, finite number."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not value > 0
    ):
        raise ValueError(f"{what} must be a positive number of seconds, not {value!r}")
    return float(value)


def current() -> Deadline | None:
    """The deadline in force here, or None outside any call or ``time_limit``."""
    return _CURRENT.get()


def nested(seconds: float, clock: Callable[[], float] = time.monotonic) -> Deadline:
    """A deadline ``seconds`` from now on ``clock``, never later than the one in force."""
    enclosing = _CURRENT.get()
    if enclosing is not None:
        seconds = min(seconds, enclosing.remaining())
    return Deadline(seconds, clock)


class bounded:
    """Make ``deadline`` the one in force inside the ``with`` block.

    A class rather than a generator-based context manager: every call enters one, and
    this form costs a fraction of that one's time.
    """

    __slots__ = ("_deadline", "_token")

    def __init__(self, deadline: Deadline) -> None:
        self._deadline = deadline

    def __enter__(self) -> Deadline:
        self._token = _CURRENT.set(self._deadline)
        return self._deadline

    def __exit__(self, *exc_info: object) -> None:
        _CURRENT.reset(self._token)


@contextmanager
def time_limit(seconds: float) -> Iterator[Deadline]:
    """Bound every call made inside the block to ``seconds`` in total.

    ``with time_limit(5): client.status.read_status()`` gives that call (and any other
    in the block, retries and token requests included) five seconds, even when the
    client's own ``timeout`` is longer; a shorter client timeout still applies to each
    call. Limits nest: an inner one never outlasts an outer one.

    Arguments:
        seconds: the time every call of the block may take in all.

    Raises:
        CallTimeoutError: from a call that runs out of time.
    """
    with bounded(nested(checked_seconds(seconds))) as deadline:
        yield deadline


@contextmanager
def waiting(
    seconds: float, describe: Callable[[], str], clock: Callable[[], float] = time.monotonic
) -> Iterator[Deadline]:
    """Bound a wait, and every call made during it, to ``seconds`` in total.

    ``clock`` is the wait's own (a test's fake clock moves only when the wait sleeps);
    the calls made during the wait are cut to the seconds it has left.

    A call cut short because the wait's time is up raises WaitTimeoutError with
    ``describe()`` rather than the call's own CallTimeoutError: what ran out was the
    wait's time.
    """
    with bounded(nested(seconds, clock)) as deadline:
        try:
            yield deadline
        except CallTimeoutError as exc:
            if deadline.expired:
                raise WaitTimeoutError(describe()) from exc
            raise


def clip(timeout: float | None) -> float | None:
    """A network operation's own timeout, cut to the time left of the deadline in force."""
    deadline = _CURRENT.get()
    if deadline is None:
        return timeout
    left = max(deadline.remaining(), _MIN_OPERATION_TIMEOUT)
    return left if timeout is None else min(timeout, left)
