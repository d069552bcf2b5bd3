"""``await job`` and ``await task`` on the async side, nothing on the sync side.

The async classes inherit ``AsyncCompletionAwaitable`` or
``AsyncSettleAwaitable``; codegen's async→sync renaming turns those bases into
classes that add nothing, so the sync twins need no special case.
"""

from __future__ import annotations

from collections.abc import Coroutine, Generator
from typing import Any

__all__: list[str] = []


class AsyncCompletionAwaitable:
    """Makes ``await obj`` the same as ``await obj.complete()``."""

    def complete(self) -> Coroutine[Any, Any, Any]:
        raise NotImplementedError

    def __await__(self) -> Generator[Any, None, Any]:
        return self.complete().__await__()


class CompletionAwaitable:
    """The sync counterpart: waiting is spelt ``obj.complete()``."""


class AsyncSettleAwaitable:
    """Makes ``await obj`` the same as ``await obj.settle()``: wait, then give ``obj``."""

    def settle(self) -> Coroutine[Any, Any, Any]:
        raise NotImplementedError

    def __await__(self) -> Generator[Any, None, Any]:
        return self.settle().__await__()


class SettleAwaitable:
    """The sync counterpart: waiting is spelt ``obj.settle()``."""
