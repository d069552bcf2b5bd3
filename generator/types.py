"""Python type annotations for JSON Schemas of a normalised document.

Component schemas that become classes (objects, enums, compositions) are named by their
class; aliases (a list of X, a string) are inlined, except where an alias refers to
itself (a tree as a list of trees): there its own class, a root model, stands in. ``format: date`` and ``date-time`` are written
through the ``_dt`` module alias so that a field called ``date`` can never shadow them.
"""

from __future__ import annotations

import ast
from typing import Any

from .fmt import python_literal
from .refs import SCHEMA_PREFIX, follow_component_refs

#: How deep schemas may nest inside one annotation before it is given up as ``Any``.
MAX_DEPTH = 32

_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool", "null": "None"}
_STRING_FORMATS = {"binary": "bytes", "date-time": "_dt.datetime", "date": "_dt.date"}


def is_class_schema(schema: dict[str, Any]) -> bool:
    """True when the generated models hold a class (not an alias) for this component."""
    return any(key in schema for key in ("enum", "properties", "allOf", "oneOf", "anyOf")) or (
        schema.get("type") == "object"
    )


def optional(annotation: str) -> str:
    """``annotation`` widened to admit ``None``.

    A lone ``Literal[...]`` takes ``None`` among its values instead of ``| None``: a
    literal too long for one line then splits at its brackets, which black and ruff
    format alike, while a long union gets parentheses from black that ruff does not add.
    """
    if admits_none(annotation):
        return annotation
    if _literal_values(_expression(annotation)) is not None:
        return annotation[: annotation.rindex("]")] + ", None]"
    return f"{annotation} | None"


def admits_none(annotation: str) -> bool:
    """Whether ``annotation`` already admits ``None``: a ``None`` member of its union,
    or ``None`` among the values of one of its ``Literal`` members."""
    for member in _union_members(_expression(annotation)):
        if isinstance(member, ast.Constant) and member.value is None:
            return True
        values = _literal_values(member) or []
        if any(isinstance(v, ast.Constant) and v.value is None for v in values):
            return True
    return False


def _expression(annotation: str) -> ast.expr:
    return ast.parse(annotation, mode="eval").body


def _union_members(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union_members(node.left) + _union_members(node.right)
    return [node]


def _literal_values(node: ast.expr) -> list[ast.expr] | None:
    """The values of ``node`` when it is a ``Literal[...]``, else None."""
    if not (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Literal"
    ):
        return None
    inner = node.slice
    return list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]


class TypeNamer:
    """Turns schemas into annotation strings, resolving ``$ref`` in one document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})

    def resolve(self, schema: Any) -> dict[str, Any]:
        """Follow ``$ref``s to the schema they name (local component refs only)."""
        schema = follow_component_refs(self._schemas, schema)
        return schema if isinstance(schema, dict) else {}

    def ref_class(self, schema: Any) -> str | None:
        """The class name a ``$ref`` points at, if that component is a class
        (through ``allOf: [$ref]``, the way 3.0 documents add a default to a reference)."""
        all_of = schema.get("allOf") if isinstance(schema, dict) else None
        if isinstance(all_of, list) and len(all_of) == 1:
            schema = all_of[0]
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            name = str(schema["$ref"])[len(SCHEMA_PREFIX) :]
            if name in self._schemas and is_class_schema(self._schemas[name]):
                return name
        return None

    def annotation(self, schema: Any) -> str:
        """The Python annotation for ``schema`` (``None`` last, as people write it)."""
        return self._join(self._members(schema, 0, frozenset()))

    def _join(self, members: list[str]) -> str:
        if "Any" in members:
            return "Any"
        others = " | ".join(m for m in members if m != "None")
        if not others:
            return "None"
        return optional(others) if "None" in members else others

    def _members(self, schema: Any, depth: int, expanding: frozenset[str]) -> list[str]:
        """The members of the union a schema stands for, each one without a top-level ``|``.

        ``expanding`` holds the aliases being inlined on the way here: meeting one again
        means the alias is recursive, and its class is used instead of its expansion.
        """
        if not isinstance(schema, dict) or depth > MAX_DEPTH:
            return ["Any"]
        if "$ref" in schema:
            ref = str(schema["$ref"])
            name = self.ref_class(schema)
            if name is None and ref in expanding and ref[len(SCHEMA_PREFIX) :] in self._schemas:
                name = ref[len(SCHEMA_PREFIX) :]
            nullable = ["None"] if schema.get("nullable") else []
            if name:
                return [name, *nullable]
            resolved = self._members(self.resolve(schema), depth + 1, expanding | {ref})
            return list(dict.fromkeys(resolved + nullable))
        members: list[str] = []
        for key in ("anyOf", "oneOf"):
            if isinstance(schema.get(key), list):
                for sub in schema[key]:
                    members += self._members(sub, depth + 1, expanding)
                break
        else:
            all_of = schema.get("allOf")
            enum = schema.get("enum")
            kind = schema.get("type")
            if isinstance(all_of, list) and len(all_of) == 1:
                members = self._members(all_of[0], depth + 1, expanding)
            elif isinstance(enum, list):
                values = [v for v in enum if v is not None]
                members = (
                    [f"Literal[{', '.join(python_literal(v) for v in values)}]"] if values else []
                )
                members += ["None"] if None in enum else []
            elif isinstance(kind, list):
                for single in kind:
                    members += self._members({**schema, "type": single}, depth + 1, expanding)
            else:
                members = [self._single(schema, kind, depth, expanding)]
        if schema.get("nullable"):
            members.append("None")
        return list(dict.fromkeys(members))

    def _single(
        self, schema: dict[str, Any], kind: Any, depth: int, expanding: frozenset[str]
    ) -> str:
        if kind == "string":
            return _STRING_FORMATS.get(schema.get("format", ""), "str")
        if kind in _PRIMITIVES:
            return _PRIMITIVES[kind]
        if kind == "array":
            items = schema.get("items")
            if not isinstance(items, dict):
                return "list[Any]"
            return f"list[{self._join(self._members(items, depth + 1, expanding))}]"
        if kind == "object" or "properties" in schema or "additionalProperties" in schema:
            extra = schema.get("additionalProperties")
            value = "Any"
            if isinstance(extra, dict) and extra:
                value = self._join(self._members(extra, depth + 1, expanding))
            return f"dict[str, {value}]"
        return "Any"
