"""``chmod``: change the mode bits of files, octal (``640``) or symbolic (``g+r,o-rwx``).

The modes are the simulator's own records (see ``state.modes``): they decide who may
read, write and search files, through the routes as in the shell.
"""

from __future__ import annotations

import posixpath

from ...state.filesystem import FileError, MissingFile
from . import Command, Context

#: Letters that make an argument beginning with ``-`` a mode (``chmod -w f``), not an option.
MODE_LETTERS = set("rwxXst")


def _chmod(inv: Context) -> int:
    recursive = False
    quiet = False
    mode: str | None = None
    operands: list[str] = []
    items = list(inv.args)
    while items:
        arg = items.pop(0)
        if arg == "--":
            operands.extend(items)
            break
        if mode is None and arg.startswith("-") and len(arg) > 1 and set(arg[1:]) <= MODE_LETTERS:
            mode = arg
        elif arg in ("-R", "--recursive"):
            recursive = True
        elif arg in ("-f", "--silent", "--quiet"):
            quiet = True
        elif arg in ("-v", "-c", "--verbose", "--changes"):
            continue
        elif arg.startswith("-") and len(arg) > 1 and mode is None and not arg[1].isdigit():
            return inv.fail(f"invalid option -- '{arg[1:]}'")
        elif mode is None:
            mode = arg
        else:
            operands.append(arg)
    if mode is None:
        return inv.fail("missing operand")
    if not operands:
        return inv.fail(f"missing operand after '{mode}'")
    status = 0
    for operand in operands:
        try:
            _change(inv, inv.path(operand), mode, recursive)
        except MissingFile:
            status = (
                1 if quiet else inv.fail(f"cannot access '{operand}': No such file or directory")
            )
        except FileError as exc:
            message = str(exc)
            if "Permission denied" in message:
                message = f"cannot access '{operand}': Permission denied"
            elif "Operation not permitted" in message:
                message = f"changing permissions of '{operand}': Operation not permitted"
            status = 1 if quiet else inv.fail(message)
    return status


def _change(inv: Context, path: str, mode: str, recursive: bool) -> None:
    inv.budget.tick()
    inv.filesystem.chmod(path, inv.user, mode)
    if (
        recursive
        and inv.filesystem.kind(path, inv.user) == "dir"
        and not inv.filesystem.is_link(path, inv.user)
    ):
        for name in inv.filesystem.names(path, inv.user):
            child = posixpath.join(path, name)
            if inv.filesystem.is_link(child, inv.user):
                continue  # as chmod -R: links met inside the tree are not followed
            _change(inv, child, mode, recursive)


COMMANDS: dict[str, Command] = {"chmod": _chmod}
