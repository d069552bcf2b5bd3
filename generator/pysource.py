"""Facts read from Python source without running it: its syntax tree, its ``__all__``,
its names and string literals.

The same module is read by several stages (exports, the base client's attributes, the
``AsyncX`` names it defines), so a parsed tree is kept for the rest of the run.
"""

from __future__ import annotations

import ast
import enum
import functools
import io
import itertools
import tokenize
from collections.abc import Iterator


@functools.lru_cache(maxsize=1024)
def parse(source: str) -> ast.Module:
    """The syntax tree of ``source`` (shared: callers must not change it)."""
    return ast.parse(source)


def declared_all(source: str) -> list[str] | None:
    """The names of ``__all__`` when the module assigns it a literal list or tuple (the
    last such assignment, as when the module runs)."""
    names: list[str] | None = None
    for node in parse(source).body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            and isinstance(node.value, ast.List | ast.Tuple)
        ):
            names = [str(e.value) for e in node.value.elts if isinstance(e, ast.Constant)]
    return names


class Lexeme(enum.Enum):
    """The kinds of token ``names_and_strings`` reports."""

    NAME = "name"
    STRING = "string"


# Python 3.12 and later give an f-string's parts as tokens of their own.
_FSTRING_START = getattr(tokenize, "FSTRING_START", None)
_FSTRING_END = getattr(tokenize, "FSTRING_END", None)


def names_and_strings(source: str) -> Iterator[tuple[Lexeme, int, int]]:
    """The names and string literals of ``source`` (Python's tokenizer), each with its
    start and end offset in ``source``.

    An f-string is one string, whatever the Python version (3.11 reads it so; later
    versions give its parts as tokens, which are joined here): names in its replacement
    fields are not reported, so the result is the same on every version.
    """
    lines = io.StringIO(source).readlines()  # the lines as the tokenizer reads them
    starts = [0, *itertools.accumulate(len(line) for line in lines)]
    depth = 0
    begin = 0
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        kind = token.type
        if kind == _FSTRING_START:
            if depth == 0:
                begin = starts[token.start[0] - 1] + token.start[1]
            depth += 1
        elif kind == _FSTRING_END:
            depth -= 1
            if depth == 0:
                yield Lexeme.STRING, begin, starts[token.end[0] - 1] + token.end[1]
        elif depth == 0 and kind in (tokenize.NAME, tokenize.STRING):
            start = starts[token.start[0] - 1] + token.start[1]
            end = starts[token.end[0] - 1] + token.end[1]
            yield (Lexeme.NAME if kind == tokenize.NAME else Lexeme.STRING), start, end
