# Copied from templates/static/runtime/_key_file_watch.py by `python -m generator codegen`. Do not edit here.
"""A key file a long-running client keeps reading: a replaced file is picked up.

Keys are renewed by writing a new key file over the old one (in place, or by renaming a
new file onto its path). ``KeyFileWatch`` holds the credentials read from the file and,
when asked (the client asks whenever it needs a new token), compares the file's identity
and modification time with those it read: a changed file is read again.

A replacement that cannot be used (half written, malformed, too widely readable) does
not stop the client: the old key stays in use, a WARNING naming the file and the reason
is logged once for that version of the file, and the file is read again at the next
token request, until a valid key appears. ``replacement_error`` holds the reason
meanwhile, for errors that want to mention it. Nothing of the key itself is logged.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._credentials import ClientKeyError, Credentials
from ._package import LOGGER_NAME

__all__: list[str] = []

logger = logging.getLogger(LOGGER_NAME)


@dataclass(frozen=True)
class FileVersion:
    """What tells one version of a file from another: its identity, size and mtime."""

    device: int
    inode: int
    size: int
    modified_ns: int

    @classmethod
    def of(cls, path: Path) -> FileVersion | None:
        """The version of the file at ``path``, or None when it cannot be looked at."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class KeyFileWatch:
    """The credentials of a key file, read again when the file changes.

    Arguments:
        path: the key file.
        load: reads and checks a key file (the rules of the API included); raises
            ``ClientKeyError`` for one that cannot be used.
        credentials: the credentials already read from ``path`` (read now when not
            given).
    """

    def __init__(
        self,
        path: Path,
        load: Callable[[Path], Credentials],
        credentials: Credentials | None = None,
    ) -> None:
        self.path = path
        """The key file watched."""
        self._load = load
        self._version = FileVersion.of(path)
        self._credentials = credentials if credentials is not None else load(path)
        self._refused: FileVersion | None = None
        self.replacement_error: str | None = None
        """Why the file's newest version could not be used (None once one could)."""
        #: How many times a replaced file was taken into use.
        self.reloads = 0

    def __repr__(self) -> str:
        return f"KeyFileWatch(path={str(self.path)!r}, client_id={self._credentials.client_id!r})"

    @property
    def credentials(self) -> Credentials:
        """The credentials in use (as last read; ``refresh`` looks at the file)."""
        return self._credentials

    def refresh(self) -> Credentials:
        """The credentials of the file as it is now: read again when it changed since it
        was read, the old ones kept (with a WARNING, once per version) when the new
        version cannot be used."""
        version = FileVersion.of(self.path)
        if version is None or version == self._version:
            return self._credentials
        try:
            credentials = self._load(self.path)
        except ClientKeyError as exc:
            self.replacement_error = str(exc)
            if version != self._refused:
                self._refused = version
                logger.warning(
                    "the key file %s changed but cannot be used (%s); still using the key "
                    "of client %s, and reading the file again at the next token request",
                    self.path,
                    exc,
                    self._credentials.client_id,
                )
            return self._credentials
        if FileVersion.of(self.path) != version:
            # Changed again while it was read: the next token request reads it again.
            return self._credentials
        self._version, self._credentials = version, credentials
        self._refused, self.replacement_error = None, None
        self.reloads += 1
        logger.info(
            "the key file %s was replaced: now using client %s", self.path, credentials.client_id
        )
        return credentials
