"""The commands ``/utilities/command`` runs: an allow-list, interpreted in Python over the
simulated filesystem. Nothing ever reaches a real shell."""

from __future__ import annotations

import posixpath
import shlex
from dataclasses import dataclass
from datetime import UTC, datetime

from .state.filesystem import FileError, Filesystem, home_of

ALLOWED = ("cat", "date", "echo", "hostname", "ls", "mkdir", "pwd", "rm", "sleep", "whoami")
_OPERATORS = ";|&<>()"
#: The longest ``sleep`` a command may ask for (seconds).
MAX_SLEEP = 30.0


@dataclass(frozen=True)
class CommandOutcome:
    """What a command printed, its error, its exit code, and how long it "ran"."""

    output: str
    error: str | None
    exit_code: int
    duration: float = 0.0


def run_command(line: str, filesystem: Filesystem, user: str, now: float) -> CommandOutcome:
    """Run one allow-listed command line as ``user`` on a machine."""
    try:
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = list(lexer)
    except ValueError as exc:
        return CommandOutcome("", f"syntax error: {exc}", 2)
    if not words:
        return CommandOutcome("", "empty command", 2)
    if any(w and set(w) <= set(_OPERATORS) for w in words) or any(
        "$(" in w or "`" in w for w in words
    ):
        return CommandOutcome(
            "", "pipes, redirections, substitutions and command lists are not supported", 2
        )
    name, args = words[0], words[1:]
    if name not in ALLOWED:
        return CommandOutcome(
            "", f"{name}: command not allowed (allowed: {', '.join(ALLOWED)})", 126
        )
    cwd = home_of(user)
    try:
        return _RUNNERS[name](args, filesystem, user, cwd, now)
    except FileError as exc:
        return CommandOutcome("", f"{name}: {exc}", 1)


def _absolute(path: str, cwd: str) -> str:
    return path if path.startswith("/") else posixpath.join(cwd, path)


def _echo(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    return CommandOutcome(" ".join(args) + "\n", None, 0)


def _cat(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    if not args:
        return CommandOutcome("", "cat: no file given", 1)
    data = b"".join(fs.read(_absolute(a, cwd), user) for a in args)
    return CommandOutcome(data.decode("utf-8", errors="replace"), None, 0)


def _ls(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    paths = [a for a in args if not a.startswith("-")] or [cwd]
    lines = []
    for path in paths:
        entries = fs.ls(_absolute(path, cwd), user)
        lines += [str(e["name"]) for e in entries if e["name"] not in (".", "..")]
    return CommandOutcome("\n".join(lines) + ("\n" if lines else ""), None, 0)


def _mkdir(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    parents = "-p" in args
    for path in (a for a in args if not a.startswith("-")):
        fs.mkdir(_absolute(path, cwd), user, parents=parents)
    return CommandOutcome("", None, 0)


def _rm(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    flags = "".join(a[1:] for a in args if a.startswith("-"))
    for path in (a for a in args if not a.startswith("-")):
        try:
            fs.remove(_absolute(path, cwd), user, recursive="r" in flags)
        except FileError:
            if "f" not in flags:
                raise
    return CommandOutcome("", None, 0)


def _pwd(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    return CommandOutcome(cwd + "\n", None, 0)


def _hostname(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    return CommandOutcome(f"{fs.machine}-login01\n", None, 0)


def _whoami(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    return CommandOutcome(user + "\n", None, 0)


def _date(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    return CommandOutcome(
        datetime.fromtimestamp(now, UTC).strftime("%a %b %d %H:%M:%S UTC %Y") + "\n", None, 0
    )


def _sleep(args: list[str], fs: Filesystem, user: str, cwd: str, now: float) -> CommandOutcome:
    try:
        seconds = float(args[0]) if args else 0.0
    except ValueError:
        return CommandOutcome("", f"sleep: invalid time interval '{args[0]}'", 1)
    if not 0 <= seconds <= MAX_SLEEP:
        return CommandOutcome("", f"sleep: at most {MAX_SLEEP:g} seconds here", 1)
    return CommandOutcome("", None, 0, duration=seconds)


_RUNNERS = {
    "cat": _cat,
    "date": _date,
    "echo": _echo,
    "hostname": _hostname,
    "ls": _ls,
    "mkdir": _mkdir,
    "pwd": _pwd,
    "rm": _rm,
    "sleep": _sleep,
    "whoami": _whoami,
}
