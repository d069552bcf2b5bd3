"""The machine and the user: sleep, date, hostname, whoami, id, env, uname, nproc, and
the shells themselves (``bash -c``, ``bash -lc``, ``sh -c``, ``bash script.sh``)."""

from __future__ import annotations

from datetime import UTC, datetime

from ..errors import ShellError
from . import Command, Context

_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def _sleep(inv: Context) -> int:
    if not inv.args:
        inv.fail("missing operand")
        inv.err("Try 'sleep --help' for more information.\n")
        return 1
    total = 0.0
    for arg in inv.args:
        unit = arg[-1] if arg and arg[-1] in _UNITS else "s"
        number = arg[:-1] if arg and arg[-1] in _UNITS else arg
        try:
            value = float(number)
        except ValueError:
            value = -1.0
        if not value >= 0 or value == float("inf"):
            inv.fail(f"invalid time interval '{arg}'")
            inv.err("Try 'sleep --help' for more information.\n")
            return 1
        total += value * _UNITS[unit]
    inv.session.sleep(total)
    return 0


def _date(inv: Context) -> int:
    moment = datetime.fromtimestamp(inv.session.now(), UTC)
    formats = [a[1:] for a in inv.args if a.startswith("+")]
    unknown = [a for a in inv.args if not a.startswith("+") and a not in ("-u", "--utc")]
    if unknown:
        return inv.fail(f"invalid option or date '{unknown[0]}' (only +FORMAT and -u here)")
    pattern = formats[0] if formats else "%a %b %d %H:%M:%S UTC %Y"
    pattern = pattern.replace("%s", str(int(moment.timestamp()))).replace("%N", "000000000")
    inv.out(moment.strftime(pattern) + "\n")
    return 0


def _hostname(inv: Context) -> int:
    inv.out(inv.session.hostname + "\n")
    return 0


def _whoami(inv: Context) -> int:
    inv.out(inv.user + "\n")
    return 0


def _id(inv: Context) -> int:
    session = inv.session
    letters = "".join(a[1:] for a in inv.args if a.startswith("-") and not a.startswith("--"))
    names = "n" in letters
    if "u" in letters:
        inv.out((session.user if names else str(session.uid)) + "\n")
        return 0
    if "g" in letters and "G" not in letters:
        inv.out((session.user if names else str(session.uid)) + "\n")
        return 0
    groups = [(session.uid, session.user), *session.groups]
    if "G" in letters:
        inv.out(" ".join(name if names else str(gid) for gid, name in groups) + "\n")
        return 0
    listed = ",".join(f"{gid}({name})" for gid, name in groups)
    inv.out(
        f"uid={session.uid}({session.user}) gid={session.uid}({session.user}) groups={listed}\n"
    )
    return 0


def _env(inv: Context) -> int:
    args = list(inv.args)
    overlay = dict(inv.overlay)
    while args and (args[0] == "-i" or ("=" in args[0] and not args[0].startswith("="))):
        item = args.pop(0)
        if item != "-i":
            name, _, value = item.partition("=")
            overlay[name] = value
    if args:
        return inv.run(args, overlay)
    environment = {**inv.environment, **overlay}
    for name in sorted(environment):
        inv.out(f"{name}={environment[name]}\n")
    return 0


def _printenv(inv: Context) -> int:
    environment = inv.environment
    if not inv.args:
        for name in sorted(environment):
            inv.out(f"{name}={environment[name]}\n")
        return 0
    status = 0
    for name in inv.args:
        if name in environment:
            inv.out(environment[name] + "\n")
        else:
            status = 1
    return status


def _uname(inv: Context) -> int:
    if "-a" in inv.args:
        inv.out(f"Linux {inv.session.hostname} 5.14.21 #1 SMP x86_64 GNU/Linux\n")
    elif "-n" in inv.args:
        inv.out(inv.session.hostname + "\n")
    else:
        inv.out("Linux\n")
    return 0


def _nproc(inv: Context) -> int:
    inv.out("256\n")
    return 0


def _shell(inv: Context) -> int:
    """``bash``/``sh``: ``-c TEXT [NAME [ARGS]]``, a script file, or a script on stdin."""
    args = list(inv.args)
    command: str | None = None
    options: list[str] = []
    while args and args[0].startswith(("-", "+")) and args[0] not in ("-", "--"):
        flag = args.pop(0)
        if flag in ("-o", "+o") and args:
            options += [flag, args.pop(0)]
            continue
        letters = flag[1:]
        if "c" in letters:
            if not args:
                return inv.fail("-c: option requires an argument", 2)
            command = args.pop(0)
            letters = letters.replace("c", "")
        if letters.replace("l", "").replace("i", "").replace("s", ""):
            options.append(flag[0] + letters.replace("l", "").replace("i", "").replace("s", ""))
    if args and args[0] == "--":
        args.pop(0)
    if command is not None:
        name = args[0] if args else inv.name
        return _run(inv, command, name, args[1:], options)
    if args:
        try:
            text = inv.read_text(args[0])
        except ShellError as exc:
            inv.err(f"{inv.name}: {exc.message}\n")
            return 127
        return _run(inv, text, args[0], args[1:], options)
    return _run(inv, inv.io.stdin.read(), inv.name, [], options)


def _run(inv: Context, text: str, name: str, args: list[str], options: list[str]) -> int:
    return inv.run_script(text, name=name, args=args, options=tuple(options))


COMMANDS: dict[str, Command] = {
    "sleep": _sleep,
    "date": _date,
    "hostname": _hostname,
    "whoami": _whoami,
    "id": _id,
    "env": _env,
    "printenv": _printenv,
    "uname": _uname,
    "nproc": _nproc,
    "bash": _shell,
    "sh": _shell,
}
