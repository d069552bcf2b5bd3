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
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class FileError(Exception):
    """A failed file operation, with a message as the real command would print it."""


class MissingFile(FileError):
    """The path (or a folder on the way to it) does not exist."""


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
    "/etc/motd": b"Welcome to the simulated NERSC machine.\n",
}
#: The folders where the login node's commands live (each command shows in both).
COMMAND_FOLDERS = ("/usr/bin", "/bin")


class Filesystem:
    """One machine's files, for every user."""

    def __init__(
        self,
        root: Path,
        machine: str,
        accounts: list[Account],
        max_bytes: int,
        commands: tuple[str, ...] = (),
    ) -> None:
        self.root = root.resolve()
        self.machine = machine
        self.accounts = {a.name: a for a in accounts}
        self.max_bytes = max_bytes
        #: Uploads are written here first, outside the visible tree, then moved into place
        #: in one step: a listing never meets a half-written file.
        self.incoming = self.root.parent / f".incoming-{machine}"
        self.incoming.mkdir(parents=True, exist_ok=True)
        for account in accounts:
            for area in self.areas(account.name):
                self._host(area).mkdir(parents=True, exist_ok=True)
        system = dict(SYSTEM_FILES)
        for folder in COMMAND_FOLDERS:
            for name in commands:
                system[f"{folder}/{name}"] = f"\x7fELF simulated {name}\n".encode()
        for path, content in system.items():
            host = self._host(path)
            host.parent.mkdir(parents=True, exist_ok=True)
            host.write_bytes(content)
            host.chmod(0o755 if path.startswith(COMMAND_FOLDERS) else 0o644)

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
        missing = FileError(f"ls: cannot access '{path}': No such file or directory")
        # A symbolic link is listed itself (``name -> target``), as the live service does.
        if host.is_dir() and not host.is_symlink():
            try:
                children = sorted(host.iterdir())
            except (FileNotFoundError, NotADirectoryError):
                raise missing from None  # removed by someone else meanwhile
            named = [(host, ".", clean), (host.parent, "..", posixpath.dirname(clean))]
            named += [(c, c.name, posixpath.join(clean, c.name)) for c in children]
            # An entry removed by someone else since the folder was read is left out.
            return [e for e in (self._entry(*n) for n in named) if e is not None]
        entry = self._entry(host, path, clean)
        if entry is None:
            raise missing
        return [entry]

    def _entry(self, host: Path, name: str, virtual: str) -> dict[str, object] | None:
        try:
            info = host.lstat()
            target = os.readlink(host) if stat.S_ISLNK(info.st_mode) else None
        except FileNotFoundError:
            return None
        shown = name if target is None else f"{name} -> {self._shown_target(host, target)}"
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

    def _shown_target(self, link: Path, target: str) -> str:
        """A link's target as the machine shows it: links made to absolute paths are
        stored relative to stay in the sandbox, and shown absolute again."""
        if target.startswith("/") or not target.startswith(".."):
            return target
        resolved = Path(os.path.normpath(link.parent / target))
        if resolved == self.root or self.root in resolved.parents:
            return self._virtual(resolved)
        return target

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
        descriptor, scratch = tempfile.mkstemp(dir=self.incoming, prefix="upload-")
        try:
            with os.fdopen(descriptor, "wb") as out:
                out.write(data)
            os.chmod(scratch, 0o644)
            os.replace(scratch, host)
        except BaseException:
            Path(scratch).unlink(missing_ok=True)
            raise
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
            raise MissingFile(f"rm: cannot remove '{path}': No such file or directory")

    def kind(self, path: str, user: str) -> str | None:
        """``file``, ``dir``, ``link`` (a dangling or special link) or None when missing."""
        host = self.resolve(path, user)
        if host.is_dir():
            return "dir"
        if host.is_file():
            return "file"
        if host.is_symlink():
            return "link"
        return None

    def is_link(self, path: str, user: str) -> bool:
        clean = self.clean(path)
        parent = self.resolve(posixpath.dirname(clean), user)
        return (parent / posixpath.basename(clean)).is_symlink()

    def size(self, path: str, user: str) -> int:
        return self.resolve(path, user).stat().st_size

    def mtime(self, path: str, user: str) -> float:
        return self.resolve(path, user).stat().st_mtime

    def names(self, path: str, user: str) -> list[str]:
        """The names in a folder, sorted (no ``.`` and ``..``)."""
        host = self.resolve(path, user)
        try:
            return sorted(child.name for child in host.iterdir())
        except (FileNotFoundError, NotADirectoryError):
            raise MissingFile(f"{path}: No such file or directory") from None

    def touch(self, path: str, user: str) -> None:
        """Create an empty file, or update the time of an existing one."""
        host = self.resolve(path, user, write=True)
        if not host.parent.is_dir():
            raise MissingFile(f"cannot touch '{path}': No such file or directory")
        host.touch()

    def rename(self, source: str, target: str, user: str) -> None:
        """Move a file or folder within this machine (``mv``)."""
        self._check_removable(source, user)
        source_host = self.resolve(source, user, write=True)
        target_host = self.resolve(target, user, write=True)
        if not source_host.exists() and not source_host.is_symlink():
            raise MissingFile(f"cannot stat '{source}': No such file or directory")
        if not target_host.parent.is_dir():
            raise MissingFile(f"cannot move '{source}' to '{target}': No such file or directory")
        os.replace(source_host, target_host)

    def copy_file(self, source: str, target: str, user: str) -> None:
        """Copy one file within this machine (``cp``)."""
        data = self.read(source, user)
        self.write(target, user, data)

    def symlink(self, target: str, link: str, user: str) -> None:
        """``ln -s target link``; an absolute target is kept inside the sandbox."""
        link_host = self.resolve(link, user, write=True)
        if link_host.exists() or link_host.is_symlink():
            raise FileError(f"failed to create symbolic link '{link}': File exists")
        if not link_host.parent.is_dir():
            raise MissingFile(f"failed to create symbolic link '{link}': No such file or directory")
        stored = target
        if target.startswith("/"):
            stored = os.path.relpath(self._host(self.clean(target)), link_host.parent)
        link_host.symlink_to(stored)

    def _check_removable(self, path: str, user: str) -> None:
        if self.clean(path) in self.areas(user):
            raise FileError(f"cannot move or remove '{path}': Permission denied")

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
        # The listing is taken before anything is written, so a copy never sees its own output.
        for item in list(source_host.rglob("*")):
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
