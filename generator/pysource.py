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
import re
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


#: The lexemes of Python source that matter to ``names_and_strings``: comments (skipped,
#: so that nothing in them is read), string literals with their prefixes (an f-string
#: whole, replacement fields included), numbers (skipped, so that the ``e5`` of ``1e5``
#: or the ``x`` of ``0x1f`` is not read as a name) and names. Any other character
#: (operators, blanks, line continuations) matches none of them and is passed over.
_LEXEMES = re.compile(
    r"""
    (?P<comment>\#[^\r\n]*)
    | (?P<string>
        [rRbBuUfF]{0,2}
        (?: '''(?:[^'\\]|\\.|'(?!''))*'''
          | \"\"\"(?:[^"\\]|\\.|"(?!\"\"))*\"\"\"
          | '(?:[^'\\\r\n]|\\.)*'
          | "(?:[^"\\\r\n]|\\.)*"
        )
      )
    | (?P<number>\.?\d[\w.]*)
    | (?P<name>[^\W\d]\w*)
    """,
    re.VERBOSE | re.DOTALL,
)

#: The kind of each lexeme ``names_and_strings`` reports, by its group in ``_LEXEMES``.
_REPORTED = {"name": Lexeme.NAME, "string": Lexeme.STRING}


def names_and_strings(source: str) -> Iterator[tuple[Lexeme, int, int]]:
    """The names and string literals of ``source``, each with its start and end offset
    in ``source``, as Python 3.11's tokenizer reads them.

    An f-string is one string: names in its replacement fields are not reported. One
    regular expression scan of the text (``_LEXEMES``): the standard tokenizer, written
    in Python, took most of the time of making the sync twins. ``source`` is valid
    Python; the formatter, which parses every generated module, reports one that is not.
    """
    for match in _LEXEMES.finditer(source):
        kind = _REPORTED.get(match.lastgroup or "")
        if kind is not None:
            yield kind, match.start(), match.end()
