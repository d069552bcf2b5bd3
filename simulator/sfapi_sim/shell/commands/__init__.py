"""The commands of the simulated login node, by group, and what each is handed.

``BUILTINS`` are bash's own (they change the shell: ``cd``, ``exit``, ``set``...);
``COMMANDS`` are the programs of ``/usr/bin`` (also reachable as ``/usr/bin/NAME`` and
``/bin/NAME``, where they show in listings).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Protocol

from ...state.filesystem import FileError, Filesystem
from ..errors import ShellError

if TYPE_CHECKING:
    from ..budget import Budget
    from ..executor import Shell
    from ..session import Session
    from ..streams import IO


class Runner(Protocol):
    """The interpreter as a program may use it: run another command or a script."""

    def invoke(self, words: list[str], io: IO, overlay: dict[str, str], line: int) -> int:
        """Run a command given as words (``env CMD``, ``srun CMD``, ``command CMD``)."""
        ...

    def run_subshell(
        self,
        source: str,
        io: IO,
        *,
        name: str,
        args: list[str],
        options: tuple[str, ...] = (),
        environment: dict[str, str] | None = None,
    ) -> int:
        """Run ``source`` in a new shell (``bash -c``, ``bash script``, ``./script``)."""
        ...


@dataclass(kw_only=True)
class Context:
    """What a program is handed: its name and arguments, its streams, the folder it runs
    in, its environment, the machine and user (``session``), the run's budgets, and a
    way to run another command. It never sees the interpreter's variables or functions.
    """

    name: str
    args: list[str]
    io: IO
    cwd: str
    #: The variables given on its command line (``X=1 cmd``), added to the environment.
    overlay: dict[str, str]
    #: The exported variables with ``overlay`` on top, as the program's environment.
    environment: dict[str, str]
    session: Session
    runner: Runner
    #: ``$0`` of the shell and the line of the command (for bash's message prefix).
    script_name: str = "bash"
    line: int = 0

    @property
    def budget(self) -> Budget:
        return self.session.budget

    @property
    def filesystem(self) -> Filesystem:
        return self.session.filesystem

    @property
    def user(self) -> str:
        return self.session.user

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
        self.err(f"{self.script_name}: line {self.line}: {self.name}: {message}\n")
        return status

    def path(self, value: str) -> str:
        """``value`` against the working folder, normalised."""
        return posixpath.normpath(posixpath.join(self.cwd, value or "."))

    def read_text(self, value: str) -> str:
        """A file's text (``-`` is standard input); ShellError in the program's words."""
        if value == "-":
            return self.io.stdin.read()
        if value == "/dev/null":
            return ""
        try:
            data = self.filesystem.read(self.path(value), self.user)
        except FileError as exc:
            raise ShellError(describe(value, exc)) from None
        return data.decode("utf-8", errors="replace")

    def inputs(self) -> list[tuple[str, str]]:
        """(name, text) of each file argument, or standard input without any."""
        files = [a for a in self.args if a == "-" or not a.startswith("-")]
        return [(f, self.read_text(f)) for f in files] or [("-", self.io.stdin.read())]

    def run(self, words: list[str], overlay: dict[str, str] | None = None) -> int:
        """Run another command with this one's streams (``env``, ``srun``, ``exec``)."""
        chosen = self.overlay if overlay is None else overlay
        return self.runner.invoke(words, self.io, chosen, self.line)

    def run_script(
        self, source: str, *, name: str, args: list[str], options: tuple[str, ...] = ()
    ) -> int:
        """Run ``source`` as a new shell with this command's streams and environment."""
        return self.runner.run_subshell(
            source, self.io, name=name, args=args, options=options, environment=self.overlay
        )


@dataclass(kw_only=True)
class BuiltinContext(Context):
    """What a bash builtin is handed: a program's context and the shell it changes
    (``cd``, ``set``, ``read``, ``eval``...)."""

    shell: Shell


#: A program of ``/usr/bin``; a builtin of bash.
Command = Callable[[Context], int]
Builtin = Callable[[BuiltinContext], int]


def program_context(
    shell: Shell, name: str, args: list[str], io: IO, overlay: dict[str, str], line: int
) -> Context:
    """What a program started from ``shell`` is handed."""
    return Context(
        name=name,
        args=args,
        io=io,
        cwd=shell.state.cwd,
        overlay=overlay,
        environment=shell.state.environment(overlay),
        session=shell.session,
        runner=shell,
        script_name=shell.state.script_name,
        line=line,
    )


def builtin_context(
    shell: Shell, name: str, args: list[str], io: IO, overlay: dict[str, str], line: int
) -> BuiltinContext:
    """What a builtin run in ``shell`` is handed: a program's context and the shell itself."""
    program = program_context(shell, name, args, io, overlay, line)
    settings: dict[str, Any] = {f.name: getattr(program, f.name) for f in fields(program) if f.init}
    return BuiltinContext(**settings, shell=shell)


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


def run_script_file(ctx: Context, path: str) -> int:
    """Run a script by its path (``./run.sh``), as bash would run a file with ``#!``."""
    try:
        kind = ctx.filesystem.kind(path, ctx.user)
    except FileError:
        kind = None
    if kind is None:
        return ctx.builtin_fail("No such file or directory", 127)
    if kind == "dir":
        return ctx.builtin_fail("Is a directory", 126)
    return ctx.run_script(ctx.read_text(path), name=ctx.name, args=ctx.args)


def _registry() -> tuple[dict[str, Builtin], dict[str, Command]]:
    from . import columns, core, files, permissions, producers, slurm, system, testing, text

    builtins: dict[str, Builtin] = {}
    commands: dict[str, Command] = {}
    for module in (core, testing):
        builtins.update(module.BUILTINS)
    for module in (files, permissions, text, columns, producers, system, slurm, testing, core):
        commands.update(module.COMMANDS)
    return builtins, commands


BUILTINS, COMMANDS = _registry()
#: The names that show in ``/usr/bin`` and ``/bin``.
COMMAND_NAMES = tuple(sorted(COMMANDS))
