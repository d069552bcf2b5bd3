"""Users' regular expressions (``grep``'s, ``[[ … =~ … ]]``'s) and glob patterns (``case``,
``[[ … == … ]]``, ``${v%pat}``, file names), run so that no pattern can hold the server:
the ``regex`` module releases Python's interpreter lock while it matches, so the
server's other threads go on, and it gives up after a timeout, so a pattern that
backtracks without end fails the command instead of running for hours.
"""

from __future__ import annotations

import regex

from .errors import ShellError

#: Seconds one match may take.
MATCH_SECONDS = 1.0

Pattern = regex.Pattern[str]
error = regex.error


class TooComplex(ShellError):
    """A match took longer than ``MATCH_SECONDS`` (the command fails with status 2)."""

    def __init__(self) -> None:
        super().__init__(
            f"regular expression too complex (a match took over {MATCH_SECONDS:g} s)", 2
        )


def compile_pattern(source: str, *, ignore_case: bool = False, dotall: bool = False) -> Pattern:
    """``source`` compiled (Python's syntax, as ``re`` reads it); ``error`` when invalid."""
    flags = (regex.IGNORECASE if ignore_case else 0) | (regex.DOTALL if dotall else 0)
    return regex.compile(source, flags)


def search(pattern: Pattern, text: str, start: int = 0) -> regex.Match[str] | None:
    """The first match of ``pattern`` in ``text`` from ``start``; TooComplex past the
    time allowed (as for every function here)."""
    try:
        return pattern.search(text, start, timeout=MATCH_SECONDS, concurrent=True)
    except TimeoutError:
        raise TooComplex from None


def match(pattern: Pattern, text: str, start: int = 0) -> regex.Match[str] | None:
    """A match of ``pattern`` at ``start`` of ``text``."""
    try:
        return pattern.match(text, start, timeout=MATCH_SECONDS, concurrent=True)
    except TimeoutError:
        raise TooComplex from None


def fullmatch(pattern: Pattern, text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``pattern`` matches all of ``text[start:end]``."""
    stop = len(text) if end is None else end
    try:
        found = pattern.fullmatch(text, start, stop, timeout=MATCH_SECONDS, concurrent=True)
    except TimeoutError:
        raise TooComplex from None
    return found is not None


def find_all(pattern: Pattern, text: str) -> list[str]:
    """Every match of ``pattern`` in ``text``, as ``grep -o`` prints them."""
    try:
        found = pattern.finditer(text, timeout=MATCH_SECONDS, concurrent=True)
        return [m.group(0) for m in found]
    except TimeoutError:
        raise TooComplex from None
