"""Inline schemas that become classes move into components, named from where they sit.

An inline class named after its property alone (``owner`` → ``Owner``), numbered
when the name comes again (``Owner1``, ``Owner2``…), says little and shifts when the
document grows. Here
every inline schema that becomes a class of its own (an object with properties, an
enum, a composition of several schemas) gets a component named by its context before
the models are made:

* a property: the owner's class and the property (``Repository.owner`` →
  ``RepositoryOwner``);
* the items of a list: the list's name and ``Item`` (``RepositoryTopicsItem``);
* the values of a map: the map's name and ``Value``;
* a member of ``anyOf`` / ``oneOf``: its ``title`` when it has one, else the union's
  name and its position (``PetKind1``);
* the members of ``allOf`` add to their owner, so what they hold is named from it.

A name already taken (by a component or an earlier hoisted schema) takes the first free
number after it; a name the package may not use is changed by ``naming.free_class_name``
with a warning. Components are visited in document order and each hoisted schema right
after its owner, so a name depends only on where its schema sits and on the names taken
before it: the same on every run, and unchanged by schemas added elsewhere unless one
of them takes that very name.

The keywords that describe the use rather than the value (``description``, ``default``,
``nullable``, examples, ``readOnly``…) stay where the schema was, beside its new
``$ref``; a ``null`` among an enum's values becomes ``nullable`` there, so that the enum
class holds the values and the field says it may be null.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .naming import numbered, pascal_case
from .problems import pointer_join
from .refs import SCHEMA_PREFIX

#: Keywords about the place a schema is used, kept beside the ``$ref`` that replaces it.
USE_KEYWORDS = (
    "description",
    "default",
    "nullable",
    "example",
    "examples",
    "readOnly",
    "writeOnly",
    "deprecated",
)

#: Chooses the class name of a hoisted schema from the wanted one and the names taken.
Namer = Callable[[str, str, set[str]], str]


def becomes_class(schema: Any) -> bool:
    """True for an inline schema that needs a class of its own."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if isinstance(schema.get("properties"), dict) and schema["properties"]:
        return True
    all_of = schema.get("allOf")
    if isinstance(all_of, list) and len(all_of) > 1:
        return True
    values = schema.get("enum")
    return (
        isinstance(values, list)
        and any(v is not None for v in values)
        and all(
            isinstance(v, str | int | float) and not isinstance(v, bool)
            for v in values
            if v is not None
        )
    )


def hoist_nested(schemas: dict[str, Any], choose: Namer, origins: dict[str, str]) -> None:
    """Move every class-making inline schema inside ``schemas`` into ``schemas`` itself.

    ``choose(wanted, pointer, taken)`` returns the name to use for a schema found at
    ``pointer`` (it adds no number: that is done here when the name is taken).
    ``origins`` gives the pointer of a component in the document as written (its name
    there may differ), for the warnings; a component not in it is pointed at by name.
    """
    hoister = _Hoister(schemas, choose)
    queue = list(schemas)
    while queue:
        name = queue.pop(0)
        hoister.found = []
        where = hoister.origins.get(name) or origins.get(name)
        _walk_children(
            schemas[name], name, where or pointer_join("components", "schemas", name), hoister.hoist
        )
        # The hoisted schemas are visited next, before the following components.
        queue[:0] = hoister.found


class _Hoister:
    """Moves one inline schema into the components and gives the ``$ref`` to it."""

    def __init__(self, schemas: dict[str, Any], choose: Namer) -> None:
        self._schemas = schemas
        self._choose = choose
        self._taken = set(schemas)
        #: The names hoisted since the owner being walked was started.
        self.found: list[str] = []
        #: Where each hoisted schema sat in the document.
        self.origins: dict[str, str] = {}

    def hoist(self, schema: dict[str, Any], wanted: str, pointer: str) -> dict[str, Any]:
        new = numbered(self._choose(wanted, pointer, self._taken), self._taken)
        self._taken.add(new)
        reference: dict[str, Any] = {"$ref": SCHEMA_PREFIX + new}
        moved = dict(schema)
        for keyword in USE_KEYWORDS:
            if keyword in moved:
                reference[keyword] = moved.pop(keyword)
        values = moved.get("enum")
        if isinstance(values, list) and None in values:
            moved["enum"] = [v for v in values if v is not None]
            reference["nullable"] = True
        self._schemas[new] = moved
        self.found.append(new)
        self.origins[new] = pointer
        return reference


Hoister = Callable[[dict[str, Any], str, str], dict[str, Any]]


def _visit(schema: Any, wanted: str, pointer: str, hoist: Hoister) -> Any:
    """``schema`` itself (its children walked), or the ``$ref`` that replaces it."""
    if becomes_class(schema):
        return hoist(schema, wanted, pointer)
    if isinstance(schema, dict):
        _walk_children(schema, wanted, pointer, hoist)
    return schema


def _walk_children(schema: Any, owner: str, pointer: str, hoist: Hoister) -> None:
    """Hoist the schemas inside ``schema``, named from ``owner`` (the class or the
    place that holds them)."""
    if not isinstance(schema, dict):
        return
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for key, value in properties.items():
            properties[key] = _visit(
                value,
                owner + pascal_case(key, "Property"),
                pointer + pointer_join("properties", key),
                hoist,
            )
    for key, suffix in (("items", "Item"), ("additionalProperties", "Value")):
        if isinstance(schema.get(key), dict):
            schema[key] = _visit(schema[key], owner + suffix, pointer + pointer_join(key), hoist)
    for key in ("anyOf", "oneOf"):
        members = schema.get(key)
        if isinstance(members, list):
            for index, member in enumerate(members):
                title = member.get("title") if isinstance(member, dict) else None
                wanted = pascal_case(title) if isinstance(title, str) and title else None
                members[index] = _visit(
                    member,
                    wanted or f"{owner}{index + 1}",
                    pointer + pointer_join(key, index),
                    hoist,
                )
    members = schema.get("allOf")
    if isinstance(members, list):
        for index, member in enumerate(members):
            _walk_children(member, owner, pointer + pointer_join("allOf", index), hoist)
