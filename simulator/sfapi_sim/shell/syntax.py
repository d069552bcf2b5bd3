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


def parse(source: str) -> Node:
    """The ``program`` node of ``source``; ShellSyntaxError when it does not parse."""
    if len(source) > MAX_SOURCE_CHARS:
        raise ShellSyntaxError(f"script too long ({len(source)} characters)")
    return _parse_cached(source)


@lru_cache(maxsize=512)
def _parse_cached(source: str) -> Node:
    tree = Parser(_LANGUAGE).parse(source.encode("utf-8", errors="surrogateescape"))
    root = tree.root_node
    if root.has_error:
        raise ShellSyntaxError(_describe_error(root))
    return root


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
    raw = node.text or b""
    return raw.decode("utf-8", errors="surrogateescape")


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
            result.append(raw[position:start].decode("utf-8", errors="surrogateescape"))
        result.append(child)
        position = max(position, child.end_byte - base)
    if position < len(raw):
        result.append(raw[position:].decode("utf-8", errors="surrogateescape"))
    return result
