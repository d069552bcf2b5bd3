"""A machine's files, for every user, kept in a real folder on the host (the sandbox).

Paths are the machine's absolute paths (``/global/homes/a/alice/x``). Every operation
finds its file through one walk (``sandbox.Sandbox``) that starts at the machine's root
folder and never lets the host follow a link, so nothing outside the root is ever
read or written, whatever links lie in the tree. Files have owners, groups and mode
bits (``modes``), kept by the simulator itself: other users' private files are refused
as on a real system, and members of a project's group share its folder. Every user's
files count against a disk quota (``quota``), whichever route or program writes them.
"""

from __future__ import annotations

import os
import posixpath
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from .errors import DeniedFile, FileError, MissingFile, QuotaExceeded
from .metadata import MetadataStore
from .modes import READ, SEARCH, UMASK, WRITE, ModeError, Ownership, allowed, new_mode
from .quota import Quota, blocks
from .sandbox import Sandbox, Spot, check_path

__all__ = [
    "Account",
    "DeniedFile",
    "FileError",
    "FileInfo",
    "Filesystem",
    "MissingFile",
    "QuotaExceeded",
    "home_of",
    "project_dir",
    "scratch_of",
]

#: Bytes moved per read when a file is copied (a copy never holds a whole file).
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Account:
    """A user of the machines."""

    name: str
    uid: int
    projects: tuple[str, ...]


@dataclass(frozen=True)
class FileInfo:
    """What ``ls -l`` and ``test`` show of a file: type and mode, owner, size, time."""

    path: str
    mode: int
    links: int
    user: str
    group: str
    size: int
    mtime: float
    target: str | None

    @property
    def kind(self) -> str:
        if stat.S_ISDIR(self.mode):
            return "dir"
        if stat.S_ISLNK(self.mode):
            return "link"
        return "file"

    @property
    def perms(self) -> str:
        return stat.filemode(self.mode)


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
#: Modes of the areas: homes and scratch are private, project folders shared by group
#: (set-group-id, so what members make there belongs to the project's group).
PRIVATE_AREA = 0o700
PROJECT_AREA = 0o2770
#: Bytes a file may hold when nothing else is said (uploads, shell output).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: Modes of host files: only the simulator's own host user reads its data folder.
HOST_FILE_MODE = 0o600
HOST_DIR_MODE = 0o700

#: The groups a user belongs to, their own private group included.
GroupsOf = Callable[[str], frozenset[str]]


def _own_group_only(user: str) -> frozenset[str]:
    return frozenset({user})


class Filesystem:
    """One machine's files, for every user."""

    def __init__(
        self,
        root: Path,
        machine: str,
        accounts: list[Account],
        max_bytes: int = DEFAULT_MAX_BYTES,
        commands: tuple[str, ...] = (),
        *,
        quota: Quota | None = None,
        groups_of: GroupsOf = _own_group_only,
    ) -> None:
        root.mkdir(parents=True, exist_ok=True)
        # The data folder may sit behind a link (/tmp on some systems); the machine's own
        # root may not: the sandbox opens it without following links, and refuses one.
        self.root = root.parent.resolve() / root.name
        self.machine = machine
        self.accounts = {a.name: a for a in accounts}
        self.max_bytes = max_bytes
        self.quota = quota or Quota(1 << 40)
        self.groups_of = groups_of
        self.metadata = MetadataStore()
        self.sandbox = Sandbox(self.root)
        #: Files are written here first, outside the visible tree, then moved into place
        #: in one step: a listing never meets a half-written file.
        incoming = self.root.parent / f".incoming-{machine}"
        incoming.mkdir(mode=HOST_DIR_MODE, exist_ok=True)
        self.incoming = Sandbox(incoming)
        #: Area folders and who owns them (user, group, mode), for files without records.
        self._areas: dict[str, Ownership] = {}
        for account in accounts:
            for area in self.areas(account.name):
                self._areas[area] = self._area_ownership(area, account.name)
        for area in sorted(self._areas):
            self._make_system_folder(area)
        system = dict(SYSTEM_FILES)
        for folder in COMMAND_FOLDERS:
            for name in commands:
                system[f"{folder}/{name}"] = f"\x7fELF simulated {name}\n".encode()
        for path, content in system.items():
            self._make_system_folder(posixpath.dirname(path))
            with self.sandbox.walk(path) as spot:
                self._store_bytes(spot, content)
            mode = 0o755 if path.startswith(COMMAND_FOLDERS) else 0o644
            self.metadata.set(path, Ownership("root", "root", mode))
        self._count_existing()

    # Areas and ownership ------------------------------------------------------------

    def areas(self, user: str) -> list[str]:
        """The folders of ``user``: home, scratch (Perlmutter), project folders."""
        account = self.accounts[user]
        areas = [home_of(user)]
        if self.machine == "perlmutter":
            areas.append(scratch_of(user))
        areas += [project_dir(p) for p in account.projects]
        return areas

    def _area_ownership(self, area: str, user: str) -> Ownership:
        for project in self.accounts[user].projects:
            if area == project_dir(project):
                return Ownership("root", project, PROJECT_AREA)
        return Ownership(user, user, PRIVATE_AREA)

    def _make_system_folder(self, path: str) -> None:
        """Create ``path`` and its parents on the host (at start-up, no checks)."""
        trail = ""
        for name in path.strip("/").split("/"):
            trail += "/" + name
            with self.sandbox.walk(trail) as spot:
                if spot.info is None:
                    os.mkdir(spot.name, HOST_DIR_MODE, dir_fd=spot.folder)
                elif not stat.S_ISDIR(spot.info.st_mode):
                    raise FileError(f"{trail}: Not a directory")

    def default_ownership(self, path: str, info: os.stat_result) -> Ownership:
        """The ownership of a file without a record: that of the area holding it (the
        area's owner, or the project's group), else the system's (``root``)."""
        if path in self._areas:
            return self._areas[path]
        is_dir = stat.S_ISDIR(info.st_mode)
        mode = 0o755 if is_dir or info.st_mode & 0o100 else 0o644
        if stat.S_ISLNK(info.st_mode):
            mode = 0o777
        for area, owner in self._areas.items():
            if path.startswith(area + "/"):
                return Ownership(owner.user, owner.group, mode)
        return Ownership("root", "root", mode)

    def ownership(self, path: str, info: os.stat_result) -> Ownership:
        return self.metadata.get(path) or self.default_ownership(path, info)

    # Path handling ------------------------------------------------------------------

    def clean(self, path: str) -> str:
        """The normalised absolute path; FileError for relative paths, ``..``, NUL or
        names too long."""
        if not path.startswith("/"):
            raise FileError(f"{path}: not an absolute path")
        if "\0" in path or ".." in path.split("/"):
            raise DeniedFile(f"{path}: Permission denied")
        check_path(path)
        return posixpath.normpath("/" + path.lstrip("/"))

    def host_path(self, path: str) -> Path:
        """Where ``path`` would lie on the host, by its name alone (links not followed).

        For tests and inspection only: the simulator itself opens files through walks.
        """
        return self.root / self.clean(path).lstrip("/")

    @contextmanager
    def _walk(self, path: str, user: str, *, follow: bool = True) -> Iterator[Spot]:
        """The spot of ``path`` for ``user``: every folder on the way must be searchable."""
        clean = self.clean(path)

        def search(folder: str, info: os.stat_result) -> None:
            if not allowed(self.ownership(folder, info), user, self.groups_of(user), SEARCH):
                raise DeniedFile(f"{path}: Permission denied")

        with self.sandbox.walk(clean, follow=follow, search=search) as spot:
            try:
                yield spot
            except OSError as exc:  # the tree changed under the operation, say
                raise FileError(f"{path}: {os.strerror(exc.errno or 0)}") from None

    def _need(self, spot: Spot, user: str, want: int, shown: str) -> None:
        """DeniedFile unless ``user`` has ``want`` on the spot's entry."""
        assert spot.info is not None
        if not allowed(self.ownership(spot.path, spot.info), user, self.groups_of(user), want):
            raise DeniedFile(f"{shown}: Permission denied")

    def _need_parent(self, spot: Spot, user: str, want: int, shown: str) -> Ownership:
        """DeniedFile unless ``user`` has ``want`` on the folder holding the spot; that
        folder's ownership."""
        if spot.is_root:
            raise DeniedFile(f"{shown}: Permission denied")
        owner = self.ownership(spot.parent, os.fstat(spot.folder))
        if not allowed(owner, user, self.groups_of(user), want):
            raise DeniedFile(f"{shown}: Permission denied")
        return owner

    def _new_ownership(self, user: str, parent: Ownership, *, is_dir: bool) -> Ownership:
        """A new file's ownership: the user's, in the folder's group when the folder is
        set-group-id (project folders), else in the user's own group."""
        inherit = bool(parent.mode & stat.S_ISGID)
        group = parent.group if inherit else user
        mode = (0o777 if is_dir else 0o666) & ~UMASK
        if is_dir and inherit:
            mode |= stat.S_ISGID
        return Ownership(user, group, mode)

    # Reading ------------------------------------------------------------------------

    def stat(self, path: str, user: str, *, follow: bool = True) -> FileInfo:
        """The file's type, mode, owner, size and time; MissingFile when there is none."""
        with self._walk(path, user, follow=follow) as spot:
            if spot.info is None:
                raise MissingFile(f"{path}: No such file or directory")
            return self._info(spot.path, spot.info, spot.folder, spot.name)

    def _info(self, path: str, info: os.stat_result, folder: int, name: str) -> FileInfo:
        owner = self.ownership(path, info)
        target = None
        if stat.S_ISLNK(info.st_mode):
            target = os.readlink(name, dir_fd=folder)
        return FileInfo(
            path=path,
            mode=stat.S_IFMT(info.st_mode) | owner.mode,
            links=info.st_nlink,
            user=owner.user,
            group=owner.group,
            size=info.st_size,
            mtime=info.st_mtime,
            target=target,
        )

    def access(self, path: str, user: str, want: str) -> bool:
        """Whether ``user`` may read (``r``), write (``w``) or run/search (``x``) ``path``
        (``test -r/-w/-x``); False when it is missing or out of reach."""
        bits = {"r": READ, "w": WRITE, "x": SEARCH}[want]
        try:
            with self._walk(path, user) as spot:
                if spot.info is None:
                    return False
                owner = self.ownership(spot.path, spot.info)
                return allowed(owner, user, self.groups_of(user), bits)
        except FileError:
            return False

    def ls(self, path: str, user: str) -> list[dict[str, object]]:
        """``ls -la`` entries of a directory, or the one entry of a file (named by its path)."""
        missing = FileError(f"ls: cannot access '{path}': No such file or directory")
        # A symbolic link is listed itself (``name -> target``), as the live service does.
        with self._walk(path, user, follow=False) as spot:
            if spot.info is None:
                raise missing
            if not stat.S_ISDIR(spot.info.st_mode):
                return [self._entry(self._info(spot.path, spot.info, spot.folder, spot.name), path)]
            self._need(spot, user, READ, f"ls: cannot open directory '{path}'")
            folder = spot.open_dir()
            try:
                entries = [
                    self._entry(self._info(spot.path, spot.info, spot.folder, spot.name), ".")
                ]
                parent = os.fstat(spot.folder) if not spot.is_root else spot.info
                entries.append(self._entry(self._dir_info(spot.parent, parent), ".."))
                for name in sorted(os.listdir(folder)):
                    try:
                        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
                    except FileNotFoundError:
                        continue  # removed by someone else since the folder was read
                    child = posixpath.join(spot.path, name)
                    entries.append(self._entry(self._info(child, info, folder, name), name))
                return entries
            finally:
                os.close(folder)

    def _dir_info(self, path: str, info: os.stat_result) -> FileInfo:
        owner = self.ownership(path, info)
        return FileInfo(
            path,
            stat.S_IFMT(info.st_mode) | owner.mode,
            info.st_nlink,
            owner.user,
            owner.group,
            info.st_size,
            info.st_mtime,
            None,
        )

    @staticmethod
    def _entry(info: FileInfo, name: str) -> dict[str, object]:
        shown = name if info.target is None else f"{name} -> {info.target}"
        return {
            "perms": info.perms,
            "hardlinks": info.links,
            "user": info.user,
            "group": info.group,
            "size": float(info.size),
            "date": time.strftime("%b %d %H:%M", time.localtime(info.mtime)),
            "name": shown,
        }

    def read(self, path: str, user: str) -> bytes:
        with self._walk(path, user) as spot:
            if spot.info is None:
                raise MissingFile(f"{path}: No such file or directory")
            if stat.S_ISDIR(spot.info.st_mode):
                raise FileError(f"{path}: Is a directory")
            self._need(spot, user, READ, path)
            if spot.info.st_size > self.max_bytes:
                raise FileError(f"{path}: file is larger than the {self.max_bytes}-byte limit")
            descriptor = self._open_file(spot, path)
            with os.fdopen(descriptor, "rb") as handle:
                data = handle.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise FileError(f"{path}: file is larger than the {self.max_bytes}-byte limit")
        return data

    def _open_file(self, spot: Spot, path: str) -> int:
        try:
            return spot.open_file()
        except OSError as exc:
            raise FileError(f"{path}: {os.strerror(exc.errno or 0)}") from None

    def is_dir(self, path: str, user: str) -> bool:
        return self.kind(path, user) == "dir"

    def is_file(self, path: str, user: str) -> bool:
        return self.kind(path, user) == "file"

    def kind(self, path: str, user: str) -> str | None:
        """``file``, ``dir``, ``link`` (a dangling link) or None when missing (a folder on
        the way included); DeniedFile when a folder on the way may not be searched."""
        try:
            return self._kind(path, user)
        except MissingFile:
            return None

    def _kind(self, path: str, user: str) -> str | None:
        with self._walk(path, user, follow=False) as spot:
            if spot.info is None:
                return None
            if not stat.S_ISLNK(spot.info.st_mode):
                return "dir" if stat.S_ISDIR(spot.info.st_mode) else "file"
        try:
            with self._walk(path, user) as target:
                if target.info is None:
                    return "link"
                return "dir" if stat.S_ISDIR(target.info.st_mode) else "file"
        except (MissingFile, DeniedFile):
            return "link"

    def is_link(self, path: str, user: str) -> bool:
        with self._walk(path, user, follow=False) as spot:
            return spot.info is not None and stat.S_ISLNK(spot.info.st_mode)

    def size(self, path: str, user: str) -> int:
        return self.stat(path, user).size

    def mtime(self, path: str, user: str) -> float:
        return self.stat(path, user).mtime

    def names(self, path: str, user: str) -> list[str]:
        """The names in a folder, sorted (no ``.`` and ``..``)."""
        with self._walk(path, user) as spot:
            if spot.info is None or not stat.S_ISDIR(spot.info.st_mode):
                raise MissingFile(f"{path}: No such file or directory")
            self._need(spot, user, READ, path)
            folder = spot.open_dir()
            try:
                return sorted(os.listdir(folder))
            finally:
                os.close(folder)

    # Quota --------------------------------------------------------------------------

    def usage(self, user: str) -> int:
        """Bytes of disk ``user``'s files take (on every machine sharing the quota)."""
        return self.quota.used(user)

    def quota_left(self, user: str) -> int:
        """Bytes ``user`` may still write before the quota refuses."""
        return self.quota.remaining(user)

    def _count_existing(self) -> None:
        """Charge the files already in the tree (a data folder used again) to their owners."""
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            for name in dirs + files:
                host = Path(folder, name)
                try:
                    info = host.lstat()
                except FileNotFoundError:
                    continue
                path = "/" + host.relative_to(self.root).as_posix()
                owner = self.ownership(path, info).user
                size = info.st_size if stat.S_ISREG(info.st_mode) else 0
                try:
                    self.quota.charge(owner, blocks(size), path)
                except QuotaExceeded:
                    continue  # already over: further writes are refused

    # Writing ------------------------------------------------------------------------

    def write(self, path: str, user: str, data: bytes) -> str:
        """Write a file (replacing it when it exists); its path."""
        if len(data) > self.max_bytes:
            raise FileError(
                f"{path}: upload of {len(data)} bytes exceeds the {self.max_bytes}-byte limit"
            )
        with self._walk(path, user) as spot:
            self._replace(spot, user, path, len(data), lambda out: _write_all(out, data))
        return self.clean(path)

    def _replace(
        self, spot: Spot, user: str, shown: str, size: int, fill: Callable[[int], None]
    ) -> None:
        """Put a file of ``size`` bytes at the spot, written by ``fill(descriptor)`` into a
        staging file first; permissions and the owner's quota are checked before."""
        if spot.info is not None:
            if stat.S_ISDIR(spot.info.st_mode):
                raise FileError(f"{shown}: Is a directory")
            self._need(spot, user, WRITE, shown)
            owner = self.ownership(spot.path, spot.info)
            old = blocks(spot.info.st_size)
        else:
            parent = self._need_parent(spot, user, WRITE | SEARCH, shown)
            owner = self._new_ownership(user, parent, is_dir=False)
            old = 0
        self.quota.charge(owner.user, blocks(size) - old, shown)
        try:
            self._store(spot, fill)
        except BaseException:
            self.quota.charge(owner.user, old - blocks(size), shown)
            raise
        if spot.info is None:
            self.metadata.set(spot.path, owner)

    def _store(self, spot: Spot, fill: Callable[[int], None]) -> None:
        name = f"incoming-{secrets.token_hex(8)}"
        with self.incoming.walk("/") as staging:
            folder = staging.open_dir()
        try:
            descriptor = os.open(
                name,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                HOST_FILE_MODE,
                dir_fd=folder,
            )
            try:
                try:
                    fill(descriptor)
                finally:
                    os.close(descriptor)
                os.replace(name, spot.name, src_dir_fd=folder, dst_dir_fd=spot.folder)
            except BaseException:
                with suppress(FileNotFoundError):
                    os.unlink(name, dir_fd=folder)
                raise
        except OSError as exc:
            raise FileError(f"{spot.path}: {os.strerror(exc.errno or 0)}") from None
        finally:
            os.close(folder)

    def _store_bytes(self, spot: Spot, data: bytes) -> None:
        self._store(spot, lambda out: _write_all(out, data))

    def mkdir(self, path: str, user: str, parents: bool = False) -> None:
        clean = self.clean(path)
        if parents:
            names = clean.strip("/").split("/")
            for depth in range(1, len(names)):
                prefix = "/" + "/".join(names[:depth])
                if self.kind(prefix, user) != "dir":
                    self._mkdir_one(prefix, path, user, exist_ok=False)
        self._mkdir_one(clean, path, user, exist_ok=parents)

    def _mkdir_one(self, clean: str, shown: str, user: str, *, exist_ok: bool) -> None:
        with self._walk(clean, user) as spot:
            if spot.info is not None:
                if exist_ok and stat.S_ISDIR(spot.info.st_mode):
                    return
                raise FileError(f"mkdir: cannot create directory '{shown}': File exists")
            parent = self._need_parent(
                spot, user, WRITE | SEARCH, f"mkdir: cannot create directory '{shown}'"
            )
            owner = self._new_ownership(user, parent, is_dir=True)
            self.quota.charge(owner.user, blocks(0), shown)
            try:
                os.mkdir(spot.name, HOST_DIR_MODE, dir_fd=spot.folder)
            except FileExistsError:
                self.quota.release(owner.user, blocks(0))
                raise FileError(f"mkdir: cannot create directory '{shown}': File exists") from None
            except OSError as exc:
                self.quota.release(owner.user, blocks(0))
                raise FileError(f"{shown}: {os.strerror(exc.errno or 0)}") from None
            self.metadata.set(spot.path, owner)

    def remove(self, path: str, user: str, recursive: bool = False) -> None:
        self._check_removable(path, user)
        with self._walk(path, user, follow=False) as spot:
            if spot.info is None:
                raise MissingFile(f"rm: cannot remove '{path}': No such file or directory")
            self._need_parent(spot, user, WRITE | SEARCH, f"rm: cannot remove '{path}'")
            if stat.S_ISDIR(spot.info.st_mode):
                if not recursive:
                    raise FileError(f"rm: cannot remove '{path}': Is a directory")
                if spot.path in self.areas(user) or spot.path in self._areas:
                    raise DeniedFile(f"rm: refusing to remove '{path}'")
                self._remove_tree(spot.folder, spot.name, spot.path, spot.info, user, path)
            else:
                self._unlink(spot.folder, spot.name, spot.path, spot.info)

    def _unlink(self, folder: int, name: str, path: str, info: os.stat_result) -> None:
        owner = self.ownership(path, info)
        try:
            os.unlink(name, dir_fd=folder)
        except OSError as exc:
            raise FileError(f"{path}: {os.strerror(exc.errno or 0)}") from None
        size = info.st_size if stat.S_ISREG(info.st_mode) else 0
        self.quota.release(owner.user, blocks(size))
        self.metadata.forget(path)

    def _remove_tree(
        self, folder: int, name: str, path: str, info: os.stat_result, user: str, shown: str
    ) -> None:
        """``rm -r``: every folder emptied must be writable by ``user``."""
        owner = self.ownership(path, info)
        if not allowed(owner, user, self.groups_of(user), WRITE | SEARCH | READ):
            raise DeniedFile(f"rm: cannot remove '{shown}': Permission denied")
        try:
            inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=folder)
        except OSError as exc:
            raise FileError(f"{path}: {os.strerror(exc.errno or 0)}") from None
        try:
            for child in os.listdir(inner):
                try:
                    child_info = os.stat(child, dir_fd=inner, follow_symlinks=False)
                except FileNotFoundError:
                    continue
                child_path = posixpath.join(path, child)
                if stat.S_ISDIR(child_info.st_mode):
                    self._remove_tree(inner, child, child_path, child_info, user, shown)
                else:
                    self._unlink(inner, child, child_path, child_info)
        finally:
            os.close(inner)
        try:
            os.rmdir(name, dir_fd=folder)
        except OSError as exc:
            raise FileError(f"{path}: {os.strerror(exc.errno or 0)}") from None
        self.quota.release(owner.user, blocks(0))
        self.metadata.forget(path)  # what lay below was forgotten entry by entry

    def touch(self, path: str, user: str) -> None:
        """Create an empty file, or update the time of an existing one."""
        with self._walk(path, user) as spot:
            if spot.info is None:
                self._replace(spot, user, path, 0, lambda out: None)
                return
            self._need(spot, user, WRITE, f"cannot touch '{path}'")
            if not stat.S_ISDIR(spot.info.st_mode) and spot.info.st_nlink != 1:
                raise DeniedFile(f"cannot touch '{path}': Permission denied")  # linked in
            try:
                os.utime(spot.name, dir_fd=spot.folder, follow_symlinks=False)
            except OSError as exc:
                raise FileError(f"{path}: {os.strerror(exc.errno or 0)}") from None

    def rename(self, source: str, target: str, user: str) -> None:
        """Move a file or folder within this machine (``mv``)."""
        self._check_removable(source, user)
        with (
            self._walk(source, user, follow=False) as origin,
            self._walk(target, user, follow=False) as destination,
        ):
            if origin.info is None:
                raise MissingFile(f"cannot stat '{source}': No such file or directory")
            self._need_parent(origin, user, WRITE | SEARCH, source)
            self._need_parent(destination, user, WRITE | SEARCH, target)
            if destination.path == origin.path or destination.path.startswith(origin.path + "/"):
                raise FileError(f"cannot move '{source}' to a subdirectory of itself, '{target}'")
            replaced = destination.info
            if replaced is not None and stat.S_ISDIR(replaced.st_mode):
                raise FileError(f"cannot overwrite directory '{target}'")
            try:
                os.replace(
                    origin.name,
                    destination.name,
                    src_dir_fd=origin.folder,
                    dst_dir_fd=destination.folder,
                )
            except OSError as exc:
                raise FileError(f"{source}: {os.strerror(exc.errno or 0)}") from None
            if replaced is not None:
                owner = self.ownership(destination.path, replaced)
                size = replaced.st_size if stat.S_ISREG(replaced.st_mode) else 0
                self.quota.release(owner.user, blocks(size))
            record = self.ownership(origin.path, origin.info)
            self.metadata.move(origin.path, destination.path)
            self.metadata.set(destination.path, record)

    def copy_file(self, source: str, target: str, user: str) -> None:
        """Copy one file within this machine (``cp``)."""
        self.copy_to(source, self, target, user)

    def copy_to(self, source: str, target_fs: Filesystem, target: str, user: str) -> int:
        """Copy one file to ``target`` (on this machine or another), in chunks; the bytes."""
        with self._walk(source, user) as origin:
            if origin.info is None:
                raise MissingFile(f"{source}: No such file or directory")
            if stat.S_ISDIR(origin.info.st_mode):
                raise FileError(f"{source}: Is a directory")
            self._need(origin, user, READ, source)
            descriptor = self._open_file(origin, source)
            try:
                size = os.fstat(descriptor).st_size
                if size > target_fs.max_bytes:
                    raise FileError(
                        f"{source}: file is larger than the {target_fs.max_bytes}-byte limit"
                    )
                with target_fs._walk(target, user) as spot:
                    target_fs._replace(
                        spot, user, target, size, lambda out: _copy_all(descriptor, out, size)
                    )
            finally:
                os.close(descriptor)
        return size

    def chmod(self, path: str, user: str, mode: str) -> None:
        """``chmod mode path``: octal or symbolic; only the owner may change a mode."""
        with self._walk(path, user) as spot:
            if spot.info is None:
                raise MissingFile(f"cannot access '{path}': No such file or directory")
            owner = self.ownership(spot.path, spot.info)
            if owner.user != user and user != "root":
                raise DeniedFile(f"changing permissions of '{path}': Operation not permitted")
            try:
                changed = new_mode(mode, owner.mode, is_dir=stat.S_ISDIR(spot.info.st_mode))
            except ModeError as exc:
                raise FileError(str(exc)) from None
            self.metadata.set(spot.path, Ownership(owner.user, owner.group, changed))

    def symlink(self, target: str, link: str, user: str) -> None:
        """``ln -s target link``: the target is kept as given, a path of this machine."""
        if "\0" in target:
            raise FileError(f"failed to create symbolic link '{link}': Invalid argument")
        check_path(target)
        with self._walk(link, user, follow=False) as spot:
            if spot.info is not None:
                raise FileError(f"failed to create symbolic link '{link}': File exists")
            parent = self._need_parent(
                spot, user, WRITE | SEARCH, f"failed to create symbolic link '{link}'"
            )
            owner = self._new_ownership(user, parent, is_dir=False)
            self.quota.charge(owner.user, blocks(0), link)
            try:
                os.symlink(target, spot.name, dir_fd=spot.folder)
            except OSError as exc:
                self.quota.release(owner.user, blocks(0))
                raise FileError(f"{link}: {os.strerror(exc.errno or 0)}") from None
            self.metadata.set(spot.path, Ownership(owner.user, owner.group, 0o777))

    def _check_removable(self, path: str, user: str) -> None:
        if self.clean(path) in self.areas(user):
            raise DeniedFile(f"cannot move or remove '{path}': Permission denied")


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _copy_all(source: int, target: int, size: int) -> None:
    """Copy at most ``size`` bytes (the size checked against the limits) in chunks."""
    left = size
    while left > 0:
        chunk = os.read(source, min(CHUNK, left))
        if not chunk:
            return
        _write_all(target, chunk)
        left -= len(chunk)
