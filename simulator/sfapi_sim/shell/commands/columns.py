"""Programs that pick or change characters of each line: cut, tr."""

from __future__ import annotations

from ..errors import ShellError
from . import Command, Context
from .options import parse_options


def _cut(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="s", valued="dfc")
    delimiter = parsed.values.get("d", "\t")
    spec = parsed.values.get("f") or parsed.values.get("c")
    if spec is None:
        return inv.fail("you must specify a list of bytes, characters, or fields")
    wanted = _ranges(spec)
    if wanted is None:
        return inv.fail(f"invalid field value '{spec}'")
    for name in parsed.operands or ["-"]:
        try:
            content = inv.read_text(name)
        except ShellError as exc:
            inv.fail(exc.message)
            return 1
        for line in content.splitlines():
            inv.budget.tick()
            if "c" in parsed.values:
                inv.out("".join(c for i, c in enumerate(line, 1) if _selected(i, wanted)) + "\n")
            elif delimiter not in line:
                if "s" not in parsed.flags:
                    inv.out(line + "\n")
            else:
                fields = line.split(delimiter)
                chosen = [f for i, f in enumerate(fields, 1) if _selected(i, wanted)]
                inv.out(delimiter.join(chosen) + "\n")
    return 0


def _ranges(spec: str) -> list[tuple[int, int]] | None:
    """``1,3-4,6-`` as inclusive ranges (the open end is a large number)."""
    ranges: list[tuple[int, int]] = []
    for item in spec.split(","):
        low, dash, high = item.partition("-")
        try:
            start = int(low) if low else 1
            end = (int(high) if high else 1 << 30) if dash else start
        except ValueError:
            return None
        ranges.append((start, end))
    return ranges


def _selected(index: int, ranges: list[tuple[int, int]]) -> bool:
    return any(low <= index <= high for low, high in ranges)


def _tr(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="ds")
    sets = [_expand_set(s) for s in parsed.operands]
    content = inv.io.stdin.read()
    if "d" in parsed.flags and sets:
        inv.out("".join(c for c in content if c not in sets[0]))
        return 0
    if len(sets) < 2:
        return inv.fail("missing operand")
    source, target = sets[0], sets[1]
    target = target + target[-1:] * (len(source) - len(target))
    table = str.maketrans(source, target[: len(source)])
    result = content.translate(table)
    if "s" in parsed.flags:
        squeezed: list[str] = []
        for char in result:
            inv.budget.tick()
            if not (squeezed and squeezed[-1] == char and char in target):
                squeezed.append(char)
        result = "".join(squeezed)
    inv.out(result)
    return 0


def _expand_set(spec: str) -> str:
    """``a-z``, ``[:upper:]``-style classes and ``\\n`` in a ``tr`` set."""
    classes = {
        "[:lower:]": "abcdefghijklmnopqrstuvwxyz",
        "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "[:digit:]": "0123456789",
        "[:space:]": " \t\n\r\f\v",
    }
    for name, members in classes.items():
        spec = spec.replace(name, members)
    spec = spec.replace("\\n", "\n").replace("\\t", "\t")
    out: list[str] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.append(spec[i])
            i += 1
    return "".join(out)


COMMANDS: dict[str, Command] = {
    "cut": _cut,
    "tr": _tr,
}
