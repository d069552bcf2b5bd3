"""Object schemas whose ``anyOf`` / ``oneOf`` members narrow one of their properties.

A document may define the properties once and let each alternative say what it
changes::

    type: object
    properties:
      status: {type: string, enum: [queued, in_progress, completed]}
      conclusion: {type: string}
    anyOf:
      - properties: {status: {enum: [completed]}}
        required: [conclusion]
      - properties: {status: {enum: [queued, in_progress]}}

Each alternative is the object *and* the member: ``status`` is ``completed`` in the
first. Written as they stand, each alternative would be a class that inherits the
member's class and declares the object's properties again, so the alternative's
``status`` would take the object's wide enum instead of the member's narrow one
(which the type checker rightly refuses as an incompatible override, and which
accepts values the document excludes).

Here each property that a member also defines moves from the object into every
member: merged with the member's own definition where it has one (the member's
keywords over the object's, and of two enums only the values in both), copied where
it has none; a requirement of it moves along. The object keeps its other properties,
which the model writer adds to every alternative (``model_source.py``). Only members written
inline with properties take part, and a property given by ``$ref`` on either side is
left as it is (its definition would have to be copied out of its component).
"""

from __future__ import annotations

import copy
from typing import Any

from .structure import DATA_KEYS


def narrow_members(node: Any) -> None:
    """Apply the rule to every schema inside ``node`` (the component schemas)."""
    if isinstance(node, dict):
        for key in ("anyOf", "oneOf"):
            _narrow(node, key)
        for key, value in node.items():
            if key not in DATA_KEYS:
                narrow_members(value)
    elif isinstance(node, list):
        for value in node:
            narrow_members(value)


def _narrow(schema: dict[str, Any], key: str) -> None:
    properties = schema.get("properties")
    members = schema.get(key)
    if not (isinstance(properties, dict) and isinstance(members, list) and members):
        return
    if not all(_inline_object(member) for member in members):
        return
    shared = [
        name
        for name in properties
        if any(name in member.get("properties", {}) for member in members)
        and not _refers(properties[name])
        and not any(_refers(member.get("properties", {}).get(name)) for member in members)
    ]
    required = schema.get("required")
    for name in shared:
        outer = properties.pop(name)
        for member in members:
            own = member.setdefault("properties", {})
            own[name] = _merged(outer, own.get(name))
            if isinstance(required, list) and name in required:
                member_required = member.setdefault("required", [])
                if name not in member_required:
                    member_required.append(name)
        if isinstance(required, list) and name in required:
            required.remove(name)
    if isinstance(required, list) and not required:
        del schema["required"]


def _inline_object(member: Any) -> bool:
    """A member written in place that names properties of its own (not a ``$ref``, not
    a bare list of requirements, which the model writer merges with the object)."""
    return (
        isinstance(member, dict)
        and "$ref" not in member
        and member.get("type", "object") == "object"
        and isinstance(member.get("properties"), dict)
    )


def _refers(schema: Any) -> bool:
    return isinstance(schema, dict) and "$ref" in schema


def _merged(outer: Any, own: Any) -> Any:
    """The member's definition of a property over the object's; two enums give the
    values in both, in the member's order."""
    if not isinstance(own, dict) or not isinstance(outer, dict):
        return copy.deepcopy(outer if own is None else own)
    merged = {**copy.deepcopy(outer), **copy.deepcopy(own)}
    if isinstance(outer.get("enum"), list) and isinstance(own.get("enum"), list):
        merged["enum"] = [value for value in own["enum"] if value in outer["enum"]]
    return merged
