"""Splitting a program's arguments into single-letter flags, long options and operands."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Parsed:
    flags: set[str] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)
    long: dict[str, str] = field(default_factory=dict)
    operands: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def parse_options(
    args: list[str], *, flags: str = "", valued: str = "", long: tuple[str, ...] = ()
) -> Parsed:
    """``-abc``, ``-n 5``/``-n5``, ``--name=value``/``--name value``, ``--``, operands.

    ``flags`` are letters without a value, ``valued`` letters that take one, ``long``
    the long options known (a trailing ``=`` marks those that take a value).
    """
    parsed = Parsed()
    items = list(args)
    while items:
        arg = items.pop(0)
        if arg == "--":
            parsed.operands.extend(items)
            break
        if arg.startswith("--") and len(arg) > 2:
            name, sep, value = arg[2:].partition("=")
            if name + "=" in long:
                parsed.long[name] = value if sep else (items.pop(0) if items else "")
            elif name in long:
                parsed.long[name] = value
            else:
                parsed.unknown.append(arg)
            continue
        if arg.startswith("-") and len(arg) > 1 and not _is_number(arg):
            letters = arg[1:]
            for index, letter in enumerate(letters):
                if letter in valued:
                    rest = letters[index + 1 :]
                    parsed.values[letter] = rest if rest else (items.pop(0) if items else "")
                    break
                if letter in flags:
                    parsed.flags.add(letter)
                else:
                    parsed.unknown.append(f"-{letter}")
            continue
        parsed.operands.append(arg)
    return parsed


def _is_number(value: str) -> bool:
    return value[1:].isdigit()
