"""The parser adapter: shell text to a syntax tree, through tree-sitter's bash grammar.

The tree is tree-sitter's own (``Node``); the executor reads it with the helpers here.
tree-sitter recovers from errors, so a tree holding an ``ERROR`` or missing node is
refused here with bash's kind of message, and nothing of it runs.
"""

from __future__ import annotations

from functools import lru_cache

import tree_sitter_bash
from tree_sitter import Language, Node, Parser

from .errors import ShellSyntaxError

_LANGUAGE = Language(tree_sitter_bash.language())
#: The longest script accepted (characters).
MAX_SOURCE_CHARS = 1_000_000
#: The deepest syntax tree accepted: deeper nesting (``((((…))))``, ``$( $( … ) )``,
#: blocks in blocks) is refused before it runs, with bash's exit code for syntax errors.
MAX_TREE_DEPTH = 200
#: Characters tree-sitter-bash reads as operators inside ``[ … ]`` and ``[[ … ]]`` where
#: bash reads a word (``[ -f ~/x ]``, ``[[ -d ~ ]]``, ``[ -d / ]``), and the private
#: characters that stand for them in a second parse, so that the grammar sees words.
#: :func:`text` gives the original characters back.
_TEST_WORDS = {"~": "\ue000", "/": "\ue001"}
_RESTORE = str.maketrans({v: k for k, v in _TEST_WORDS.items()})
#: Nodes where ``~`` and ``/`` are arithmetic operators, also inside a test.
_ARITHMETIC = {"arithmetic_expansion", "compound_statement", "c_style_for_statement"}


def parse(source: str) -> Node:
    """The ``program`` node of ``source``; ShellSyntaxError when it does not parse."""
    if len(source) > MAX_SOURCE_CHARS:
        raise ShellSyntaxError(f"script too long ({len(source)} characters)")
    return _parse_cached(source)


@lru_cache(maxsize=512)
def _parse_cached(source: str) -> Node:
    data = source.encode("utf-8", errors="surrogateescape")
    root = Parser(_LANGUAGE).parse(data).root_node
    for _ in range(3):  # a word made of an operator can change how the rest parses
        spots = _test_operator_words(root)
        if not spots:
            break
        data = _as_words(data, spots)
        root = Parser(_LANGUAGE).parse(data).root_node
    deep = _too_deep(root)
    if deep is not None:
        raise ShellSyntaxError(
            f"line {line_of(deep)}: syntax error: nesting deeper than {MAX_TREE_DEPTH} levels"
        )
    if root.has_error:
        raise ShellSyntaxError(_describe_error(root))
    stray = _word_after_compound_redirect(root)
    if stray is not None:
        raise ShellSyntaxError(
            f"line {line_of(stray)}: syntax error near unexpected token `{text(stray)}'"
        )
    return root


def _too_deep(root: Node) -> Node | None:
    """A node deeper than ``MAX_TREE_DEPTH`` (found without recursion), or None."""
    stack = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if level > MAX_TREE_DEPTH:
            return node
        stack.extend((child, level + 1) for child in node.children)
    return None


def _word_after_compound_redirect(root: Node) -> Node | None:
    """A word after the target of a redirection of a compound statement (``{ a; } > f
    b``): the grammar takes it for part of the redirection, bash for a syntax error.
    (After a simple command's, it is an argument: see ``tree``.)"""
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.type != "redirected_statement":
            continue
        body = node.child_by_field_name("body")
        if body is None or body.type in ("command", "list", "pipeline"):
            continue
        for child in node.children:
            if child.type == "file_redirect":
                targets = child.children_by_field_name("destination")
                if len(targets) > 1:
                    return targets[1]
    return None


def _test_operator_words(root: Node) -> list[int]:
    """Byte offsets of ``~`` and ``/`` tokens that the grammar took for operators inside
    a test, where bash reads them as (the start of) words. Inside a part the grammar
    could not parse (``ERROR``), a test runs from its ``[``/``[[`` to its ``]``/``]]``."""
    spots: list[int] = []
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, in_test = stack.pop()
        if node.type in _ARITHMETIC:
            in_test = False
        elif node.type == "test_command":
            in_test = True
        if in_test and not node.is_named and node.type in _TEST_WORDS:
            spots.append(node.start_byte)
        inside = in_test
        for child in node.children:
            if node.type == "ERROR" and child.type in ("[", "[["):
                inside = True
            elif node.type == "ERROR" and child.type in ("]", "]]"):
                inside = in_test
            stack.append((child, inside))
    return spots


def _as_words(data: bytes, spots: list[int]) -> bytes:
    out = bytearray()
    position = 0
    for spot in sorted(spots):
        out += data[position:spot]
        out += _TEST_WORDS[chr(data[spot])].encode("utf-8")
        position = spot + 1
    out += data[position:]
    return bytes(out)


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", errors="surrogateescape").translate(_RESTORE)


def _describe_error(root: Node) -> str:
    bad = _first_error(root) or root
    line = bad.start_point.row + 1
    if bad.is_missing:
        return f"line {line}: syntax error: missing '{bad.type}'"
    token = text(bad).strip().split("\n", 1)[0][:40] or "newline"
    return f"line {line}: syntax error near unexpected token `{token}'"


def _first_error(node: Node) -> Node | None:
    if node.type == "ERROR" or node.is_missing:
        return node
    for child in node.children:
        if child.has_error or child.is_missing:
            found = _first_error(child)
            if found is not None:
                return found
    return None


def text(node: Node) -> str:
    """The source text of ``node``."""
    return _decode(node.text or b"")


def line_of(node: Node) -> int:
    """The 1-based line ``node`` starts on."""
    return int(node.start_point.row) + 1


def operator_of(node: Node) -> str:
    """The first anonymous token of ``node`` that is not a bracket (``&&``, ``>>``, ``+=``)."""
    for child in node.children:
        if not child.is_named and child.type not in ("(", ")", "((", "))", "${", "}", "$(("):
            return child.type
    return ""


def named(node: Node) -> list[Node]:
    """The named children of ``node`` except comments."""
    return [c for c in node.named_children if c.type != "comment"]


def pieces_with_gaps(node: Node) -> list[Node | str]:
    """The children of ``node`` with the source text between them (and around them).

    tree-sitter leaves some literal text of a word or string outside any child (the
    newline inside ``"a\\nb"``, the spaces of a here-document); the executor needs it.
    """
    raw = node.text or b""
    base = node.start_byte
    result: list[Node | str] = []
    position = 0
    for child in node.children:
        start = child.start_byte - base
        if start > position:
            result.append(_decode(raw[position:start]))
        result.append(child)
        position = max(position, child.end_byte - base)
    if position < len(raw):
        result.append(_decode(raw[position:]))
    return result


def word_node(word: str) -> Node | None:
    """``word`` read as one argument of a command (a word brace expansion made), or
    None when the grammar reads it otherwise (``#x`` is a comment, ``a b`` two words)."""
    try:
        program = parse(f": {word}")
    except ShellSyntaxError:
        return None
    commands = named(program)
    if len(commands) != 1 or commands[0].type != "command":
        return None
    arguments = commands[0].children_by_field_name("argument")
    if len(arguments) != 1 or text(arguments[0]) != word:
        return None
    return arguments[0]
