"""The escapes of ``echo -e`` and ``$'…'`` strings, as bash reads them (``printf``'s
formats are in ``printf.py``)."""

from __future__ import annotations

_SIMPLE = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "e": "\x1b",
    "\\": "\\",
}


#: Escapes ``$'…'`` knows besides echo's.
_ANSI_C_EXTRA = {"'": "'", '"': '"', "?": "?", "E": "\x1b"}


def echo_escapes(text: str) -> tuple[str, bool]:
    """``echo -e`` text with escapes applied, and whether ``\\c`` cut it short."""
    return _escapes(text, octal_needs_zero=True)


def ansi_c_escapes(text: str) -> str:
    """The body of a ``$'…'`` string with its escapes applied."""
    return _escapes(text, octal_needs_zero=False, extra=_ANSI_C_EXTRA, stop_at_c=False)[0]


def _escapes(
    text: str,
    *,
    octal_needs_zero: bool,
    extra: dict[str, str] | None = None,
    stop_at_c: bool = True,
) -> tuple[str, bool]:
    table = {**_SIMPLE, **(extra or {})}
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char != "\\" or i + 1 >= len(text):
            out.append(char)
            i += 1
            continue
        code = text[i + 1]
        if code in table:
            out.append(table[code])
            i += 2
        elif code == "c" and stop_at_c:
            return "".join(out), True
        elif code == "x":
            digits = _digits(text, i + 2, "0123456789abcdefABCDEF", 2)
            out.append(chr(int(digits, 16)) if digits else "\\x")
            i += 2 + len(digits)
        elif code == "0" or (not octal_needs_zero and code in "1234567"):
            start = i + 2 if code == "0" and octal_needs_zero else i + 1
            digits = _digits(text, start, "01234567", 3)
            out.append(chr(int(digits or "0", 8) & 0xFF))
            i = start + len(digits)
        else:
            out.append("\\" + code)
            i += 2
    return "".join(out), False


def _digits(text: str, start: int, allowed: str, most: int) -> str:
    end = start
    while end < len(text) and end - start < most and text[end] in allowed:
        end += 1
    return text[start:end]
