"""Checks that a schema's ``default`` is a value of the schema, before it becomes Python.

A default that is not (``"notauuid"`` for a ``uuid``, ``3`` for a string) would
generate a signature that fails at type-check time or sends nonsense, so it is an
error naming the pointer.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Callable
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def _fits_type(value: Any, kind: str) -> bool:
    if kind not in _TYPES:
        return True
    if isinstance(value, bool) and kind in ("integer", "number"):
        return False
    if kind == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _TYPES[kind])


def _format_problem(value: str, form: str) -> str | None:
    parsers: dict[str, Callable[[str], object]] = {
        "uuid": uuid.UUID,
        "date": _dt.date.fromisoformat,
        "date-time": lambda text: _dt.datetime.fromisoformat(text.replace("Z", "+00:00")),
    }
    parser = parsers.get(form)
    if parser is None:
        return None
    try:
        parser(value)
    except ValueError:
        return f"not a valid {form}"
    return None


#: What a ``default: null`` on a schema that takes no null means: nothing.
NULL_DEFAULT_IGNORED = "default null on a schema that is not nullable: read as no default"


def is_stray_null_default(value: Any, schema: dict[str, Any]) -> bool:
    """True for ``default: null`` (a YAML ``default:`` left empty) on a schema without
    null among its values: JSON Schema's ``default`` is only a hint, and a null one says
    the value may be left out, which the field's being optional already says."""
    return value is None and default_problem(value, schema) is not None


#: What a list of a schema's values given as the default of that schema means.
LIST_DEFAULT_IGNORED = (
    "default is a list of the schema's values, not one of them (the default of a list "
    "written on its items): read as no default"
)


def is_misplaced_list_default(value: Any, schema: dict[str, Any]) -> bool:
    """True for a list given as the default of a schema that takes no list, every item
    of which the schema takes (``default: [text, audio]`` beside ``enum: [text,
    audio]``, or ``default: []``): the default of an array, written on the schema of
    its items, where no field ever reads it."""
    return (
        isinstance(value, list)
        and default_problem(value, schema) is not None
        and all(default_problem(item, schema) is None for item in value)
    )


def ignored_default(value: Any, schema: dict[str, Any]) -> str | None:
    """Why the default ``value`` of ``schema`` is read as no default (a stray null, a
    list of the schema's values), or None for a default that is read."""
    if is_stray_null_default(value, schema):
        return NULL_DEFAULT_IGNORED
    if is_misplaced_list_default(value, schema):
        return LIST_DEFAULT_IGNORED
    return None


class InvalidDefault(ValueError):
    """A default that is not a value of its schema; the message says which rule it breaks."""


def checked_default(value: Any, schema: dict[str, Any]) -> Any:
    """``value`` as a default of ``schema``; InvalidDefault when it is not one.

    A number given for a string (``default: 1`` for ``type: string``) is read as its
    text, the one conversion that loses nothing.
    """
    if schema.get("type") == "string" and type(value) in (int, float):
        value = str(value)
    problem = default_problem(value, schema)
    if problem:
        raise InvalidDefault(f"invalid default {value!r}: {problem}")
    return value


def default_problem(value: Any, schema: dict[str, Any]) -> str | None:
    """Why ``value`` is not a value of ``schema`` (type, enum, const, format), or None."""
    kinds = schema.get("type")
    allowed = kinds if isinstance(kinds, list) else [kinds] if isinstance(kinds, str) else []
    if value is None and (schema.get("nullable") or "null" in allowed):
        return None
    if allowed and not any(_fits_type(value, kind) for kind in allowed):
        return f"not of type {' or '.join(allowed)}"
    if isinstance(schema.get("enum"), list) and value not in schema["enum"]:
        return "not one of the enum's values"
    if "const" in schema and value != schema["const"]:
        return "not the schema's const value"
    if isinstance(value, str) and isinstance(schema.get("format"), str):
        return _format_problem(value, schema["format"])
    return None
