"""Enum members whose names would hide a method of their enum's base type.

The string enums of the models are ``StrEnum`` classes, so a member called ``title``,
``count`` or ``upper`` would replace the ``str`` method of that name: the type checker
refuses the class, and code calling ``member.upper()`` would meet an enum member. Such
a member is named with a trailing underscore (``title_``), its value unchanged, through
the ``x-enum-varnames`` extension the model writer reads (``None`` for a member it
names itself). Names an enum already gives its members are left as they are.
"""

from __future__ import annotations

from typing import Any

#: The public attributes of the types an enum of the models derives from.
_BASE_ATTRIBUTES = frozenset(
    name for kind in (str, int, float) for name in dir(kind) if not name.startswith("_")
)

VARNAMES = "x-enum-varnames"


def member_name(value: Any) -> str | None:
    """The name given to the member of ``value``, or None where the model writer's
    own name is kept."""
    if isinstance(value, str) and value in _BASE_ATTRIBUTES:
        return f"{value}_"
    return None


def name_enum_members(node: Any) -> None:
    """Give every enum in ``node`` (a schema, at any depth) the member names it needs."""
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and VARNAMES not in node and "x-enumNames" not in node:
            names = [member_name(value) for value in values if value is not None]
            if any(names):
                node[VARNAMES] = names
        for key, value in node.items():
            if key in ("properties", "patternProperties") and isinstance(value, dict):
                for schema in value.values():
                    name_enum_members(schema)
            elif key not in ("enum", "default", "example", "examples", "const", VARNAMES):
                name_enum_members(value)
    elif isinstance(node, list):
        for value in node:
            name_enum_members(value)
