"""bash's builtins: output (``echo``, ``printf``), the shell's own state (``cd``, ``set``,
``shift``, ``read``, ``exit``...), running text (``eval``, ``source``), and no-ops a login
shell offers (``module``, ``trap``, ``umask``)."""

from __future__ import annotations

from ...state.filesystem import FileError
from ..errors import ExitRequest, LoopControl, ReturnRequest, ShellError
from ..state import ShellState
from . import Builtin, BuiltinContext, Command, Context
from .formatting import echo_escapes
from .printf import printf_format


def _true(inv: Context) -> int:
    return 0


def _false(inv: Context) -> int:
    return 1


def _echo(inv: Context) -> int:
    args = list(inv.args)
    newline, escapes = True, False
    while args and len(args[0]) > 1 and args[0][0] == "-" and set(args[0][1:]) <= set("neE"):
        flags = args.pop(0)[1:]
        newline = newline and "n" not in flags
        for flag in flags:
            if flag in "eE":
                escapes = flag == "e"
    inv.budget.reserve(sum(len(a) + 1 for a in args), "echo's output")
    text = " ".join(args)
    if escapes:
        text, stop = echo_escapes(text)
        if stop:
            inv.out(text)
            return 0
    inv.out(text + ("\n" if newline else ""))
    return 0


def _printf(inv: BuiltinContext) -> int:
    """bash's ``printf [-v var] format [arguments]``."""
    args = list(inv.args)
    variable = None
    if args[:1] == ["-v"] and len(args) > 1:
        variable, args = args[1], args[2:]
    status = _print_formatted(inv, args, variable is not None)
    if variable is not None and status[1] is not None:
        inv.shell.state.set(variable, status[1])
    return status[0]


def _printf_program(inv: Context) -> int:
    """``/usr/bin/printf format [arguments]`` (no ``-v``: it cannot set variables)."""
    return _print_formatted(inv, list(inv.args), False)[0]


def _print_formatted(inv: Context, args: list[str], keep: bool) -> tuple[int, str | None]:
    """Format ``args`` (format first); the status, and the text when ``keep``."""
    if args and args[0] == "--":
        args.pop(0)
    if not args:
        return inv.builtin_fail("usage: printf [-v var] format [arguments]", 2), None
    budget = inv.budget

    def reserve(size: int) -> None:
        budget.reserve(size, "printf's output")
        budget.tick()

    result = printf_format(args[0], args[1:], now=inv.session.now(), reserve=reserve)
    if not keep:
        inv.out(result.text)
    for message in result.messages:
        inv.builtin_fail(message)
    return result.status, result.text


def _cd(inv: BuiltinContext) -> int:
    state = inv.shell.state
    args = [a for a in inv.args if a not in ("-L", "-P")]
    if len(args) > 1:
        return inv.builtin_fail("too many arguments")
    target = args[0] if args else (state.get("HOME") or "/")
    if target == "-":
        target = state.get("OLDPWD") or state.cwd
        inv.out(target + "\n")
    path = inv.path(target)
    try:
        is_dir = inv.filesystem.is_dir(path, inv.user)
        exists = is_dir or inv.filesystem.kind(path, inv.user) is not None
    except FileError:
        return inv.builtin_fail(f"{target}: Permission denied")
    if not is_dir:
        reason = "Not a directory" if exists else "No such file or directory"
        return inv.builtin_fail(f"{target}: {reason}")
    if not inv.filesystem.access(path, inv.user, "x"):
        # A folder the user may not search (another user's private home) is no place
        # to work in: chdir(2) refuses it.
        return inv.builtin_fail(f"{target}: Permission denied")
    state.set("OLDPWD", state.cwd)
    state.set("PWD", path)
    return 0


def _pwd(inv: Context) -> int:
    inv.out(inv.cwd + "\n")
    return 0


def _status_argument(inv: BuiltinContext, default: int) -> int:
    if not inv.args:
        return default
    try:
        return int(inv.args[0]) & 0xFF
    except ValueError:
        inv.builtin_fail(f"{inv.args[0]}: numeric argument required")
        return 2


def _exit(inv: BuiltinContext) -> int:
    raise ExitRequest(_status_argument(inv, inv.shell.state.status))


def _return(inv: BuiltinContext) -> int:
    raise ReturnRequest(_status_argument(inv, inv.shell.state.status))


def _loop_control(kind: str) -> Builtin:
    def run(inv: BuiltinContext) -> int:
        levels = int(inv.args[0]) if inv.args and inv.args[0].isdigit() else 1
        raise LoopControl(kind, max(levels, 1))

    return run


_OPTIONS = {"e": "errexit", "u": "nounset", "x": "xtrace"}


def _set(inv: BuiltinContext) -> int:
    state = inv.shell.state
    if not inv.args:
        for name in sorted(state.variables):
            inv.out(f"{name}={state.variables[name]}\n")
        return 0
    apply_set_options(state, list(inv.args))
    return 0


def apply_set_options(state: ShellState, args: list[str]) -> None:
    """``set -euxo pipefail``, ``set +e``, ``set -- a b`` (new positional parameters)."""
    while args:
        arg = args.pop(0)
        if arg == "--":
            state.positional = args
            return
        if arg[:1] not in ("-", "+") or len(arg) < 2:
            state.positional = [arg, *args]
            return
        enable = arg[0] == "-"
        for flag in arg[1:]:
            if flag in _OPTIONS:
                setattr(state, _OPTIONS[flag], enable)
            elif flag == "o" and args:
                option = args.pop(0)
                if option == "pipefail":
                    state.pipefail = enable
                elif option in ("errexit", "nounset", "xtrace"):
                    setattr(state, option, enable)


def _shift(inv: BuiltinContext) -> int:
    state = inv.shell.state
    count = int(inv.args[0]) if inv.args and inv.args[0].isdigit() else 1
    if count > len(state.positional):
        return 1
    state.positional = state.positional[count:]
    return 0


def _read(inv: BuiltinContext) -> int:
    args = list(inv.args)
    raw = False
    names: list[str] = []
    while args:
        arg = args.pop(0)
        if arg == "-r":
            raw = True
        elif arg in ("-p", "-t", "-u", "-d", "-n"):
            if args:
                args.pop(0)
        elif arg.startswith("-"):
            continue
        else:
            names.append(arg)
    line = inv.io.stdin.readline()
    if line is None:
        for name in names or ["REPLY"]:
            inv.shell.state.set(name, "")
        return 1
    ended = line.endswith("\n")
    line = line[:-1] if ended else line
    if not raw:
        while line.endswith("\\") and ended:
            following = inv.io.stdin.readline()
            if following is None:
                line, ended = line[:-1], False
                break
            ended = following.endswith("\n")
            line = line[:-1] + (following[:-1] if ended else following)
        line = line.replace("\\\\", "\0").replace("\\", "").replace("\0", "\\")
    if not names:
        inv.shell.state.set("REPLY", line)
        return 0 if ended else 1
    fields = line.strip(" \t").split(None, len(names) - 1) if line.strip() else []
    for index, name in enumerate(names):
        value = fields[index] if index < len(fields) else ""
        if index == len(names) - 1 and index < len(fields):
            value = value.rstrip(" \t")
        inv.shell.state.set(name, value)
    return 0 if ended else 1


def _source(inv: BuiltinContext) -> int:
    if not inv.args:
        return inv.builtin_fail("filename argument required", 2)
    try:
        text = inv.read_text(inv.args[0])
    except ShellError as exc:
        return inv.builtin_fail(exc.message)
    return inv.shell.source(text, inv.io, inv.args[1:])


def _eval(inv: BuiltinContext) -> int:
    return inv.shell.source(" ".join(inv.args), inv.io, None)


def _type(inv: BuiltinContext) -> int:
    from . import BUILTINS, COMMANDS

    status = 0
    for name in (a for a in inv.args if not a.startswith("-")):
        if name in inv.shell.state.functions:
            inv.out(f"{name} is a function\n")
        elif name in BUILTINS:
            inv.out(f"{name} is a shell builtin\n")
        elif name in COMMANDS:
            inv.out(f"{name} is /usr/bin/{name}\n")
        else:
            status = inv.builtin_fail(f"{name}: not found")
    return status


def _command(inv: BuiltinContext) -> int:
    from . import BUILTINS, COMMANDS

    args = list(inv.args)
    if args and args[0] in ("-v", "-V"):
        status = 1
        for name in args[1:]:
            if name in BUILTINS or name in inv.shell.state.functions:
                inv.out(name + "\n")
                status = 0
            elif name in COMMANDS:
                inv.out(f"/usr/bin/{name}\n")
                status = 0
        return status
    if not args:
        return 0
    saved = inv.shell.state.functions
    inv.shell.state.functions = {}
    try:
        return inv.shell.invoke(args, inv.io, inv.overlay, inv.line)
    finally:
        inv.shell.state.functions = saved


def _exec(inv: BuiltinContext) -> int:
    if not inv.args:
        return 0
    raise ExitRequest(inv.shell.invoke(list(inv.args), inv.io, inv.overlay, inv.line))


def _let(inv: BuiltinContext) -> int:
    value = 0
    for expression in inv.args:
        value = inv.shell.arithmetic.evaluate_text(expression)
    return 0 if value else 1


def _export(inv: BuiltinContext) -> int:
    for arg in inv.args:
        name, sep, value = arg.partition("=")
        if sep:
            inv.shell.state.set(name, value, export=True)
        else:
            inv.shell.state.exported.add(name)
    return 0


def _module(inv: BuiltinContext) -> int:
    """Environment modules: accepted and ignored (nothing to load here)."""
    return 0


BUILTINS: dict[str, Builtin] = {
    ":": _true,
    "true": _true,
    "false": _false,
    "echo": _echo,
    "printf": _printf,
    "cd": _cd,
    "pwd": _pwd,
    "exit": _exit,
    "return": _return,
    "break": _loop_control("break"),
    "continue": _loop_control("continue"),
    "set": _set,
    "shift": _shift,
    "read": _read,
    "source": _source,
    ".": _source,
    "eval": _eval,
    "type": _type,
    "command": _command,
    "exec": _exec,
    "let": _let,
    "export": _export,
    "module": _module,
    "ml": _module,
    "wait": _true,
    "trap": _true,
    "umask": _true,
    "ulimit": _true,
    "shopt": _true,
    "hash": _true,
}
#: Builtins that also exist as programs in ``/usr/bin``.
COMMANDS: dict[str, Command] = {
    "true": _true,
    "false": _false,
    "echo": _echo,
    "printf": _printf_program,
    "pwd": _pwd,
}
