"""Programs that make text from their arguments: seq, yes, basename, dirname."""

from __future__ import annotations

import posixpath

from . import Command, Context

#: Characters ``yes`` writes at once (whole lines), as coreutils fills a buffer.
_YES_BLOCK = 8192


def _seq(inv: Context) -> int:
    try:
        numbers = [int(a) for a in inv.args]
    except ValueError:
        return inv.fail(f"invalid argument: {inv.args}")
    if not 1 <= len(numbers) <= 3:
        return inv.fail("missing operand")
    first, step, last = 1, 1, numbers[-1]
    if len(numbers) >= 2:
        first = numbers[0]
    if len(numbers) == 3:
        step = numbers[1]
    if step == 0:
        return inv.fail("invalid Zero increment value: '0'")
    value = first
    budget = inv.budget
    while (step > 0 and value <= last) or (step < 0 and value >= last):
        budget.tick()
        inv.out(f"{value}\n")
        value += step
    return 0


def _basename(inv: Context) -> int:
    if not inv.args:
        return inv.fail("missing operand")
    name = posixpath.basename(inv.args[0].rstrip("/")) or "/"
    if len(inv.args) > 1 and name.endswith(inv.args[1]) and name != inv.args[1]:
        name = name[: -len(inv.args[1])]
    inv.out(name + "\n")
    return 0


def _dirname(inv: Context) -> int:
    if not inv.args:
        return inv.fail("missing operand")
    for arg in inv.args:
        inv.out((posixpath.dirname(arg.rstrip("/")) or ".") + "\n")
    return 0


def _yes(inv: Context) -> int:
    """``yes [STRING...]``: the line (``y`` without arguments) until the reader ends.

    Written a block of whole lines at a time; every block is a tick of the budget, so a
    ``yes`` nobody stops ends at the run's output, time or cancel, never runs away.
    """
    args = inv.args[1:] if inv.args[:1] == ["--"] else inv.args
    line = (" ".join(args) if args else "y") + "\n"
    inv.budget.reserve(len(line), "the line of yes")
    block = line * max(1, _YES_BLOCK // len(line))
    while True:
        inv.budget.tick()
        inv.out(block)


COMMANDS: dict[str, Command] = {
    "seq": _seq,
    "yes": _yes,
    "basename": _basename,
    "dirname": _dirname,
}
