"""Where a command's output goes: a bounded in-memory capture, a file, or nowhere.

Every sink is bounded, so no command line (``cat f f f ...``, an endless loop that
prints) can hold more than its cap in memory: past it the run stops with a clear reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..state.filesystem import FileError, Filesystem
from .budget import Budget
from .errors import ShellError, Stopped


class Sink(Protocol):
    """Something a command writes text to."""

    def write(self, text: str) -> None: ...

    def close(self) -> None: ...


class Capture:
    """Text kept in memory, at most ``limit`` characters; with a ``budget``, what it
    holds also counts toward the run's memory until :meth:`release`."""

    def __init__(self, limit: int, what: str = "output", budget: Budget | None = None) -> None:
        self.limit = limit
        self.what = what
        self.budget = budget
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        if self._size + len(text) > self.limit:
            raise Stopped("limit", f"the {self.what} exceeds the {self.limit}-character limit")
        if self.budget is not None:
            self.budget.hold(len(text), f"the {self.what}")
        self._size += len(text)
        self._parts.append(text)

    def close(self) -> None:
        """Nothing to flush: the text stays readable."""

    def release(self) -> str:
        """The text, no longer counted toward the run's memory (its reader holds it)."""
        text = self.text()
        if self.budget is not None:
            self.budget.drop(self._size)
            self.budget = None
        return text

    def text(self) -> str:
        joined = "".join(self._parts)
        self._parts = [joined]
        return joined


class Discard:
    """``/dev/null``."""

    def write(self, text: str) -> None:
        """Dropped, as the device drops it."""

    def close(self) -> None:
        """Nothing to flush."""


class FileSink:
    """A file opened by a redirection: truncated (or created) at once, written on close
    (and whenever ``flush`` is called: a job's output shows while it runs).

    Opening checks what bash checks when it opens the file (the folder exists, the user
    may write there), so a bad target fails before the command runs.
    """

    def __init__(
        self,
        filesystem: Filesystem,
        path: str,
        user: str,
        *,
        append: bool,
        budget: Budget | None = None,
    ) -> None:
        self.filesystem = filesystem
        self.path = path
        self.user = user
        self.budget = budget
        existing = b""
        if append and filesystem.is_file(path, user):
            existing = filesystem.read(path, user)
        if filesystem.is_dir(path, user):
            raise ShellError(f"{path}: Is a directory")
        filesystem.write(path, user, existing)
        self._buffer = Capture(filesystem.max_bytes, what=f"file {path}")
        self._buffer.write(existing.decode("utf-8", errors="replace"))
        self._written = len(existing)

    def write(self, text: str) -> None:
        self._buffer.write(text)

    def close(self) -> None:
        self.flush()

    def flush(self) -> None:
        """Write what was written so far into the file."""
        data = self._buffer.text().encode("utf-8", errors="surrogateescape")
        if len(data) == self._written:
            return
        if self.budget is not None and len(data) > self._written:
            self.budget.write(len(data) - self._written, self.path)
        try:
            self.filesystem.write(self.path, self.user, data)
        except FileError as exc:
            raise ShellError(str(exc)) from None
        self._written = len(data)


class Input:
    """Standard input: text read by lines (``read``) or whole (``cat``)."""

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._position = 0

    def read(self) -> str:
        rest = self._text[self._position :]
        self._position = len(self._text)
        return rest

    def readline(self) -> str | None:
        """The next line with its newline, or None at the end."""
        if self._position >= len(self._text):
            return None
        end = self._text.find("\n", self._position)
        end = len(self._text) if end < 0 else end + 1
        line = self._text[self._position : end]
        self._position = end
        return line

    def drop_read_ahead(self) -> None:
        """A program that reads by blocks (``head``) has ended: what it read beyond the
        lines it used is gone for the next reader. Text in memory was read whole."""
        self._position = len(self._text)

    def chunks(self) -> Iterator[str]:
        """The rest of the input piece by piece, as it arrives (a pipe's, pipeful by
        pipeful), so a program that streams holds no more than one piece."""
        rest = self.read()
        if rest:
            yield rest


@dataclass
class IO:
    """The standard streams of a command: input text and two sinks."""

    stdin: Input
    stdout: Sink
    stderr: Sink
