"""Disk quotas: the space each user's files take, shared by every machine's files.

Space is counted in blocks, as ``du`` does: every file, folder and link takes at least
one block, so a flood of empty files reaches the quota too. The shell and the routes
charge through the filesystem, and anything else that writes (a shell's budgets, say)
can ask ``remaining`` before it starts.
"""

from __future__ import annotations

import threading
from collections import Counter

from .errors import QuotaExceeded

BLOCK = 4096
#: Users whose files are not counted (the system's own files).
EXEMPT = frozenset({"root"})


def blocks(size: int) -> int:
    """The bytes of disk a file of ``size`` bytes takes (at least one block)."""
    return max(1, -(-size // BLOCK)) * BLOCK


class Quota:
    """Bytes in use per user, against one limit per user; safe from several threads."""

    def __init__(self, limit: int) -> None:
        self._used: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.limit = limit

    @property
    def limit(self) -> int:
        """Bytes each user's files may take."""
        return self._limit

    @limit.setter
    def limit(self, value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < BLOCK:
            raise ValueError(f"a disk quota is at least {BLOCK} bytes, not {value!r}")
        self._limit = value

    def used(self, user: str) -> int:
        with self._lock:
            return self._used[user]

    def remaining(self, user: str) -> int:
        """Bytes ``user`` may still write (0 when at or over the quota)."""
        if user in EXEMPT:
            return self.limit
        with self._lock:
            return max(0, self._limit - self._used[user])

    def charge(self, user: str, amount: int, what: str) -> None:
        """Count ``amount`` more bytes for ``user``; QuotaExceeded (nothing counted) when
        that goes over the limit. A negative amount gives space back."""
        if user in EXEMPT:
            return
        with self._lock:
            if amount > 0 and self._used[user] + amount > self._limit:
                raise QuotaExceeded(f"{what}: Disk quota exceeded")
            self._used[user] = max(0, self._used[user] + amount)

    def release(self, user: str, amount: int) -> None:
        """Give back ``amount`` bytes of ``user``'s (a file removed or shrunk)."""
        if user in EXEMPT or amount <= 0:
            return
        with self._lock:
            self._used[user] = max(0, self._used[user] - amount)
