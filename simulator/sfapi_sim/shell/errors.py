"""The ways a shell run stops early, as exceptions the executor catches where bash would."""

from __future__ import annotations


class ShellError(Exception):
    """An error bash reports and recovers from (the command fails, the script goes on)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class ShellSyntaxError(ShellError):
    """The text is not a script this shell can parse (bash's exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 2)


class FatalShellError(ShellError):
    """An error that ends the whole script, as bash ends a non-interactive shell (``set -u``)."""


class ExitRequest(Exception):
    """``exit N``: leave the current shell (or subshell) with ``status``."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class ReturnRequest(Exception):
    """``return N`` from a function or sourced file."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class LoopControl(Exception):
    """``break N`` or ``continue N``."""

    def __init__(self, kind: str, levels: int) -> None:
        super().__init__(kind, levels)
        self.kind = kind
        self.levels = levels


class Stopped(Exception):
    """The run was stopped from outside or by a limit; ``reason`` says why.

    ``kind`` is ``cancelled`` (the task or job was cancelled), ``time`` (the run-time
    limit) or ``limit`` (output, steps or nesting past their caps).
    """

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
