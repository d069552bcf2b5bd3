"""The owners and modes of files, kept by the simulator (it runs as one host user).

Records are kept per path of the machine. A file without a record (one put into the
data folder from outside, or made before a restart) gets the ownership of where it
lies: see ``Filesystem.default_ownership``.
"""

from __future__ import annotations

import threading

from .modes import Ownership


class MetadataStore:
    """Ownership records by path; renames and removals carry whole subtrees."""

    def __init__(self) -> None:
        self._records: dict[str, Ownership] = {}
        self._lock = threading.Lock()

    def get(self, path: str) -> Ownership | None:
        with self._lock:
            return self._records.get(path)

    def set(self, path: str, ownership: Ownership) -> None:
        with self._lock:
            self._records[path] = ownership

    def forget(self, path: str) -> None:
        """Forget the record of ``path`` alone."""
        with self._lock:
            self._records.pop(path, None)

    def move(self, source: str, target: str) -> None:
        """Records of ``source`` and below now describe ``target`` and below."""
        prefix = source.rstrip("/") + "/"
        with self._lock:
            target_prefix = target.rstrip("/") + "/"
            for key in [k for k in self._records if k == target or k.startswith(target_prefix)]:
                del self._records[key]
            moved = {k: v for k, v in self._records.items() if k == source or k.startswith(prefix)}
            for key, value in moved.items():
                del self._records[key]
                self._records[target + key[len(source) :]] = value
