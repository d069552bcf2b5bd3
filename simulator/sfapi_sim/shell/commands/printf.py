"""``printf``'s formats as bash's builtin reads them, in the C locale.

A directive is ``%[flags][width][.precision][length]conversion``: flags ``-+ #0'``,
``*`` width and precision taken from the arguments, length modifiers accepted and
ignored, conversions ``diouxX eEfFgGaA c s b q %`` and ``%(format)T``. The format is
reused while arguments remain. Errors are bash's: an argument that is not a number is
reported and read as far as it goes (status 1); an unknown conversion ends the output
(status 1); a number out of range is a warning and is clamped.

Every piece is checked against the run's memory budget before it is built, so a width
of ``%400000000s`` stops the run instead of allocating.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .formatting import _digits, _escapes, echo_escapes

_FLAGS = "-+ #0'"
_LENGTHS = "hlLjzt"
_INTEGERS = "diouxX"
_FLOATS = "eEfFgGaA"
_MAX = (1 << 63) - 1
_MIN = -(1 << 63)
#: Characters ``%q`` escapes with a backslash wherever they are.
_SPECIAL = set(" \t\n'\"\\|&;()<>!{}*[?]^$`,")


@dataclass
class Formatted:
    """What ``printf`` printed, its messages (each a line after ``printf: ``), its status."""

    text: str = ""
    messages: list[str] = field(default_factory=list)
    status: int = 0


class _Stop(Exception):
    """An unknown conversion: the output ends here."""


@dataclass
class _Run:
    args: list[str]
    now: float
    reserve: Callable[[int], None]
    out: list[str] = field(default_factory=list)
    size: int = 0
    result: Formatted = field(default_factory=Formatted)
    #: ``\c`` in a ``%b`` argument: nothing more is printed.
    ended: bool = False

    def emit(self, text: str) -> None:
        self.size += len(text)
        self.reserve(self.size)
        self.out.append(text)

    def take(self) -> str | None:
        return self.args.pop(0) if self.args else None

    def error(self, message: str) -> None:
        self.result.messages.append(message)
        self.result.status = 1


def printf_format(
    template: str, args: list[str], *, now: float, reserve: Callable[[int], None]
) -> Formatted:
    """``printf template args...``; ``now`` is what ``%(…)T`` shows for ``-1``, and
    ``reserve(size)`` is called before the output grows to ``size`` characters."""
    run = _Run(list(args), now, reserve)
    try:
        while True:
            before = len(run.args)
            _format_once(template, run)
            if run.ended or not run.args or len(run.args) == before:
                break
    except _Stop:
        pass
    run.result.text = "".join(run.out)
    return run.result


def _format_once(template: str, run: _Run) -> None:
    i = 0
    while i < len(template) and not run.ended:
        char = template[i]
        if char == "\\":
            length = 2 + _escape_length(template, i)
            text, stop = _escapes(template[i : i + length], octal_needs_zero=False)
            run.emit(text)
            if stop:
                run.ended = True
                return
            i += length
        elif char != "%":
            end = template.find("%", i)
            backslash = template.find("\\", i)
            stops = [e for e in (end, backslash) if e >= 0]
            end = min(stops) if stops else len(template)
            run.emit(template[i:end])
            i = end
        else:
            i = _directive(template, i, run)


def _directive(template: str, start: int, run: _Run) -> int:
    """Format the directive at ``start``; the index after it."""
    i = start + 1
    if template[i : i + 1] == "%":
        run.emit("%")
        return i + 1
    flags = ""
    while i < len(template) and template[i] in _FLAGS:
        flags += template[i]
        i += 1
    width, i = _number_or_star(template, i, run)
    precision: int | None = None
    if template[i : i + 1] == ".":
        precision, i = _number_or_star(template, i + 1, run)
        precision = None if precision is not None and precision < 0 else (precision or 0)
    while i < len(template) and template[i] in _LENGTHS:
        i += 1
    if i >= len(template):
        run.error("`%': missing format character")
        raise _Stop
    conversion = template[i]
    if conversion == "(":
        close = template.find(")T", i)
        if close < 0:
            run.error("`(': invalid format character")
            raise _Stop
        text = _strftime(template[i + 1 : close], run)
        run.emit(_pad(text, flags, width, run))
        return close + 2
    if conversion in "sqbc":
        given = run.take()
        value = given or ""
        if conversion == "q":
            value = quote(value)
        elif conversion == "b":
            value, stop = echo_escapes(value)
            run.ended = stop
        elif conversion == "c":
            value = value[:1] or "\0"
        if precision is not None and conversion != "c":
            value = value[:precision]
        run.emit(_pad(value, flags, width, run))
        return i + 1
    if conversion in _INTEGERS:
        number = _integer(run.take(), run)
        if conversion in "ouxX" and number < 0:
            number += 1 << 64
        python = "d" if conversion in "iu" else conversion
        run.reserve(run.size + abs(width or 0) + (precision or 0) + 24)
        if conversion == "o" and "#" in flags:
            # C's alternate octal form is a leading 0 (Python's would be 0o).
            body = ("%" + _precision(precision) + "o") % number
            body = body if body.startswith("0") else "0" + body
            if "0" in flags and "-" not in flags and width:
                body = body.rjust(abs(width), "0")
            run.emit(_pad(body, flags, width, run))
            return i + 1
        spec = "%" + flags.replace("'", "") + str(width or "") + _precision(precision) + python
        run.emit(spec % number)
        return i + 1
    if conversion in _FLOATS:
        number_f = _float(run.take(), run)
        run.reserve(run.size + abs(width or 0) + (precision or 0) + 330)
        if conversion in "aA":
            run.emit(_pad(_hex_float(number_f, conversion == "A"), flags, width, run))
        else:
            spec = "%" + flags.replace("'", "") + str(width or "") + _precision(precision)
            run.emit((spec + conversion) % number_f)
        return i + 1
    run.error(f"`{conversion}': invalid format character")
    raise _Stop


def _number_or_star(template: str, i: int, run: _Run) -> tuple[int | None, int]:
    """A width or precision: digits, ``*`` (the next argument), or nothing."""
    if template[i : i + 1] == "*":
        return _integer(run.take(), run), i + 1
    digits = ""
    while i < len(template) and template[i].isdigit():
        digits += template[i]
        i += 1
    if not digits:
        return None, i
    value = int(digits[:19])
    run.reserve(run.size + value)
    return value, i


def _precision(precision: int | None) -> str:
    return "" if precision is None else f".{precision}"


def _pad(text: str, flags: str, width: int | None, run: _Run) -> str:
    if width is None:
        return text
    left = "-" in flags or width < 0
    width = abs(width)
    if len(text) >= width:
        return text
    run.reserve(run.size + width)
    return text.ljust(width) if left else text.rjust(width)


def _integer(value: str | None, run: _Run) -> int:
    """strtoimax as bash's printf calls it: bases by prefix, ``'c`` for a character."""
    if value is None or value == "":
        return 0
    text = value.lstrip(" \t\n")
    if text[:1] in "'\"" and len(text) > 1:
        return ord(text[1])
    sign, body = (-1, text[1:]) if text[:1] == "-" else (1, text.removeprefix("+"))
    base, digits_allowed = 10, "0123456789"
    if body[:2].lower() == "0x":
        base, digits_allowed, body = 16, "0123456789abcdefABCDEF", body[2:]
    elif body[:1] == "0" and len(body) > 1:
        base, digits_allowed = 8, "01234567"
    digits = ""
    for char in body:
        if char not in digits_allowed:
            break
        digits += char
    if len(digits) != len(body) or not digits:
        kind = {16: "hex ", 8: "octal "}.get(base, "")
        run.error(f"{value}: invalid {kind}number")
    number = sign * int(digits, base) if digits else 0
    if not _MIN <= number <= _MAX:
        run.result.messages.append(f"warning: {value}: Numerical result out of range")
        number = _MAX if number > 0 else _MIN
    return number


def _float(value: str | None, run: _Run) -> float:
    if value is None or value == "":
        return 0.0
    text = value.strip()
    if text[:1] in "'\"" and len(text) > 1:
        return float(ord(text[1]))
    try:
        return float(text)
    except ValueError:
        run.error(f"{value}: invalid number")
        return 0.0


def _hex_float(value: float, upper: bool) -> str:
    """``%a`` as glibc prints a long double: a first hex digit from 8 to f."""
    if math.isnan(value) or math.isinf(value):
        text = ("-" if value < 0 else "") + ("nan" if math.isnan(value) else "inf")
        return text.upper() if upper else text
    if value == 0:
        text = ("-" if math.copysign(1, value) < 0 else "") + "0x0p+0"
        return text.upper() if upper else text
    fraction, exponent = math.frexp(abs(value))
    mantissa = fraction * 16
    lead = int(mantissa)
    rest = mantissa - lead
    digits = ""
    while rest and len(digits) < 15:
        rest *= 16
        digits += "0123456789abcdef"[int(rest)]
        rest -= int(rest)
    body = f"{lead:x}" + (f".{digits}" if digits else "")
    text = f"{'-' if value < 0 else ''}0x{body}p{exponent - 4:+d}"
    return text.upper() if upper else text


def _strftime(pattern: str, run: _Run) -> str:
    """``%(pattern)T``: the argument as seconds since the epoch (-1 or none: now)."""
    argument = run.take()
    seconds = -1 if argument is None or argument == "" else _integer(argument, run)
    if seconds in (-1, -2):
        seconds = int(run.now)
    run.reserve(run.size + len(pattern) * 16)
    try:
        moment = time.gmtime(seconds)
    except (OverflowError, OSError, ValueError):
        moment = time.gmtime(0)
    return time.strftime(pattern, moment) if pattern else time.strftime("%X", moment)


def quote(value: str) -> str:
    """``%q``: ``value`` quoted so that bash reads it back unchanged (C locale)."""
    if value == "":
        return "''"
    if any(not (" " <= char <= "~") and char not in "\t" for char in value) or "\t" in value:
        return _ansi_c_quote(value)
    out: list[str] = []
    for index, char in enumerate(value):
        if char in _SPECIAL:
            out.append("\\" + char)
        elif char == "~" and (index == 0 or value[index - 1] in "=:"):
            out.append("\\~")
        elif char == "#" and index == 0:
            out.append("\\#")
        else:
            out.append(char)
    return "".join(out)


_ANSI_C = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\x1b": "\\E",
    "'": "\\'",
    "\\": "\\\\",
}


def _ansi_c_quote(value: str) -> str:
    out: list[str] = []
    for char in value:
        if char in _ANSI_C:
            out.append(_ANSI_C[char])
        elif " " <= char <= "~":
            out.append(char)
        else:
            for byte in char.encode("utf-8", errors="surrogateescape"):
                out.append(f"\\{byte:03o}")
    return "$'" + "".join(out) + "'"


def _escape_length(template: str, i: int) -> int:
    """How many characters after ``\\x`` belong to an octal or hex escape."""
    code = template[i + 1 : i + 2]
    if code == "x":
        return len(_digits(template, i + 2, "0123456789abcdefABCDEF", 2))
    if code in "01234567" and code:
        return len(_digits(template, i + 2, "01234567", 2))
    return 0
