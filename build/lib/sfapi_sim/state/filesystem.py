"""A sandboxed filesystem per machine, rooted in a real folder.

Paths are the machine's absolute paths (``/global/homes/a/alice/x``); they map into the
sandbox root. ``..`` components are refused, and every path is resolved (symbolic links
included) and must stay inside the root: nothing outside it is ever read or written.
Users write only their own areas (home, scratch, project directories); system files
such as ``/usr/bin/hostname`` are readable by everyone.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import stat
import time
from dataclasses import dataclass
from pathlib import Path


class FileError(Exception):
    """A failed file operation, with a message as the real command would print it."""


@dataclass(frozen=True)
class Account:
    """A user of the machines."""

    name: str
    uid: int
    projects: tuple[str, ...]


def home_of(user: str) -> str:
    return f"/global/homes/{user[0]}/{user}"


def scratch_of(user: str) -> str:
    return f"/pscratch/sd/{user[0]}/{user}"


def project_dir(project: str) -> str:
    return f"/global/cfs/cdirs/{project}"


SYSTEM_FILES = {
    "/usr/bin/hostname": b"\x7fELF simulated hostname binary\n",
    "/etc/motd": b"Welcome to the simulated NERSC machine.\n",
}


class Filesystem:
    """One machine's files, for every user."""

    def __init__(self, root: Path, machine: str, accounts: list[Account], max_bytes: int) -> None:
        self.root = root.resolve()
        self.machine = machine
        self.accounts = {a.name: a for a in accounts}
        self.max_bytes = max_bytes
        for account in accounts:
            for area in self.areas(account.name):
                self._host(area).mkdir(parents=True, exist_ok=True)
        for path, content in SYSTEM_FILES.items():
            host = self._host(path)
            host.parent.mkdir(parents=True, exist_ok=True)
            host.write_bytes(content)

    def areas(self, user: str) -> list[str]:
        """The folders ``user`` may write: home, scratch (Perlmutter), project folders."""
        account = self.accounts[user]
        areas = [home_of(user)]
        if self.machine == "perlmutter":
            areas.append(scratch_of(user))
        areas += [project_dir(p) for p in account.projects]
        return areas

    # Path handling ------------------------------------------------------------------

    def _host(self, path: str) -> Path:
        return self.root / path.lstrip("/")

    def _virtual(self, host: Path) -> str:
        relative = host.relative_to(self.root).as_posix()
        return "/" + ("" if relative == "." else relative)

    def clean(self, path: str) -> str:
        """The normalised absolute path; FileError for relative paths, ``..`` or NUL."""
        if not path.startswith("/"):
            raise FileError(f"{path}: not an absolute path")
        if "\0" in path or ".." in path.split("/"):
            raise FileError(f"{path}: Permission denied")
        return posixpath.normpath("/" + path.lstrip("/"))

    def resolve(self, path: str, user: str, *, write: bool = False) -> Path:
        """The host path for ``path``, refusing anything that leads out of the sandbox."""
        clean = self.clean(path)
        host = self._host(clean)
        real = Path(os.path.realpath(host))
        if real != self.root and self.root not in real.parents:
            raise FileError(f"{path}: Permission denied")
        if write:
            allowed = [Path(os.path.realpath(self._host(a))) for a in self.areas(user)]
            if not any(real == a or a in real.parents for a in allowed):
                raise FileError(f"{path}: Permission denied")
        return host

    def owner(self, path: str) -> str:
        """The user whose area holds ``path`` (``root`` for system files)."""
        for name in self.accounts:
            if any(path == a or path.startswith(a + "/") for a in self.areas(name)):
                return name
        return "root"

    # Operations -----------------------------------------------------------------------

    def ls(self, path: str, user: str) -> list[dict[str, object]]:
        """``ls -la`` entries of a directory, or the one entry of a file (named by its path)."""
        clean = self.clean(path)
        host = self.resolve(clean, user)
        if not host.exists() and not host.is_symlink():
            raise FileError(f"ls: cannot access '{path}': No such file or directory")
        if host.is_dir():
            entries = [
                self._entry(host, ".", clean),
                self._entry(host.parent, "..", posixpath.dirname(clean)),
            ]
            for child in sorted(host.iterdir()):
                entries.append(self._entry(child, child.name, posixpath.join(clean, child.name)))
            return entries
        return [self._entry(host, path, clean)]

    def _entry(self, host: Path, name: str, virtual: str) -> dict[str, object]:
        info = host.lstat()
        shown = name
        if stat.S_ISLNK(info.st_mode):
            shown = f"{name} -> {os.readlink(host)}"
        owner = self.owner(virtual)
        return {
            "perms": stat.filemode(info.st_mode),
            "hardlinks": info.st_nlink,
            "user": owner,
            "group": owner,
            "size": float(info.st_size),
            "date": time.strftime("%b %d %H:%M", time.localtime(info.st_mtime)),
            "name": shown,
        }

    def read(self, path: str, user: str) -> bytes:
        host = self.resolve(path, user)
        if host.is_dir():
            raise FileError(f"{path}: Is a directory")
        if not host.is_file():
            raise FileError(f"{path}: No such file or directory")
        if host.stat().st_size > self.max_bytes:
            raise FileError(f"{path}: file is larger than the {self.max_bytes}-byte limit")
        return host.read_bytes()

    def write(self, path: str, user: str, data: bytes) -> str:
        """Write a file (into a directory under ``name`` when ``path`` is one); its path."""
        if len(data) > self.max_bytes:
            raise FileError(
                f"{path}: upload of {len(data)} bytes exceeds the {self.max_bytes}-byte limit"
            )
        host = self.resolve(path, user, write=True)
        if host.is_dir():
            raise FileError(f"{path}: Is a directory")
        if not host.parent.is_dir():
            raise FileError(f"{posixpath.dirname(path)}: No such file or directory")
        scratch = host.with_name(f".{host.name}.part")
        scratch.write_bytes(data)
        scratch.replace(host)
        return self.clean(path)

    def is_dir(self, path: str, user: str) -> bool:
        return self.resolve(path, user).is_dir()

    def is_file(self, path: str, user: str) -> bool:
        return self.resolve(path, user).is_file()

    def mkdir(self, path: str, user: str, parents: bool = False) -> None:
        host = self.resolve(path, user, write=True)
        try:
            host.mkdir(parents=parents, exist_ok=parents)
        except FileExistsError:
            raise FileError(f"mkdir: cannot create directory '{path}': File exists") from None
        except FileNotFoundError:
            raise FileError(
                f"mkdir: cannot create directory '{path}': No such file or directory"
            ) from None

    def remove(self, path: str, user: str, recursive: bool = False) -> None:
        host = self.resolve(path, user, write=True)
        if host.is_symlink() or host.is_file():
            host.unlink()
        elif host.is_dir():
            if not recursive:
                raise FileError(f"rm: cannot remove '{path}': Is a directory")
            if self.clean(path) in self.areas(user):
                raise FileError(f"rm: refusing to remove '{path}'")
            shutil.rmtree(host)
        else:
            raise FileError(f"rm: cannot remove '{path}': No such file or directory")

    def copy_tree(self, source: str, target_fs: Filesystem, target: str, user: str) -> int:
        """Copy a file or folder to another machine's filesystem; the bytes copied."""
        source_host = self.resolve(source, user)
        target_host = target_fs.resolve(target, user, write=True)
        if not source_host.exists():
            raise FileError(f"{source}: No such file or directory")
        copied = 0
        if source_host.is_file():
            target_host.parent.mkdir(parents=True, exist_ok=True)
            destination = target_host / source_host.name if target_host.is_dir() else target_host
            shutil.copyfile(source_host, destination)
            return source_host.stat().st_size
        for item in source_host.rglob("*"):
            real = Path(os.path.realpath(item))
            if self.root not in real.parents:
                continue
            destination = target_host / item.relative_to(source_host)
            if item.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
            elif item.is_file():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(item, destination)
                copied += item.stat().st_size
        target_host.mkdir(parents=True, exist_ok=True)
        return copied
