"""Users' regular expressions (``grep``'s, ``[[ … =~ … ]]``'s), run so that no pattern can
hold the server: the ``regex`` module releases Python's interpreter lock while it
matches, so the server's other threads go on, and it gives up after a timeout, so a
pattern that backtracks without end fails the command instead of running for hours.
"""

from __future__ import annotations

import regex

#: Seconds one match may take.
MATCH_SECONDS = 1.0

Pattern = regex.Pattern[str]
error = regex.error


class TooComplex(Exception):
    """A match took longer than ``MATCH_SECONDS``."""

    def __init__(self) -> None:
        super().__init__(f"regular expression too complex (a match took over {MATCH_SECONDS:g} s)")


def compile_pattern(source: str, *, ignore_case: bool = False) -> Pattern:
    """``source`` compiled (Python's syntax, as ``re`` reads it); ``error`` when invalid."""
    return regex.compile(source, regex.IGNORECASE if ignore_case else 0)


def search(pattern: Pattern, text: str) -> regex.Match[str] | None:
    """The first match of ``pattern`` in ``text``; TooComplex past the time allowed."""
    try:
        return pattern.search(text, timeout=MATCH_SECONDS, concurrent=True)
    except TimeoutError:
        raise TooComplex from None


def find_all(pattern: Pattern, text: str) -> list[str]:
    """Every match of ``pattern`` in ``text``, as ``grep -o`` prints them."""
    try:
        return [m.group(0) for m in pattern.finditer(text, timeout=MATCH_SECONDS, concurrent=True)]
    except TimeoutError:
        raise TooComplex from None
