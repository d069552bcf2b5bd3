"""Files and directories on a machine, as paths with their ``ls -l`` details."""

from __future__ import annotations

import base64
import binascii
import io
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any

from .._exceptions import ResponseDecodeError
from .._remote_paths import checked_remote_path
from .._scripts import checked_text
from ..models import DirectoryEntry

if TYPE_CHECKING:
    from .compute import AsyncCompute

__all__ = ["AsyncRemotePath"]

_MODES = frozenset({"r", "rb", "w", "wb"})


class AsyncRemotePath:
    """An absolute path on a machine, with the details ``ls`` reported for it (if any).

    Joins with ``/`` like a ``PurePosixPath``; ``name``, ``parent``, ``size``, ``perms``,
    ``user``, ``group``, ``date``, and ``is_dir()``/``is_file()``/``is_symlink()`` read
    the ``ls`` entry.

    The path is checked when the object is made: ValueError for a relative path, a
    ``.`` or ``..`` segment (refused, not resolved), a control character or invalid
    text. Repeated and trailing slashes are normalised away.
    """

    def __init__(
        self, compute: AsyncCompute, path: str | PurePosixPath, entry: DirectoryEntry | None = None
    ) -> None:
        text = checked_remote_path(str(path))
        self.compute = compute
        self.path = PurePosixPath("/" + text.lstrip("/"))
        self.entry = entry

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.compute.machine.value}:{self.path})"

    def __str__(self) -> str:
        return str(self.path)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, AsyncRemotePath)
            and other.compute.machine == self.compute.machine
            and other.path == self.path
        )

    def __hash__(self) -> int:
        return hash((self.compute.machine, self.path))

    def __truediv__(self, other: str) -> AsyncRemotePath:
        return type(self)(self.compute, self.path / other)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def parent(self) -> AsyncRemotePath:
        return type(self)(self.compute, self.path.parent)

    def _details(self) -> DirectoryEntry:
        if self.entry is None:
            raise ValueError(
                f"{self.path} has no ls details yet: call update() or use compute.ls()"
            )
        return self.entry

    @property
    def perms(self) -> str | None:
        return self._details().perms

    @property
    def size(self) -> float | None:
        return self._details().size

    @property
    def user(self) -> str | None:
        return self._details().user

    @property
    def group(self) -> str | None:
        return self._details().group

    @property
    def date(self) -> str | None:
        return self._details().date

    def is_dir(self) -> bool:
        """True for a directory (from the ``ls`` permissions string)."""
        return (self._details().perms or "").startswith("d")

    def is_file(self) -> bool:
        """True for a regular file."""
        return (self._details().perms or "").startswith("-")

    def is_symlink(self) -> bool:
        """True for a symbolic link."""
        return (self._details().perms or "").startswith("l")

    async def update(self) -> AsyncRemotePath:
        """Read this path's ``ls`` details."""
        self.entry = (await self.compute.ls(str(self.path), directory=True))[0].entry
        return self

    async def ls(self) -> list[AsyncRemotePath]:
        """The entries of this directory (or this file alone)."""
        return await self.compute.ls(str(self.path))

    async def download(self, binary: bool = False) -> IO[Any]:
        """The file's content as a file object: ``StringIO``, or ``BytesIO`` with ``binary``.

        The API serves small files only. ValueError for a directory (nothing is sent
        when the path's details are known).
        """
        if self.entry is not None and self.is_dir():
            raise ValueError(f"{self.path} is a directory; only files can be downloaded")
        answer = await self.compute.client.api_client.utilities.download_file(
            self.compute.machine, str(self.path), binary=binary
        )
        content = answer.file or ""
        if not binary:
            return io.StringIO(content)
        if not answer.is_binary:
            return io.BytesIO(content.encode())
        try:
            return io.BytesIO(base64.b64decode(content, validate=True))
        except (binascii.Error, ValueError):
            raise ResponseDecodeError(
                f"download_file: the content of {self.path} is not valid base64",
                operation="download_file",
            ) from None

    async def upload(
        self, file: IO[bytes] | IO[str] | bytes | os.PathLike[str], filename: str | None = None
    ) -> AsyncRemotePath:
        """Write ``file`` to this path; into it, under the file's name, if it is a directory.

        ``file`` is an open file, bytes, or the path of a local file. ValueError for a
        local directory or a nameless upload into a directory, before anything is sent.
        """
        content, local_name = _read_local(file)
        target = self.path
        if filename is not None:
            checked_text(filename, "the upload's filename")
        if self.entry is not None and self.is_dir():
            name = filename or local_name
            if not name:
                raise ValueError(f"{self.path} is a directory: give a filename for the upload")
            target = type(self)(self.compute, self.path / name).path
        await self.compute.client.api_client.utilities.upload_file(
            self.compute.machine, str(target), file=(filename or local_name or target.name, content)
        )
        return type(self)(self.compute, target)

    @asynccontextmanager
    async def open(self, mode: str = "r") -> AsyncIterator[IO[Any]]:
        """Open the remote file: read modes download it, write modes upload it on close."""
        if mode not in _MODES:
            raise ValueError(f"mode must be one of {sorted(_MODES)}, not {mode!r}")
        if mode.startswith("r"):
            yield await self.download(binary=mode == "rb")
            return
        if mode == "wb":
            binary_buffer = io.BytesIO()
            yield binary_buffer
            await self.upload(binary_buffer.getvalue())
        else:
            text_buffer = io.StringIO()
            yield text_buffer
            await self.upload(text_buffer.getvalue().encode())


def _read_local(file: IO[bytes] | IO[str] | bytes | os.PathLike[str]) -> tuple[bytes, str | None]:
    """The bytes to upload and the local name (if any)."""
    if isinstance(file, bytes):
        return file, None
    if isinstance(file, os.PathLike):
        local = Path(file)
        if local.is_dir():
            raise ValueError(f"{local} is a directory; upload files one at a time")
        if not local.is_file():
            raise ValueError(f"local file {local} does not exist")
        return local.read_bytes(), local.name
    data = file.read()
    name = getattr(file, "name", None)
    raw = checked_text(data, "the text to upload").encode() if isinstance(data, str) else data
    return raw, os.path.basename(name) if isinstance(name, str) else None
