"""The escapes of ``echo -e`` and the formats of ``printf``, as bash's builtins read them."""

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
_CONVERSIONS = "diouxXfeEgGcsbq"


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


def printf_format(template: str, args: list[str]) -> tuple[str, list[str]]:
    """``printf template args...``: the output and the error messages (bad numbers)."""
    out: list[str] = []
    errors: list[str] = []
    remaining = list(args)
    while True:
        used = _format_once(template, remaining, out, errors)
        if not remaining or used == 0:
            break
    return "".join(out), errors


def _format_once(template: str, args: list[str], out: list[str], errors: list[str]) -> int:
    used = 0
    i = 0
    while i < len(template):
        char = template[i]
        if char == "\\":
            text, stop = _escapes(
                template[i : i + 2 + _escape_length(template, i)], octal_needs_zero=False
            )
            out.append(text)
            if stop:
                return used
            i += 2 + _escape_length(template, i)
            continue
        if char != "%":
            out.append(char)
            i += 1
            continue
        if template[i + 1 : i + 2] == "%":
            out.append("%")
            i += 2
            continue
        end = i + 1
        while end < len(template) and template[end] not in _CONVERSIONS:
            end += 1
        if end >= len(template):
            out.append(template[i:])
            break
        spec, conversion = template[i + 1 : end], template[end]
        value = args.pop(0) if args else None
        used += value is not None
        out.append(_convert(spec, conversion, value, errors))
        i = end + 1
    return used


def _escape_length(template: str, i: int) -> int:
    """How many characters after ``\\x`` belong to an octal or hex escape."""
    code = template[i + 1 : i + 2]
    if code == "x":
        return len(_digits(template, i + 2, "0123456789abcdefABCDEF", 2))
    if code in "01234567" and code:
        return len(_digits(template, i + 2, "01234567", 2))
    return 0


def _convert(spec: str, conversion: str, value: str | None, errors: list[str]) -> str:
    if conversion in "sq":
        return ("%" + spec + "s") % (value or "")
    if conversion == "b":
        return ("%" + spec + "s") % echo_escapes(value or "")[0].replace("\\0", "\0")
    if conversion == "c":
        return ("%" + spec + "s") % (value or "")[:1]
    if conversion in "diouxX":
        number = _integer(value, errors)
        python = "d" if conversion in "iu" else conversion
        return ("%" + spec + python) % number
    number_f = _float(value, errors)
    return ("%" + spec + conversion) % number_f


def _integer(value: str | None, errors: list[str]) -> int:
    if not value:
        return 0
    text = value.strip()
    if text[:1] in "'\"" and len(text) > 1:
        return ord(text[1])
    try:
        return int(text, 0) if text.lower().startswith(("0x", "-0x")) else int(text, 10)
    except ValueError:
        errors.append(f"{value}: invalid number")
        digits = ""
        for char in text:
            if not (char.isdigit() or (char == "-" and not digits)):
                break
            digits += char
        return int(digits) if digits.strip("-") else 0


def _float(value: str | None, errors: list[str]) -> float:
    if not value:
        return 0.0
    try:
        return float(value)
    except ValueError:
        errors.append(f"{value}: invalid number")
        return 0.0
