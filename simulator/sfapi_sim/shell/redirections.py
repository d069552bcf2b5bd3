"""Redirections: ``>``, ``>>``, ``<``, ``2>&1``, ``>&2``, ``&>``, ``/dev/null``,
here-documents and here-strings (as ``tree`` reads them), applied to a command's
streams."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..state.filesystem import FileError
from .errors import ShellError
from .expansion import Expander
from .session import Session
from .streams import IO, Discard, FileSink, Input, Sink
from .tree import FileRedirect, HereDocument, Redirect


class Redirections:
    """Opens what redirections name, for one shell; ``absolute`` resolves relative paths
    against its working folder."""

    def __init__(
        self, session: Session, expander: Expander, absolute: Callable[[str], str]
    ) -> None:
        self.session = session
        self.expander = expander
        self.absolute = absolute

    def close(self, sinks: list[Sink]) -> None:
        for sink in sinks:
            sink.close()

    def apply(self, redirects: tuple[Redirect, ...], io: IO, opened: list[Sink]) -> IO:
        """``io`` with ``redirects`` applied in order; files opened go to ``opened``
        (close them after the command)."""
        result = replace(io)
        for redirect in redirects:
            if isinstance(redirect, FileRedirect):
                result = self._file_redirect(redirect, result, opened)
            elif isinstance(redirect, HereDocument):
                result = self._heredoc(redirect, result, opened)
            else:
                text = self.expander.string(redirect.word.node)
                result = replace(result, stdin=Input(text + "\n"))
        return result

    def _heredoc(self, redirect: HereDocument, io: IO, opened: list[Sink]) -> IO:
        content = ""
        if redirect.body is not None:
            content = self.expander.heredoc(redirect.body, expand=redirect.expand)
        if redirect.strip_tabs:
            content = "\n".join(line.lstrip("\t") for line in content.split("\n"))
        return self.apply(redirect.then, replace(io, stdin=Input(content)), opened)

    def _file_redirect(self, redirect: FileRedirect, io: IO, opened: list[Sink]) -> IO:
        descriptor, operator = redirect.descriptor, redirect.operator
        target = self.expander.string(redirect.target.node)
        if operator in (">&", "<&") and (target.isdigit() or target == "-"):
            return self._duplicate(io, descriptor, operator, target)
        if operator == "<":
            return replace(io, stdin=Input(self._read_input(target)))
        append = operator in (">>", "&>>")
        sink = self._open(target, append=append)
        opened.append(sink)
        if operator in ("&>", "&>>", ">&"):
            return replace(io, stdout=sink, stderr=sink)
        if descriptor in (None, 1):
            return replace(io, stdout=sink)
        if descriptor == 2:
            return replace(io, stderr=sink)
        raise ShellError(f"{descriptor}: file descriptors above 2 are not supported here")

    def _duplicate(self, io: IO, descriptor: int | None, operator: str, target: str) -> IO:
        if operator == "<&":
            return io
        if descriptor not in (None, 1, 2):
            raise ShellError(f"{descriptor}: file descriptors above 2 are not supported here")
        if target == "-":
            if descriptor == 2:
                return replace(io, stderr=Discard())
            return replace(io, stdout=Discard())
        source = {1: io.stdout, 2: io.stderr}.get(int(target))
        if source is None:
            raise ShellError(f"{target}: Bad file descriptor")
        if descriptor == 2:
            return replace(io, stderr=source)
        return replace(io, stdout=source)

    def _open(self, target: str, *, append: bool) -> Sink:
        if target == "/dev/null":
            return Discard()
        if target in ("/dev/stdout", "/dev/stderr"):
            raise ShellError(f"{target}: use >&1 or >&2 here")
        path = self.absolute(target)
        try:
            return FileSink(
                self.session.filesystem,
                path,
                self.session.user,
                append=append,
                budget=self.session.budget,
            )
        except FileError as exc:
            raise ShellError(_file_message(target, exc)) from None

    def _read_input(self, target: str) -> str:
        if target == "/dev/null":
            return ""
        try:
            data = self.session.filesystem.read(self.absolute(target), self.session.user)
        except FileError as exc:
            raise ShellError(_file_message(target, exc)) from None
        return data.decode("utf-8", errors="replace")


def _file_message(target: str, exc: FileError) -> str:
    message = str(exc)
    for reason in ("No such file or directory", "Permission denied", "Is a directory"):
        if reason in message:
            return f"{target}: {reason}"
    return message
