"""A small typed schema for TOML configuration, checked before anything reads the values.

Each problem names the key by JSON pointer (``#/parameters/slash_allowed``) and says
which rule it breaks, so a typo in a nested table or a string where a list belongs
ends in one clear line instead of a TypeError, or a string read as a list of letters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .problems import pointer_join


@dataclass(frozen=True)
class Value:
    """A single TOML value of one Python type (``str`` or ``bool``)."""

    kind: type
    identifier: bool = False

    def describe(self) -> str:
        text = {str: "a string", bool: "true or false"}.get(self.kind, self.kind.__name__)
        return "a Python identifier" if self.identifier else text


@dataclass(frozen=True)
class ListOf:
    """An array whose items all follow ``item``."""

    item: Value

    def describe(self) -> str:
        return "a list of " + self.item.describe().removeprefix("a ") + "s"


@dataclass(frozen=True)
class MapOf:
    """A table with free keys, each value following ``value``."""

    value: Schema

    def describe(self) -> str:
        return "a table"


@dataclass(frozen=True)
class Table:
    """A table with known keys; ``required`` ones must be present."""

    fields: dict[str, Schema]
    required: frozenset[str] = field(default_factory=frozenset)

    def describe(self) -> str:
        return "a table"


Schema = Value | ListOf | MapOf | Table


def _type_name(value: Any) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _fits(value: Any, rule: Value) -> bool:
    if type(value) is not rule.kind:
        return False
    return not rule.identifier or (isinstance(value, str) and value.isidentifier())


def check(value: Any, schema: Schema, path: tuple[str | int, ...] = ()) -> tuple[str, str] | None:
    """The first problem of ``value`` against ``schema``: ``(pointer, rule)``, or None."""
    pointer = pointer_join(*path) if path else "/"
    if isinstance(schema, Value):
        if not _fits(value, schema):
            return pointer, f"must be {schema.describe()}, not {_type_name(value)} {value!r}"
        return None
    if isinstance(schema, ListOf):
        if not isinstance(value, list):
            return pointer, f"must be {schema.describe()}, not {_type_name(value)} {value!r}"
        for index, item in enumerate(value):
            found = check(item, schema.item, (*path, index))
            if found:
                return found
        return None
    if not isinstance(value, dict):
        return pointer, f"must be a table, not {_type_name(value)} {value!r}"
    if isinstance(schema, MapOf):
        for key, item in value.items():
            found = check(item, schema.value, (*path, key))
            if found:
                return found
        return None
    unknown = sorted(set(value) - set(schema.fields))
    if unknown:
        known = ", ".join(sorted(schema.fields))
        return pointer_join(*path, unknown[0]), f"unknown key {unknown[0]!r} (known: {known})"
    missing = sorted(schema.required - set(value))
    if missing:
        return pointer, f"the key {missing[0]!r} is required"
    for key, item in value.items():
        found = check(item, schema.fields[key], (*path, key))
        if found:
            return found
    return None
