"""Brace expansion, the first expansion bash makes of a command's word, before
parameters and globs: comma lists (``file{1,2}.txt``, ``{a,b}{x,y}``, nested
``{a,b{c,d}}``), and sequences of numbers or letters with an optional step
(``{1..10}``, ``{01..10}``, ``{a..e}``, ``{1..10..2}``).

It works on the word's source text, as bash does: quoted and escaped characters,
``${…}``, ``$(…)`` and backquotes are never braces, and a brace with neither a top-level
comma nor a valid sequence stays literal (``{a}``, ``{}``, ``{1..$n}``). The text is
first read into a small tree (:class:`Choice` and :class:`Sequence` between literal
text); the number of words and their size follow from the tree, and are checked
against the run's memory budget before any word is made, so ``{1..100000000000}`` or
``{1..1000}{1..1000}{1..1000}`` stops the run instead of filling memory.

tree-sitter-bash marks only numeric sequences as brace expressions; :func:`sequence`
and :func:`combinations` expand those nodes where a word is not read from its text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from tree_sitter import Node

from .budget import Budget
from .syntax import text

#: Opening characters after ``$`` whose text up to the matching close is never braces.
_CLOSERS = {"{": "}", "(": ")"}


@dataclass(frozen=True)
class Choice:
    """``{A,B,…}``: each alternative is itself literal text and braces."""

    alternatives: tuple[tuple[Part, ...], ...]


@dataclass(frozen=True)
class Sequence:
    """``{X..Y..STEP}`` of numbers (``width``: zero-padded) or of letters."""

    first: int
    last: int
    step: int
    width: int
    letters: bool

    def count(self) -> int:
        return abs(self.last - self.first) // self.step + 1

    def longest(self) -> int:
        if self.letters:
            return 1
        return max(self.width, len(str(self.first)), len(str(self.last))) + 1

    def words(self) -> Iterator[str]:
        direction = self.step if self.last >= self.first else -self.step
        for value in range(self.first, self.last + (1 if direction > 0 else -1), direction):
            if self.letters:
                yield chr(value)
            else:
                digits = str(abs(value)).rjust(self.width, "0")
                yield ("-" if value < 0 else "") + digits


Part = str | Choice | Sequence


def expand(word: str, budget: Budget) -> list[str] | None:
    """The words ``word`` brace-expands to, in bash's order; None when it has no
    brace expansion (then it is one word, unchanged)."""
    parts = _parse(word)
    if all(isinstance(part, str) for part in parts):
        return None
    count = _count(parts)
    budget.reserve(count * (_longest(parts) + 1), "a brace expansion")
    result: list[str] = []
    for produced in _words(parts):
        budget.tick()
        result.append(produced)
    return result


# Reading the text -----------------------------------------------------------------------


def _parse(source: str) -> tuple[Part, ...]:
    """``source`` as literal text and braces (a brace that expands to nothing stays text)."""
    parts: list[Part] = []
    literal_from = 0
    position = 0
    while position < len(source):
        char = source[position]
        if char == "{":
            close = _matching_brace(source, position)
            part = _brace(source[position + 1 : close]) if close is not None else None
            if close is not None and part is not None:
                if position > literal_from:
                    parts.append(source[literal_from:position])
                parts.append(part)
                position = literal_from = close + 1
                continue
            position += 1
            continue
        position = _skip(source, position)
    if literal_from < len(source):
        parts.append(source[literal_from:])
    return tuple(parts)


def _skip(source: str, position: int) -> int:
    """The position after the unit starting at ``position`` (a quote, an escape, a
    ``$``-expansion, a backquoted command, or one plain character)."""
    char = source[position]
    if char == "\\":
        return position + 2
    if char == "'":
        return _after(source, position + 1, "'", escapes=False)
    if char == '"':
        return _after(source, position + 1, '"', escapes=True)
    if char == "`":
        return _after(source, position + 1, "`", escapes=True)
    if char == "$" and position + 1 < len(source):
        following = source[position + 1]
        if following == "'":
            return _after(source, position + 2, "'", escapes=True)
        if following in _CLOSERS:
            return _after_nested(source, position + 1)
    return position + 1


def _after(source: str, position: int, quote: str, *, escapes: bool) -> int:
    while position < len(source):
        if escapes and source[position] == "\\":
            position += 2
            continue
        if source[position] == quote:
            return position + 1
        position += 1
    return len(source)


def _after_nested(source: str, position: int) -> int:
    """After the ``(…)`` or ``{…}`` opening at ``position`` (nesting, quotes skipped)."""
    opening = source[position]
    closing = _CLOSERS[opening]
    depth = 0
    while position < len(source):
        char = source[position]
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return position + 1
        elif char in "\\'\"`$":
            position = _skip(source, position)
            continue
        position += 1
    return len(source)


def _matching_brace(source: str, start: int) -> int | None:
    """The position of the ``}`` closing the ``{`` at ``start``, or None."""
    depth = 0
    position = start
    while position < len(source):
        char = source[position]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position
        else:
            position = _skip(source, position)
            continue
        position += 1
    return None


def _brace(body: str) -> Part | None:
    """What ``{body}`` expands to: a choice, a sequence, or None (it stays text)."""
    pieces = _top_level_split(body)
    if len(pieces) > 1:
        return Choice(tuple(_parse(piece) for piece in pieces))
    return _sequence(body)


def _top_level_split(body: str) -> list[str]:
    """``body`` split at its commas outside nested braces and quotes."""
    pieces: list[str] = []
    depth = 0
    start = 0
    position = 0
    while position < len(body):
        char = body[position]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 0:
            pieces.append(body[start:position])
            start = position + 1
        else:
            position = _skip(body, position)
            continue
        position += 1
    pieces.append(body[start:])
    return pieces


def _sequence(body: str) -> Sequence | None:
    ends = body.split("..")
    if len(ends) not in (2, 3):
        return None
    step = 1
    if len(ends) == 3:
        if not _is_integer(ends[2]):
            return None
        step = abs(int(ends[2])) or 1
    first, last = ends[0], ends[1]
    if _is_integer(first) and _is_integer(last):
        width = max(len(e.lstrip("-")) for e in (first, last))
        padded = any(_padded(e) for e in (first, last))
        return Sequence(int(first), int(last), step, width if padded else 0, letters=False)
    if all(len(end) == 1 and end.isascii() and end.isalpha() for end in (first, last)):
        return Sequence(ord(first), ord(last), step, 0, letters=True)
    return None


# Sizing and making the words -------------------------------------------------------------


def _count(parts: tuple[Part, ...]) -> int:
    total = 1
    for part in parts:
        total *= _count_part(part)
    return total


def _count_part(part: Part) -> int:
    if isinstance(part, str):
        return 1
    if isinstance(part, Sequence):
        return part.count()
    return sum(_count(alternative) for alternative in part.alternatives)


def _longest(parts: tuple[Part, ...]) -> int:
    return sum(_longest_part(part) for part in parts)


def _longest_part(part: Part) -> int:
    if isinstance(part, str):
        return len(part)
    if isinstance(part, Sequence):
        return part.longest()
    return max(_longest(alternative) for alternative in part.alternatives)


def _words(parts: tuple[Part, ...]) -> Iterator[str]:
    if not parts:
        yield ""
        return
    head, rest = parts[0], parts[1:]
    for first in _part_words(head):
        for tail in _words(rest):
            yield first + tail


def _part_words(part: Part) -> Iterator[str]:
    if isinstance(part, str):
        yield part
    elif isinstance(part, Sequence):
        yield from part.words()
    else:
        for alternative in part.alternatives:
            yield from _words(alternative)


# Numeric sequences marked by the grammar ---------------------------------------------------


def sequence(node: Node, budget: Budget) -> list[str] | None:
    """The words of a ``brace_expression`` node, or None when it is not a sequence."""
    ends = [text(c) for c in node.named_children]
    if len(ends) != 2 or not all(_is_integer(e) for e in ends):
        return None
    found = _sequence("..".join(ends))
    if found is None:
        return None
    budget.reserve(found.count() * (found.longest() + 1), f"the brace expansion {text(node)}")
    words: list[str] = []
    for word in found.words():
        budget.tick()
        words.append(word)
    return words


def combinations(choices: list[tuple[Node, list[str]]], budget: Budget) -> Iterator[dict[int, str]]:
    """Each choice of one word per brace expression (by start byte), in bash's order."""
    total = 1
    for _, words in choices:
        total *= len(words)
    longest = sum(max((len(w) for w in words), default=0) for _, words in choices)
    budget.reserve(total * (longest + 1), "a brace expansion")
    keys = [node.start_byte for node, _ in choices]
    for picked in itertools.product(*(words for _, words in choices)):
        budget.tick()
        yield dict(zip(keys, picked, strict=True))


def _is_integer(value: str) -> bool:
    digits = value[1:] if value[:1] in "+-" else value
    return digits.isdigit() and digits.isascii()


def _padded(value: str) -> bool:
    digits = value.lstrip("-")
    return len(digits) > 1 and digits.startswith("0")
