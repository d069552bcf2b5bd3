"""The one way into a machine's files on the host: paths walked from the root folder.

Every path of a machine is walked one name at a time from an open descriptor of the
machine's root folder (``openat`` with ``O_NOFOLLOW``), so the host never follows a
symbolic link by itself. Links are read and followed here, as paths of the machine:
an absolute target starts again at the machine's root, and a target whose ``..``
would climb above the root is refused. Whatever links a user (or anyone with access
to the data folder) plants, a walk never leaves the root.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import DeniedFile, FileError, MissingFile, NotAFolder

#: Limits of Linux: bytes of one name and of a whole path, links followed in one walk.
MAX_NAME = 255
MAX_PATH = 4096
MAX_LINKS = 40
DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


@dataclass
class Spot:
    """Where a walk ended: the folder holding the entry (an open descriptor, closed when
    the walk's context ends), the entry's name in it, and the entry's own status
    (``None`` when no such entry exists yet)."""

    path: str
    folder: int
    name: str
    info: os.stat_result | None

    @property
    def is_root(self) -> bool:
        return self.name == ""

    @property
    def parent(self) -> str:
        return self.path.rsplit("/", 1)[0] or "/"

    def open_dir(self) -> int:
        """A new descriptor of the entry, a folder (the caller closes it)."""
        if self.is_root:
            return os.dup(self.folder)
        return os.open(self.name, DIR_FLAGS, dir_fd=self.folder)

    def open_file(self) -> int:
        """A new read descriptor of the entry, a regular file with no other name (the
        caller closes it). The simulator makes no hard links, so a file with several
        names was linked in from outside (perhaps to a host file) and is refused;
        devices and pipes are refused before they are opened."""
        before = os.stat(self.name, dir_fd=self.folder, follow_symlinks=False)
        if not stat.S_ISREG(before.st_mode):
            raise FileError(f"{self.path}: not a regular file")
        descriptor = os.open(self.name, FILE_FLAGS, dir_fd=self.folder)
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            os.close(descriptor)
            reason = "not a regular file" if not stat.S_ISREG(info.st_mode) else "Permission denied"
            raise DeniedFile(f"{self.path}: {reason}")
        return descriptor


#: Called with each folder a walk passes through (to check the search permission).
Search = Callable[[str, os.stat_result], None]


def check_path(path: str) -> None:
    """FileError when a path is too long for Linux, as a whole or in one of its names,
    or holds text no file name can hold (a lone surrogate)."""
    try:
        encoded = os.fsencode(path)
    except UnicodeError:
        raise FileError(f"{path!a}: Invalid or incomplete multibyte or wide character") from None
    if len(encoded) >= MAX_PATH:
        raise FileError(f"{path[:64]}...: File name too long")
    for name in path.split("/"):
        if len(os.fsencode(name)) > MAX_NAME:
            raise FileError(f"{path}: File name too long")


class Sandbox:
    """One machine's root folder on the host, held open; paths are walked from it."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        try:
            self._root = os.open(root, DIR_FLAGS)
        except OSError as exc:
            raise OSError(
                exc.errno, f"{root}: {exc.strerror} (it must be a folder, not a link to one)"
            ) from None

    def close(self) -> None:
        os.close(self._root)

    @contextmanager
    def walk(
        self, path: str, *, follow: bool = True, search: Search | None = None
    ) -> Iterator[Spot]:
        """The spot ``path`` (absolute, already checked) leads to. ``follow``: a link in
        last place is followed too (otherwise the spot is the link itself). MissingFile
        when a folder on the way is missing; FileError for names too long, loops, links
        out of the root, or a file used as a folder."""
        check_path(path)
        spot = self._walk(path, follow, search)
        try:
            yield spot
        finally:
            os.close(spot.folder)

    def _walk(self, path: str, follow: bool, search: Search | None) -> Spot:
        pending = [p for p in path.split("/") if p not in ("", ".")]
        trail: list[str] = []
        folders = [os.dup(self._root)]
        links = 0
        try:
            while pending:
                name = pending.pop(0)
                if name == "..":
                    if not trail:
                        raise DeniedFile(
                            f"{path}: Permission denied (a link leads out of the root)"
                        )
                    os.close(folders.pop())
                    trail.pop()
                    continue
                if len(os.fsencode(name)) > MAX_NAME:
                    raise FileError(f"{path}: File name too long")
                try:
                    info: os.stat_result | None = os.stat(
                        name, dir_fd=folders[-1], follow_symlinks=False
                    )
                except FileNotFoundError:
                    if pending:
                        raise MissingFile(f"{path}: No such file or directory") from None
                    info = None
                if info is not None and stat.S_ISLNK(info.st_mode) and (pending or follow):
                    links += 1
                    if links > MAX_LINKS:
                        raise FileError(f"{path}: Too many levels of symbolic links")
                    target = os.readlink(name, dir_fd=folders[-1])
                    if target.startswith("/"):
                        for descriptor in folders[1:]:
                            os.close(descriptor)
                        del folders[1:]
                        trail.clear()
                    pending[:0] = [p for p in target.split("/") if p not in ("", ".")]
                    continue
                if not pending:
                    return Spot("/" + "/".join([*trail, name]), folders.pop(), name, info)
                if info is None or not stat.S_ISDIR(info.st_mode):
                    raise NotAFolder(f"{path}: Not a directory")
                trail.append(name)
                if search is not None:
                    search("/" + "/".join(trail), info)
                folders.append(os.open(name, DIR_FLAGS, dir_fd=folders[-1]))
            # The path (or a link on it) ended at a folder already entered.
            if not trail:
                return Spot("/", folders.pop(), "", os.fstat(self._root))
            os.close(folders.pop())
            name = trail[-1]
            info = os.stat(name, dir_fd=folders[-1], follow_symlinks=False)
            return Spot("/" + "/".join(trail), folders.pop(), name, info)
        except OSError as exc:
            raise FileError(f"{path}: {os.strerror(exc.errno or 0)}") from None
        finally:
            for descriptor in folders:
                os.close(descriptor)
