"""Brace expansion of sequences, ``{1..10}`` and ``{01..10}``: the first expansion bash
makes of a command's word, before parameters and globs (``a{1..3}b`` is ``a1b a2b a3b``).

tree-sitter-bash marks only numeric sequences as brace expressions; the other forms
(``{a,b}``, ``{a..e}``, ``{1..9..2}``) stay literal text here. The number of words and
their size are checked against the run's memory budget before any is made, so
``{1..100000000000}`` stops the run instead of filling memory.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from tree_sitter import Node

from .budget import Budget
from .syntax import text


def sequence(node: Node, budget: Budget) -> list[str] | None:
    """The words of a ``brace_expression`` node, or None when it is not a sequence."""
    ends = [text(c) for c in node.named_children]
    if len(ends) != 2 or not all(_is_integer(e) for e in ends):
        return None
    first, last = int(ends[0]), int(ends[1])
    width = max(len(e.lstrip("-")) for e in ends) if any(_padded(e) for e in ends) else 0
    count = abs(last - first) + 1
    size = count * (max(len(ends[0]), len(ends[1]), width) + 2)
    budget.reserve(size, f"the brace expansion {text(node)}")
    step = 1 if last >= first else -1
    words: list[str] = []
    for value in range(first, last + step, step):
        budget.tick()
        digits = str(abs(value)).rjust(width, "0")
        words.append(("-" if value < 0 else "") + digits)
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
    return value.lstrip("-").isdigit() and value.count("-") <= 1 and not value.endswith("-")


def _padded(value: str) -> bool:
    digits = value.lstrip("-")
    return len(digits) > 1 and digits.startswith("0")
