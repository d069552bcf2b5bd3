"""The commands of the simulated login node, by group, and what each is handed.

``BUILTINS`` are bash's own (they change the shell: ``cd``, ``exit``, ``set``...);
``COMMANDS`` are the programs of ``/usr/bin`` (also reachable as ``/usr/bin/NAME`` and
``/bin/NAME``, where they show in listings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...state.filesystem import FileError, Filesystem
from ..errors import ShellError

if TYPE_CHECKING:
    from ..executor import Shell
    from ..session import Session
    from ..streams import IO


@dataclass
class Invocation:
    """One command to run: its name and arguments, streams, and the shell it runs in."""

    name: str
    args: list[str]
    io: IO
    shell: Shell
    overlay: dict[str, str]
    line: int

    @property
    def session(self) -> Session:
        return self.shell.session

    @property
    def filesystem(self) -> Filesystem:
        return self.shell.session.filesystem

    @property
    def user(self) -> str:
        return self.shell.session.user

    def out(self, text: str) -> None:
        self.io.stdout.write(text)

    def err(self, text: str) -> None:
        self.io.stderr.write(text)

    def fail(self, message: str, status: int = 1) -> int:
        """A program's error line (``cat: x: No such file or directory``); ``status``."""
        self.err(f"{self.name}: {message}\n")
        return status

    def builtin_fail(self, message: str, status: int = 1) -> int:
        """A bash builtin's error line (``bash: line 3: cd: x: No such file ...``)."""
        self.err(f"{self.shell.state.script_name}: line {self.line}: {self.name}: {message}\n")
        return status

    def path(self, value: str) -> str:
        return self.shell.absolute(value)

    def read_text(self, value: str) -> str:
        """A file's text (``-`` is standard input); ShellError in the program's words."""
        if value == "-":
            return self.io.stdin.read()
        try:
            data = self.filesystem.read(self.path(value), self.user)
        except FileError as exc:
            raise ShellError(describe(value, exc)) from None
        return data.decode("utf-8", errors="replace")

    def inputs(self) -> list[tuple[str, str]]:
        """(name, text) of each file argument, or standard input without any."""
        files = [a for a in self.args if a == "-" or not a.startswith("-")]
        return [(f, self.read_text(f)) for f in files] or [("-", self.io.stdin.read())]


Command = Callable[[Invocation], int]


def describe(value: str, exc: FileError) -> str:
    """``value: reason`` with the reason as coreutils words it."""
    message = str(exc)
    for reason in (
        "No such file or directory",
        "Permission denied",
        "Is a directory",
        "Not a directory",
        "File exists",
        "Disk quota exceeded",
        "File name too long",
    ):
        if reason in message:
            return f"{value}: {reason}"
    return f"{value}: {message}"


def run_script_file(invocation: Invocation, path: str) -> int:
    """Run a script by its path (``./run.sh``), as bash would run a file with ``#!``."""
    try:
        kind = invocation.filesystem.kind(path, invocation.user)
    except FileError:
        kind = None
    if kind is None:
        return invocation.builtin_fail("No such file or directory", 127)
    if kind == "dir":
        return invocation.builtin_fail("Is a directory", 126)
    text = invocation.read_text(path)
    return invocation.shell.run_subshell(
        text,
        invocation.io,
        name=invocation.name,
        args=invocation.args,
        environment=invocation.overlay,
    )


def _registry() -> tuple[dict[str, Command], dict[str, Command]]:
    from . import core, files, permissions, slurm, system, testing, text

    builtins: dict[str, Command] = {}
    commands: dict[str, Command] = {}
    for module in (core, testing):
        builtins.update(module.BUILTINS)
    for module in (files, permissions, text, system, slurm, testing, core):
        commands.update(module.COMMANDS)
    return builtins, commands


BUILTINS, COMMANDS = _registry()
#: The names that show in ``/usr/bin`` and ``/bin``.
COMMAND_NAMES = tuple(sorted(COMMANDS))
