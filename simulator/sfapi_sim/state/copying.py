"""Copying files and folders between machines, as a Globus transfer does.

Every file is read and written through the filesystems' walks, with the user's
permissions and disk quota; links are copied as links, never followed.
"""

from __future__ import annotations

import posixpath

from .errors import MissingFile
from .filesystem import FileInfo, Filesystem


def copy_tree(
    source_fs: Filesystem, source: str, target_fs: Filesystem, target: str, user: str
) -> int:
    """Copy the file or folder ``source`` to ``target``; the bytes copied. A file goes
    into ``target`` when that is a folder; a folder becomes ``target``."""
    kind = source_fs.kind(source, user)
    if kind is None:
        raise MissingFile(f"{source}: No such file or directory")
    if kind == "file":
        destination = target
        if target_fs.kind(target, user) == "dir":
            destination = posixpath.join(target, posixpath.basename(source_fs.clean(source)))
        else:
            target_fs.mkdir(posixpath.dirname(target_fs.clean(target)), user, parents=True)
        return source_fs.copy_to(source, target_fs, destination, user)
    # The listing is taken before anything is written, so a copy never sees its own output.
    plan = _tree(source_fs, source_fs.clean(source), user)
    target_fs.mkdir(target, user, parents=True)
    copied = 0
    for relative, info in plan:
        destination = posixpath.join(target_fs.clean(target), relative)
        if info.kind == "dir":
            target_fs.mkdir(destination, user, parents=True)
        elif info.target is not None:
            if target_fs.kind(destination, user) is None:
                target_fs.symlink(info.target, destination, user)
        else:
            copied += source_fs.copy_to(info.path, target_fs, destination, user)
    return copied


def _tree(filesystem: Filesystem, folder: str, user: str) -> list[tuple[str, FileInfo]]:
    """(path relative to ``folder``, info) of everything below it, links not followed."""
    found: list[tuple[str, FileInfo]] = []
    pending = [""]
    while pending:
        relative = pending.pop()
        here = posixpath.join(folder, relative) if relative else folder
        for name in filesystem.names(here, user):
            child = posixpath.join(relative, name) if relative else name
            info = filesystem.stat(posixpath.join(folder, child), user, follow=False)
            found.append((child, info))
            if info.kind == "dir":
                pending.append(child)
    return sorted(found, key=lambda item: item[0])
