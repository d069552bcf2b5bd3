"""File programs over the simulated filesystem: cat, ls, mkdir, rm, cp, mv, touch, ln.

Messages follow GNU coreutils in the C locale (``rm: cannot remove 'x': No such file or
directory``), so scripts that grep them behave as on the real machine.
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Callable

from ...state.filesystem import FileError, MissingFile
from ..errors import ShellError
from . import Command, Context, describe
from .options import parse_options


def _cat(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="nAEsuv")
    status = 0
    number = 1
    for name in parsed.operands or ["-"]:
        if name == "-" and "n" not in parsed.flags:
            # Standard input as it arrives: a pipe's text passes one pipeful at a time.
            for chunk in inv.io.stdin.chunks():
                inv.budget.tick()
                inv.out(chunk)
            continue
        try:
            content = inv.read_text(name)
        except ShellError as exc:
            status = inv.fail(exc.message)
            continue
        inv.budget.tick()
        if "n" in parsed.flags:
            lines = content.splitlines(keepends=True)
            inv.budget.reserve(len(content) + 7 * len(lines), "numbered lines")
            content = "".join(f"{number + i:6d}\t{line}" for i, line in enumerate(lines))
            number += len(lines)
        inv.out(content)
    return status


def _ls(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="laA1dhRtrFSgo", long=("color=", "all"))
    show_all = "a" in parsed.flags or "all" in parsed.long
    almost = "A" in parsed.flags
    long_format = bool({"l", "g", "o"} & parsed.flags)
    operands = parsed.operands or ["."]
    files: list[str] = []
    folders: list[str] = []
    status = 0
    for operand in operands:
        path = inv.path(operand)
        try:
            kind = inv.filesystem.kind(path, inv.user)
        except FileError as exc:
            status = inv.fail(f"cannot access {describe(repr_quote(operand), exc)}", 2)
            continue
        if kind is None:
            status = inv.fail(f"cannot access '{operand}': No such file or directory", 2)
            continue
        (folders if kind == "dir" and "d" not in parsed.flags else files).append(operand)
    blocks: list[str] = []
    failed: list[str] = []
    if files:
        blocks.append(
            "".join(_line(inv, f, inv.path(f), long_format, failed) for f in sorted(files))
        )
    for _index, folder in enumerate(sorted(folders)):
        path = inv.path(folder)
        try:
            names = inv.filesystem.names(path, inv.user)
        except FileError as exc:
            status = inv.fail(f"cannot open directory {describe(repr_quote(folder), exc)}", 2)
            continue
        if show_all:
            names = [".", "..", *names]
        elif not almost:
            names = [n for n in names if not n.startswith(".")]
        names = sorted(names, key=_sort_key)
        heading = f"{folder}:\n" if len(operands) > 1 else ""
        body = "".join(
            _line(inv, n, posixpath.normpath(posixpath.join(path, n)), long_format, failed)
            for n in names
        )
        if long_format:
            body = f"total {len(names) * 4}\n" + body
        blocks.append(heading + body)
    inv.out("\n".join(b for b in blocks if b or len(operands) > 1))
    return 1 if failed and not status else status


def repr_quote(value: str) -> str:
    return f"'{value}'"


def _sort_key(name: str) -> tuple[int, str]:
    return (0 if name in (".", "..") else 1, name)


def _line(inv: Context, shown: str, path: str, long_format: bool, failed: list[str]) -> str:
    """One entry of a listing; an entry that cannot be examined (a link leading out of
    the user's reach) shows question marks, as ls shows it, and is reported."""
    inv.budget.tick()
    if not long_format:
        return shown + "\n"
    try:
        info = inv.filesystem.stat(path, inv.user, follow=False)
    except FileError:
        inv.fail(f"cannot access '{shown}': Permission denied")
        failed.append(shown)
        return f"l????????? ? ? ? ?            ? {shown}\n"
    stamp = time.strftime("%b %d %H:%M", time.localtime(info.mtime))
    if info.target is not None:
        shown = f"{shown} -> {info.target}"
    return f"{info.perms} {info.links} {info.user} {info.group} {info.size:>6} {stamp} {shown}\n"


def _mkdir(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="pv", valued="m", long=("parents",))
    parents = "p" in parsed.flags or "parents" in parsed.long
    if not parsed.operands:
        return inv.fail("missing operand", 1)
    status = 0
    for operand in parsed.operands:
        path = inv.path(operand)
        try:
            if parents and inv.filesystem.kind(path, inv.user) == "dir":
                continue
            inv.filesystem.mkdir(path, inv.user, parents=parents)
        except FileError as exc:
            status = inv.fail(f"cannot create directory {describe(repr_quote(operand), exc)}")
    return status


def _rm(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="rRfidv", long=("recursive", "force"))
    recursive = bool({"r", "R"} & parsed.flags) or "recursive" in parsed.long
    force = "f" in parsed.flags or "force" in parsed.long
    if not parsed.operands and not force:
        return inv.fail("missing operand")
    status = 0
    for operand in parsed.operands:
        try:
            inv.filesystem.remove(inv.path(operand), inv.user, recursive=recursive)
        except MissingFile:
            if not force:
                status = inv.fail(f"cannot remove '{operand}': No such file or directory")
        except FileError as exc:
            # Refused (a system file, another user's file, one's own home): never hidden by -f.
            status = inv.fail(f"cannot remove {describe(repr_quote(operand), exc)}")
    return status


def _cp(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="rRpfavn", long=("recursive",))
    recursive = bool({"r", "R", "a"} & parsed.flags) or "recursive" in parsed.long

    def copy(source: str, source_path: str, destination: str) -> None:
        kind = _kind(inv, source_path)
        if kind is None:
            raise MissingFile(f"cannot stat '{source}': No such file or directory")
        if kind != "dir":
            _copy_file(inv, source_path, destination)
        elif recursive:
            _copy_tree(inv, source_path, destination)
        else:
            raise FileError(f"-r not specified; omitting directory '{source}'")

    return _each_source(inv, parsed.operands, copy)


def _each_source(inv: Context, operands: list[str], action: Callable[[str, str, str], None]) -> int:
    """``cp``/``mv`` operands: sources, then a target (a folder when there are several);
    ``action(source as typed, source path, destination path)`` for each source."""
    if len(operands) < 2:
        return inv.fail("missing destination file operand")
    *sources, target = operands
    target_path = inv.path(target)
    target_is_dir = _kind(inv, target_path) == "dir"
    if len(sources) > 1 and not target_is_dir:
        return inv.fail(f"target '{target}' is not a directory")
    status = 0
    for source in sources:
        source_path = inv.path(source)
        try:
            action(source, source_path, _destination(source_path, target_path, target_is_dir))
        except FileError as exc:
            status = inv.fail(_coreutils_message(str(exc), source))
    return status


def _copy_tree(inv: Context, source: str, destination: str) -> None:
    if destination == source or destination.startswith(source.rstrip("/") + "/"):
        raise FileError(f"cannot copy a directory, '{source}', into itself")
    if _kind(inv, destination) != "dir":
        inv.filesystem.mkdir(destination, inv.user)
    for name in inv.filesystem.names(source, inv.user):
        inv.budget.tick()
        child, target = posixpath.join(source, name), posixpath.join(destination, name)
        if _kind(inv, child) == "dir":
            _copy_tree(inv, child, target)
        else:
            _copy_file(inv, child, target)


def _copy_file(inv: Context, source: str, target: str) -> None:
    """Copy one file, its bytes counted toward the run's disk budget."""
    inv.budget.write(inv.filesystem.size(source, inv.user), target)
    inv.filesystem.copy_file(source, target, inv.user)


def _mv(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="finvT")

    def move(source: str, source_path: str, destination: str) -> None:
        if _kind(inv, source_path) is None and not inv.filesystem.is_link(source_path, inv.user):
            raise MissingFile(f"cannot stat '{source}': No such file or directory")
        inv.filesystem.rename(source_path, destination, inv.user)

    return _each_source(inv, parsed.operands, move)


def _touch(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="acm", valued="dtr")
    status = 0
    for operand in parsed.operands:
        try:
            inv.filesystem.touch(inv.path(operand), inv.user)
        except FileError as exc:
            status = inv.fail(f"cannot touch {describe(repr_quote(operand), exc)}")
    return status


def _ln(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="sfnvT")
    if "s" not in parsed.flags:
        return inv.fail("hard links are not supported on this machine; use ln -s")
    if not parsed.operands:
        return inv.fail("missing file operand")
    target = parsed.operands[0]
    link = parsed.operands[1] if len(parsed.operands) > 1 else posixpath.basename(target)
    link_path = inv.path(link)
    if _kind(inv, link_path) == "dir":
        link_path = posixpath.join(link_path, posixpath.basename(target))
    try:
        if "f" in parsed.flags and _kind(inv, link_path) is not None:
            inv.filesystem.remove(link_path, inv.user)
        inv.filesystem.symlink(target, link_path, inv.user)
    except FileError as exc:
        return inv.fail(_coreutils_message(str(exc), link))
    return 0


def _destination(source: str, target: str, target_is_dir: bool) -> str:
    """Where ``cp``/``mv`` put ``source``: into ``target`` when it is a folder."""
    return posixpath.join(target, posixpath.basename(source)) if target_is_dir else target


def _kind(inv: Context, path: str) -> str | None:
    try:
        return inv.filesystem.kind(path, inv.user)
    except FileError:
        return None


def _coreutils_message(message: str, operand: str) -> str:
    """A filesystem message with the absolute path replaced by what the user typed."""
    for prefix in ("rm: ", "mkdir: ", "ls: "):
        message = message.removeprefix(prefix)
    if message.startswith("/") and ": " in message:
        return describe(repr_quote(operand), FileError(message.split(": ", 1)[1]))
    return message


COMMANDS: dict[str, Command] = {
    "cat": _cat,
    "ls": _ls,
    "mkdir": _mkdir,
    "rm": _rm,
    "cp": _cp,
    "mv": _mv,
    "touch": _touch,
    "ln": _ln,
}
