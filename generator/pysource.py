"""Facts read from Python source without running it: its syntax tree, its ``__all__``,
its names and string literals.

The same module is read by several stages (exports, the base client's attributes, the
``AsyncX`` names it defines), so a parsed tree is kept for the rest of the run.
"""

from __future__ import annotations

import ast
import enum
import functools
import re
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


# The parts of a token, as Python 3.11's tokenizer defines them. A double-quoted string
# is the single-quoted pattern with the other quote.
_STRING_PREFIX = r"(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?"
_LONG_STRING = r"'''(?:[^'\\]|\\.|'(?!''))*'''"  # escapes and lone quotes inside
_SHORT_STRING = r"'(?:[^'\\\r\n]|\\.)*'"  # one line, unless a backslash ends it
_STRING = _STRING_PREFIX + "(?:{})".format(
    "|".join(
        (
            _LONG_STRING,
            _LONG_STRING.replace("'", '"'),
            _SHORT_STRING,
            _SHORT_STRING.replace("'", '"'),
        )
    )
)
_NUMBER = (
    r"0[xXoObB](?:_?[0-9a-fA-F])+"  # hexadecimal, octal, binary
    r"|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)"  # integer or decimal part
    r"(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?"  # exponent, imaginary
)
#: One token of the kinds that hide names (a comment, a string, a number) or are one,
#: tried in this order at each place, as Python's tokenizer does: a string's prefix is
#: not a name, and a number's letters (``1e5``, ``0xff``, ``2j``) are not either.
_TOKEN = re.compile(
    rf"(?P<comment>#[^\r\n]*)|(?P<string>{_STRING})|(?P<number>{_NUMBER})|(?P<name>[^\W\d]\w*)",
    re.DOTALL,
)


def names_and_strings(source: str) -> Iterator[tuple[Lexeme, int, int]]:
    """The names and string literals of ``source``, each with its start and end offset,
    as Python 3.11's tokenizer finds them, about four times faster.

    A string's prefix is part of it, and an f-string is one string (Python 3.11 reads
    it so; names in its replacement fields are not reported). Comments and numbers are
    skipped, and so is anything else. The source is assumed to be valid Python: in an
    unterminated string, names are reported.
    """
    for match in _TOKEN.finditer(source):
        kind = match.lastgroup
        if kind == "name":
            yield Lexeme.NAME, match.start(), match.end()
        elif kind == "string":
            yield Lexeme.STRING, match.start(), match.end()
