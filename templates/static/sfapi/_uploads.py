"""What an upload sends: local content, sized and checked before any request, and
streamed from disk rather than read into memory."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ._scripts import checked_text
from ._workflow_errors import InvalidArgumentError, UploadTooLargeError

__all__ = ["MAX_UPLOAD_BYTES"]

#: The largest upload sent unless a call allows more (``max_bytes=``): 5 MiB, what the
#: SF API's upload (meant for small files, as its documentation says) accepts in the
#: simulator. Larger data goes through Globus.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class LocalContent:
    """Content ready to send: bytes, or a binary file read in chunks while sending."""

    content: bytes | IO[bytes]
    size: int
    name: str | None


def _too_large(what: str, size: int | None, limit: int) -> UploadTooLargeError:
    shown = f"{size} bytes" if size is not None else f"more than {limit} bytes"
    return UploadTooLargeError(
        f"{what} is {shown}, over the upload limit of {limit} bytes; pass max_bytes= to "
        "allow more where the service accepts it, or move large data with Globus"
    )


class _Sized(io.RawIOBase):
    """A file sent as exactly the ``size`` bytes it was measured to hold, from its start.

    The request announces that size before the first byte goes out: a file that grows
    meanwhile (a log still being written) sends the bytes it had when measured, and one
    that shrinks fails the upload with InvalidArgumentError rather than a protocol error
    of the HTTP library. It has no descriptor, so it is measured by seeking.
    """

    def __init__(self, file: IO[bytes], size: int, name: str) -> None:
        super().__init__()
        self._file = file
        self._size = size
        self._name = name
        self._sent = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._sent

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if (offset, whence) == (0, os.SEEK_END):
            return self._size  # measured, never moved to
        if (offset, whence) != (0, os.SEEK_SET):
            raise io.UnsupportedOperation("an upload is rewound to its start only")
        self._file.seek(0)
        self._sent = 0
        return 0

    def read(self, size: int | None = -1) -> bytes:
        remaining = self._size - self._sent
        if size is None or size < 0 or size > remaining:
            size = remaining
        if size == 0:
            return b""
        chunk = self._file.read(size)
        if not chunk:
            raise InvalidArgumentError(
                f"{self._name} shrank while it was uploaded: {self._sent} of the "
                f"{self._size} bytes measured were there"
            )
        self._sent += len(chunk)
        return chunk

    def readinto(self, buffer: Any) -> int:
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _seekable_size(file: IO[Any]) -> int | None:
    """The whole size of a binary file that can be measured without reading it.

    None for what only reading can measure: devices and pipes (``/dev/zero`` seeks, and
    says it holds nothing), and files of size 0, which are either empty or, like the
    files of ``/proc``, made up as they are read.
    """
    try:
        status = os.fstat(file.fileno())
    except (AttributeError, OSError, io.UnsupportedOperation):
        pass
    else:
        if stat.S_ISREG(status.st_mode) and status.st_size:
            return status.st_size
        return None
    try:
        if not file.seekable():
            return None
        offset = file.tell()
        size = file.seek(0, os.SEEK_END)
        file.seek(offset)
        return size
    except (AttributeError, OSError, io.UnsupportedOperation):
        return None


@contextmanager
def local_content(
    file: IO[bytes] | IO[str] | bytes | os.PathLike[str], limit: int, what: str | None = None
) -> Iterator[LocalContent]:
    """``file`` as content to upload, refused (UploadTooLargeError) when over ``limit``
    bytes, before any request.

    A local path is opened here and streamed, and closed when the block ends; an open
    binary file whose size can be measured is streamed whole, from its start, as exactly
    the bytes measured; any other file (a pipe, a device, a file of ``/proc``) is read,
    at most ``limit + 1`` units, to learn its size. ``what`` names the file in errors.
    """
    if isinstance(file, bytes):
        if len(file) > limit:
            raise _too_large("the content", len(file), limit)
        yield LocalContent(file, len(file), None)
        return
    if isinstance(file, os.PathLike):
        local = Path(file)
        if local.is_dir():
            raise InvalidArgumentError(f"{local} is a directory; upload files one at a time")
        if not local.exists():
            raise InvalidArgumentError(f"local file {local} does not exist")
        if not local.is_file():  # a pipe would block, a device never end
            raise InvalidArgumentError(f"local file {local} is not a regular file")
        with (
            local.open("rb") as opened,
            local_content(opened, limit, f"local file {local}") as content,
        ):
            yield LocalContent(content.content, content.size, local.name)
        return
    raw_name = getattr(file, "filename", None) or getattr(file, "name", None)
    name = os.path.basename(raw_name) if isinstance(raw_name, str) else None
    if not isinstance(file, io.TextIOBase):
        measured = _seekable_size(file)
        if measured is not None:
            shown = what or f"file {name or ''}".strip()
            if measured > limit:
                raise _too_large(shown, measured, limit)
            yield LocalContent(_Sized(file, measured, shown), measured, name)  # type: ignore[arg-type]
            return
    read: bytes | str = file.read(limit + 1)
    data = checked_text(read, "the text to upload").encode() if isinstance(read, str) else read
    if len(data) > limit:
        raise _too_large(what or f"file {name or ''}".strip(), None, limit)
    yield LocalContent(data, len(data), name)
