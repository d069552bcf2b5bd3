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


def _seekable_size(file: IO[Any]) -> int | None:
    """The whole size of a binary file that can be measured without reading it."""
    try:
        status = os.fstat(file.fileno())
        if stat.S_ISREG(status.st_mode):
            return status.st_size
    except (AttributeError, OSError, io.UnsupportedOperation):
        pass
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
    file: IO[bytes] | IO[str] | bytes | os.PathLike[str], limit: int
) -> Iterator[LocalContent]:
    """``file`` as content to upload, refused (UploadTooLargeError) when over ``limit``
    bytes, before any request.

    A local path is opened here and streamed, and closed when the block ends; an open
    binary file whose size can be measured is streamed whole, from its start; any other
    file is read, at most ``limit + 1`` units, to learn its size.
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
        if not local.is_file():
            raise InvalidArgumentError(f"local file {local} does not exist")
        size = local.stat().st_size
        if size > limit:
            raise _too_large(f"local file {local}", size, limit)
        with local.open("rb") as opened:
            yield LocalContent(opened, size, local.name)
        return
    raw_name = getattr(file, "filename", None) or getattr(file, "name", None)
    name = os.path.basename(raw_name) if isinstance(raw_name, str) else None
    if not isinstance(file, io.TextIOBase):
        measured = _seekable_size(file)
        if measured is not None:
            if measured > limit:
                raise _too_large(f"file {name or ''}".strip(), measured, limit)
            yield LocalContent(file, measured, name)  # type: ignore[arg-type]
            return
    read: bytes | str = file.read(limit + 1)
    data = checked_text(read, "the text to upload").encode() if isinstance(read, str) else read
    if len(data) > limit:
        raise _too_large(f"file {name or ''}".strip(), None, limit)
    yield LocalContent(data, len(data), name)
