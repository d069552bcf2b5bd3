"""Facts read from Python source without running it: its syntax tree, its ``__all__``,
its names and string literals.

The same module is read by several stages (exports, the base client's attributes, the
``AsyncX`` names it defines): each fact is kept for the rest of the run, never the tree.
A tree holds thousands of objects, which every full collection of the garbage collector
(and the interpreter's shutdown) would walk again; parsing a module once more costs less.
"""

from __future__ import annotations

import ast
import enum
import functools
import io
import itertools
import tokenize
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


def parse(source: str) -> ast.Module:
    """The syntax tree of ``source``."""
    return ast.parse(source)


@dataclass(frozen=True)
class ModuleFacts:
    """What the stages read from a module's syntax tree."""

    #: The names of ``__all__`` when the module assigns it a literal list or tuple (the
    #: last such assignment, as when the module runs), else None.
    declared_all: tuple[str, ...] | None
    #: The names its classes, functions and assignments define, at any depth.
    defined: frozenset[str]


@functools.lru_cache(maxsize=1024)
def module_facts(source: str) -> ModuleFacts:
    """The facts of ``source``, from one parse of it."""
    body = parse(source).body
    names: tuple[str, ...] | None = None
    for node in body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            and isinstance(node.value, ast.List | ast.Tuple)
        ):
            names = tuple(str(e.value) for e in node.value.elts if isinstance(e, ast.Constant))
    defined: set[str] = set()
    for statement in _statements(body):
        if isinstance(statement, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            defined.add(statement.name)
        elif isinstance(statement, ast.Assign):
            defined.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    return ModuleFacts(names, frozenset(defined))


def declared_all(source: str) -> tuple[str, ...] | None:
    """The names of ``__all__`` when the module assigns it a literal list or tuple (the
    last such assignment, as when the module runs)."""
    return module_facts(source).declared_all if "__all__" in source else None


#: The fields of a statement (or of an ``except`` clause, a ``case``) that hold
#: statements.
_BODIES = ("body", "orelse", "finalbody", "handlers", "cases")


def _statements(body: Iterable[ast.AST]) -> Iterator[ast.AST]:
    """Every statement of ``body`` and of the blocks nested in it, at any depth; the
    expressions, which define no names, are most of a tree and are not visited."""
    for node in body:
        yield node
        for field in _BODIES:
            yield from _statements(getattr(node, field, None) or [])


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
