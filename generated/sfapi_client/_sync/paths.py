# Copied from templates/static/sfapi/_async/paths.py by `python -m generator codegen`. Do not edit here.
"""Files and directories on a machine, as paths with their ``ls -l`` details."""

from __future__ import annotations

import base64
import binascii
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING, Any

from .._exceptions import ResponseDecodeError
from .._remote_paths import checked_remote_path
from .._scripts import checked_text
from .._uploads import MAX_UPLOAD_BYTES, local_content
from .._workflow_errors import InvalidArgumentError
from ..models import DirectoryEntry
from .scope import scope_of

if TYPE_CHECKING:
    from .scope import MachineScope, ScopeOwner

__all__ = ["RemotePath"]

#: ``open()`` modes: read or write, text or binary (``rb`` and ``br`` alike).
_MODES = frozenset({"r", "rb", "br", "w", "wb", "bw"})


class RemotePath:
    """A path on a machine, with the details ``ls`` reported for it (if any).

    ``compute.ls()`` makes them; ``RemotePath(path, compute=machine)`` makes one by
    hand. Joins with ``/`` like a ``PurePosixPath`` (``name``, ``parent``, ``parents``,
    ``parts``, ``stem``, ``suffix``, ``suffixes``). ``perms``, ``size``, ``user``,
    ``group`` and ``date`` come from the ``ls`` entry (None until the path was listed);
    ``is_dir()``, ``is_file()`` and ``is_symlink()`` list it first when needed. Reading
    and writing need an absolute path and a machine: ValueError before any request
    otherwise.

    The path is checked when the object is made: ValueError for a ``.`` or ``..``
    segment (refused, not resolved), a control character or invalid text. Repeated and
    trailing slashes are normalised away.

    Arguments:
        path: the path on the machine.
        compute: the machine it is on (``client.compute(...)``, or its scope).
        entry: its ``ls`` entry, when it was listed.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        compute: MachineScope | ScopeOwner | None = None,
        entry: DirectoryEntry | None = None,
    ) -> None:
        text = checked_remote_path(os.fspath(path), absolute=False)
        if text.startswith("/"):
            text = "/" + text.lstrip("/")  # the API may list "//global/..."
        self.compute = scope_of(compute)
        """The scope of the machine the path is on (None for a path not tied to one yet)."""
        self.path = PurePosixPath(text)
        """The path itself."""
        self.entry = entry
        """Its ``ls`` entry (None until the path was listed)."""

    def __repr__(self) -> str:
        machine = self.compute.machine.value if self.compute else "?"
        return f"{type(self).__name__}({machine}:{self.path})"

    def __str__(self) -> str:
        return str(self.path)

    def _machine_name(self) -> str | None:
        return self.compute.machine.value if self.compute else None

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, RemotePath)
            and other._machine_name() == self._machine_name()
            and other.path == self.path
        )

    def __hash__(self) -> int:
        return hash((self._machine_name(), self.path))

    def __truediv__(self, other: str | os.PathLike[str] | RemotePath) -> RemotePath:
        tail = other.path if isinstance(other, RemotePath) else os.fspath(other)
        return type(self)(self.path / tail, self.compute)

    def __rtruediv__(self, other: str | os.PathLike[str]) -> RemotePath:
        return type(self)(PurePosixPath(os.fspath(other)) / self.path, self.compute)

    def located(self) -> tuple[MachineScope, str]:
        """The machine and the absolute path to send; ValueError when either is missing."""
        if self.compute is None:
            raise InvalidArgumentError(f"{self.path} has no machine: make it with compute=")
        if not self.path.is_absolute():
            raise InvalidArgumentError(
                f"remote paths to read or write are absolute; {self.path} is not"
            )
        return self.compute, str(self.path)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def parent(self) -> RemotePath:
        return type(self)(self.path.parent, self.compute)

    @property
    def parents(self) -> list[RemotePath]:
        return [type(self)(p, self.compute) for p in self.path.parents]

    @property
    def parts(self) -> tuple[str, ...]:
        return self.path.parts

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def suffix(self) -> str:
        return self.path.suffix

    @property
    def suffixes(self) -> list[str]:
        return self.path.suffixes

    @property
    def perms(self) -> str | None:
        return self.entry.perms if self.entry else None

    @property
    def size(self) -> float | None:
        return self.entry.size if self.entry else None

    @property
    def user(self) -> str | None:
        return self.entry.user if self.entry else None

    @property
    def group(self) -> str | None:
        return self.entry.group if self.entry else None

    @property
    def date(self) -> str | None:
        return self.entry.date if self.entry else None

    def _kind(self) -> str:
        """The first letter of the ``ls`` permissions (``d``, ``-``, ``l``); blank if unknown."""
        return (self.perms or " ")[0]

    def _known_kind(self) -> str:
        if self.entry is None:
            self.update()
        return self._kind()

    def is_dir(self) -> bool:
        """True for a directory (from the ``ls`` permissions string, read if missing)."""
        return self._known_kind() == "d"

    def is_file(self) -> bool:
        """True for a regular file."""
        return self._known_kind() == "-"

    def is_symlink(self) -> bool:
        """True for a symbolic link."""
        return self._known_kind() == "l"

    def update(self) -> RemotePath:
        """Read this path's ``ls`` details."""
        compute, path = self.located()
        self.entry = (compute.ls(path, directory=True))[0].entry
        return self

    def ls(self) -> list[RemotePath]:
        """The entries of this directory (or this file alone)."""
        compute, path = self.located()
        return compute.ls(path)

    def download(self, binary: bool = False) -> IO[Any]:
        """The file's content as a file object: ``StringIO``, or ``BytesIO`` with ``binary``.

        The API serves small files only.

        Arguments:
            binary: give the content as bytes rather than text.

        Raises:
            IsADirectoryError: for a directory (nothing is sent when the path's details
                are known).
        """
        compute, path = self.located()
        if self._kind() == "d":
            raise IsADirectoryError(f"{path} is a directory; only files can be downloaded")
        answer = compute.context.api.utilities.download_file(
            compute.machine,
            path,
            binary=binary,
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

    def upload(
        self,
        file: IO[bytes] | IO[str] | bytes | os.PathLike[str],
        filename: str | None = None,
        *,
        max_bytes: int = MAX_UPLOAD_BYTES,
    ) -> RemotePath:
        """Write ``file`` to this path; into it, under the file's name, if it is a directory.

        A local path, or an open binary file that can be measured, is streamed from
        disk in chunks (an open file whole, from its start), never read into memory at
        once.

        Arguments:
            file: an open file, bytes, or the path of a local file.
            filename: the name to write it under in a directory (an open file's
                ``filename`` or ``name`` attribute, or a local file's name, otherwise).
            max_bytes: the largest content sent (default ``MAX_UPLOAD_BYTES``, 5 MiB).

        Raises:
            UploadTooLargeError: the content is over ``max_bytes`` (also a ValueError),
                before anything is sent.
            InvalidArgumentError: for a local directory or a nameless upload into a
                directory (also a ValueError), before anything is sent.
        """
        compute, _ = self.located()
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
            raise InvalidArgumentError(f"max_bytes is a number of bytes, not {max_bytes!r}")
        if filename is not None:
            checked_text(filename, "the upload's filename")
        with local_content(file, max_bytes) as local:
            target = self.path
            if self._kind() == "d":
                name = filename or local.name
                if not name:
                    raise InvalidArgumentError(
                        f"{self.path} is a directory: give a filename for the upload"
                    )
                target = type(self)(self.path / name, compute).path
            compute.context.api.utilities.upload_file(
                compute.machine,
                str(target),
                file=(filename or local.name or target.name, local.content),
            )
        return type(self)(target, compute)

    @contextmanager
    def open(self, mode: str = "r") -> Iterator[IO[Any]]:
        """Open the remote file: read modes download it, write modes upload it on close.

        Arguments:
            mode: ``r``, ``rb``, ``w`` or ``wb`` (text or bytes).
        """
        if mode not in _MODES:
            raise ValueError(f"mode must be one of {sorted(_MODES)}, not {mode!r}")
        binary = "b" in mode
        if "r" in mode:
            yield self.download(binary=binary)
            return
        if binary:
            binary_buffer = io.BytesIO()
            yield binary_buffer
            self.upload(binary_buffer.getvalue())
        else:
            text_buffer = io.StringIO()
            yield text_buffer
            self.upload(text_buffer.getvalue().encode())
