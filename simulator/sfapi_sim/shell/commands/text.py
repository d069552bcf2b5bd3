"""Text programs that read lines: head, tail, wc, grep, sort, uniq, tee."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator

from .. import regexes
from ..budget import Budget
from ..errors import ShellError
from ..streams import FileSink
from . import Command, Context
from .options import Parsed, parse_options


def _count_option(inv: Context, default: int) -> tuple[int, bool, list[str]]:
    """``-n N``, ``-N``, ``-n +N`` (tail from line N), ``-c``-less: (count, from_start, files)."""
    args = list(inv.args)
    count, from_start, files = default, False, []
    while args:
        arg = args.pop(0)
        value: str | None = None
        if arg == "-n" and args:
            value = args.pop(0)
        elif arg.startswith("-n") and len(arg) > 2:
            value = arg[2:]
        elif arg.startswith("--lines="):
            value = arg.split("=", 1)[1]
        elif arg.startswith("-") and arg[1:].isdigit():
            value = arg[1:]
        elif arg.startswith("-") and arg != "-":
            raise ShellError(f"invalid option -- '{arg[1:2]}'")
        else:
            files.append(arg)
        if value is not None:
            from_start = value.startswith("+")
            try:
                count = int(value.lstrip("+"))
            except ValueError:
                raise ShellError(f"invalid number of lines: '{value}'") from None
    return count, from_start, files


def _head(inv: Context) -> int:
    try:
        count, _, files = _count_option(inv, 10)
    except ShellError as exc:
        return inv.fail(exc.message)
    if count >= 0 and all(name == "-" for name in files) and len(files) < 2:
        # Standard input line by line: head ends as soon as it has its lines, so the
        # writer of an endless pipe (``yes | head``) is stopped rather than read out.
        for _ in range(count):
            line = inv.io.stdin.readline()
            if line is None:
                break
            inv.budget.tick()
            inv.out(line)
        inv.io.stdin.drop_read_ahead()
        return 0
    return _each_file(inv, files, lambda text: "".join(_lines(text)[:count]))


def _tail(inv: Context) -> int:
    try:
        count, from_start, files = _count_option(inv, 10)
    except ShellError as exc:
        return inv.fail(exc.message)

    def tail(text: str) -> str:
        lines = _lines(text)
        if from_start:
            return "".join(lines[max(count - 1, 0) :])
        return "".join(lines[-count:]) if count else ""

    if count >= 0 and all(name == "-" for name in files) and len(files) < 2:
        _tail_stream(inv, count, from_start)
        return 0
    return _each_file(inv, files, tail)


def _tail_stream(inv: Context, count: int, from_start: bool) -> None:
    """``tail`` of standard input read line by line: it holds ``count`` lines, not the
    whole input (``seq 1 10000000 | tail -1``)."""
    kept: deque[str] = deque(maxlen=count)
    skip = max(count - 1, 0)
    while (line := inv.io.stdin.readline()) is not None:
        inv.budget.tick()
        if not from_start:
            kept.append(line)
        elif skip:
            skip -= 1
        else:
            inv.out(line)
    inv.out("".join(kept))


def _each_file(inv: Context, files: list[str], transform: Callable[[str], str]) -> int:
    status = 0
    many = len(files) > 1
    for index, name in enumerate(files or ["-"]):
        try:
            content = inv.read_text(name)
        except ShellError as exc:
            status = inv.fail(
                f"cannot open {exc.message.replace(name + ':', repr(name) + ' for reading:', 1)}"
            )
            continue
        if many:
            inv.out(("\n" if index else "") + f"==> {name} <==\n")
        inv.out(transform(content))
    return status


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _wc(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="lwcm")
    wanted = [f for f in "lwc" if f in parsed.flags or (f == "c" and "m" in parsed.flags)]
    wanted = wanted or ["l", "w", "c"]
    rows: list[tuple[list[int], str]] = []
    status = 0
    for name in parsed.operands or ["-"]:
        try:
            pieces = inv.io.stdin.chunks() if name == "-" else iter([inv.read_text(name)])
            counts = _counts(inv, pieces)
        except ShellError as exc:
            status = inv.fail(exc.message)
            continue
        rows.append(([counts[f] for f in wanted], "" if name == "-" else name))
    if len(rows) > 1:
        totals = [sum(r[0][i] for r in rows) for i in range(len(wanted))]
        rows.append((totals, "total"))
    width = max((len(str(v)) for r in rows for v in r[0]), default=1)
    if len(wanted) == 1 and len(rows) == 1:
        width = 0
    elif parsed.operands == [] or parsed.operands == ["-"]:
        width = max(width, 7)
    for values, name in rows:
        shown = " ".join(f"{v:>{width}}" for v in values)
        inv.out(shown + (f" {name}" if name else "") + "\n")
    return status


def _counts(inv: Context, pieces: Iterator[str]) -> dict[str, int]:
    """Lines, words and bytes of text given piece by piece (standard input streams)."""
    counts = {"l": 0, "w": 0, "c": 0}
    inside_word = False
    for piece in pieces:
        inv.budget.tick()
        counts["l"] += piece.count("\n")
        counts["c"] += len(piece.encode("utf-8", errors="surrogateescape"))
        counts["w"] += len(piece.split())
        if inside_word and piece and not piece[0].isspace():
            counts["w"] -= 1  # a word cut between two pieces was counted twice
        if piece:
            inside_word = not piece[-1].isspace()
    return counts


def _grep(inv: Context) -> int:
    parsed = parse_options(
        inv.args, flags="ivcnlqsEFwxHhro", valued="em", long=("color=", "colour=")
    )
    patterns = [parsed.values["e"]] if "e" in parsed.values else []
    operands = list(parsed.operands)
    if not patterns:
        if not operands:
            inv.err("Usage: grep [OPTION]... PATTERNS [FILE]...\n")
            return 2
        patterns = [operands.pop(0)]
    flags = parsed.flags
    try:
        regex = _grep_regex(patterns[0], flags)
    except regexes.error:
        return inv.fail("Invalid regular expression", 2)
    try:
        return _grep_files(inv, regex, operands, parsed)
    except regexes.TooComplex as exc:
        return inv.fail(str(exc), 2)


def _grep_files(inv: Context, regex: regexes.Pattern, operands: list[str], parsed: Parsed) -> int:
    flags = parsed.flags
    files = operands or ["-"]
    show_names = (len(files) > 1 or "H" in flags) and "h" not in flags
    limit = int(parsed.values["m"]) if "m" in parsed.values else None
    found_any = False
    status = 0
    for name in files:
        try:
            lines = _input_lines(inv, name)
        except ShellError as exc:
            if "s" not in flags:
                inv.fail(exc.message)
            status = 2
            continue
        count = 0
        for number, line in enumerate(lines, start=1):
            inv.budget.tick()
            hit = regexes.search(regex, line) is not None
            if hit == ("v" in flags):
                continue
            count += 1
            found_any = True
            if "q" in flags:
                return 0
            if "c" in flags or "l" in flags:
                if limit is not None and count >= limit:
                    break
                continue
            prefix = (f"{name}:" if show_names else "") + (f"{number}:" if "n" in flags else "")
            if "o" in flags and "v" not in flags:
                for found in regexes.find_all(regex, line):
                    inv.out(prefix + found + "\n")
            else:
                inv.out(prefix + line + "\n")
            if limit is not None and count >= limit:
                break
        if "c" in flags:
            inv.out((f"{name}:" if show_names else "") + f"{count}\n")
        elif "l" in flags and count:
            inv.out(("(standard input)" if name == "-" else name) + "\n")
    if status:
        return 2 if not found_any or "q" not in flags else 0
    return 0 if found_any else 1


def _input_lines(inv: Context, name: str) -> Iterator[str]:
    """The lines of a file, or of standard input as they arrive (without newlines)."""
    if name != "-":
        return iter(inv.read_text(name).splitlines())
    return _stdin_lines(inv)


def _stdin_lines(inv: Context) -> Iterator[str]:
    while (line := inv.io.stdin.readline()) is not None:
        yield line.removesuffix("\n")


def _grep_regex(pattern: str, flags: set[str]) -> regexes.Pattern:
    if "F" in flags:
        source = re.escape(pattern)
    elif "E" in flags:
        source = pattern
    else:
        source = _basic_to_python(pattern)
    if "w" in flags:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    if "x" in flags:
        source = rf"^(?:{source})$"
    return regexes.compile_pattern(source, ignore_case="i" in flags)


def _basic_to_python(pattern: str) -> str:
    """A POSIX basic regular expression: ``\\(`` groups, ``\\|`` alternation, literal ``+?(){}|``."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            out.append(nxt if nxt in "(){}|+?" else "\\" + nxt)
            i += 2
            continue
        out.append("\\" + char if char in "(){}|+?" else char)
        i += 1
    return "".join(out)


def _sort(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="rnufbs", valued="kto")
    lines: list[str] = []
    for name in parsed.operands or ["-"]:
        try:
            lines.extend(inv.read_text(name).splitlines())
        except ShellError as exc:
            return inv.fail(f"cannot read: {exc.message}", 2)
    key = _sort_key(parsed, inv.budget)
    lines.sort(key=key, reverse="r" in parsed.flags)
    if "u" in parsed.flags:
        unique: list[str] = []
        for line in lines:
            if not unique or key(unique[-1]) != key(line):
                unique.append(line)
        lines = unique
    output = "".join(line + "\n" for line in lines)
    if "o" in parsed.values:
        sink = FileSink(
            inv.filesystem, inv.path(parsed.values["o"]), inv.user, append=False, budget=inv.budget
        )
        sink.write(output)
        sink.close()
    else:
        inv.out(output)
    return 0


def _sort_key(parsed: Parsed, budget: Budget) -> Callable[[str], tuple[object, ...]]:
    separator = parsed.values.get("t")
    field = parsed.values.get("k")
    numeric = "n" in parsed.flags
    fold = "f" in parsed.flags

    def key(line: str) -> tuple[object, ...]:
        budget.tick()
        part = line
        if field:
            index = int(field.split(",")[0].rstrip("nr")) - 1
            pieces = line.split(separator) if separator else line.split()
            part = pieces[index] if index < len(pieces) else ""
        if numeric:
            match = re.match(r"\s*(-?\d+(?:\.\d+)?)", part)
            return (float(match.group(1)) if match else 0.0, line)
        if fold:
            return (part.upper(), line)
        return (part.encode("utf-8", errors="surrogateescape"), line)

    return key


def _uniq(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="cdu")
    lines = inv.read_text(parsed.operands[0] if parsed.operands else "-").splitlines()
    groups: list[tuple[str, int]] = []
    for line in lines:
        inv.budget.tick()
        if groups and groups[-1][0] == line:
            groups[-1] = (line, groups[-1][1] + 1)
        else:
            groups.append((line, 1))
    for line, count in groups:
        if ("d" in parsed.flags and count < 2) or ("u" in parsed.flags and count > 1):
            continue
        inv.out((f"{count:>7} " if "c" in parsed.flags else "") + line + "\n")
    return 0


def _tee(inv: Context) -> int:
    parsed = parse_options(inv.args, flags="a")
    content = inv.io.stdin.read()
    status = 0
    for name in parsed.operands:
        try:
            sink = FileSink(
                inv.filesystem,
                inv.path(name),
                inv.user,
                append="a" in parsed.flags,
                budget=inv.budget,
            )
            sink.write(content)
            sink.close()
        except Exception as exc:
            status = inv.fail(f"{name}: {exc}")
    inv.out(content)
    return status


COMMANDS: dict[str, Command] = {
    "head": _head,
    "tail": _tail,
    "wc": _wc,
    "grep": _grep,
    "sort": _sort,
    "uniq": _uniq,
    "tee": _tee,
}
