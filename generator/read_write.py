"""``readOnly`` and ``writeOnly`` properties that a schema requires.

OpenAPI 3.0 says a required property marked ``readOnly`` is required in responses only
(the client never sends it: an ``id`` the server assigns), and one marked ``writeOnly``
in requests only (the server never returns it: a password). A model is one class for
both directions, so where it serves the direction in which such a property is absent,
the property cannot be required: a response model would refuse every answer that leaves
the password out, as the document says answers do, and a request body would demand an
``id`` the caller has not got.

So a property leaves the ``required`` list of a schema that stands, directly or through
other schemas, in a request body (when it is ``readOnly``) or in a response (when it is
``writeOnly``). A schema used in one direction only keeps every other requirement, and
the direction the document means keeps it too: a ``readOnly`` property of a schema that
only responses use stays required.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .refs import SCHEMA_PREFIX, is_component_schema
from .structure import DATA_KEYS

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def relax_one_way_requirements(document: dict[str, Any]) -> None:
    """Take ``readOnly`` properties out of the ``required`` lists of component schemas
    that request bodies use, and ``writeOnly`` ones out of those that responses use."""
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    requests, responses = directions(document, schemas)
    for name, schema in schemas.items():
        dropped = (("readOnly",) if name in requests else ()) + (
            ("writeOnly",) if name in responses else ()
        )
        if dropped and isinstance(schema, dict):
            _relax(schema, _properties(schema, schemas, set()), dropped)


def _operations(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in document.get("paths", {}).values():
        if isinstance(item, dict):
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    yield item[method]


def directions(document: dict[str, Any], schemas: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The component schemas that request bodies, and those that responses, use."""
    bodies: list[Any] = []
    answers: list[Any] = []
    for operation in _operations(document):
        body = operation.get("requestBody")
        if isinstance(body, dict):
            bodies.append(body.get("content"))
        for response in (operation.get("responses") or {}).values():
            if isinstance(response, dict):
                answers.append(response.get("content"))
    return _closure(bodies, schemas), _closure(answers, schemas)


def _closure(roots: list[Any], schemas: dict[str, Any]) -> set[str]:
    """The names of the component schemas the ``roots`` refer to, directly or not."""
    seen: set[str] = set()
    pending = [name for root in roots for name in _refs(root)]
    while pending:
        name = pending.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        pending.extend(_refs(schemas[name]))
    return seen


def _refs(node: Any) -> Iterator[str]:
    """The component schemas a node refers to, outside its data (examples, defaults)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and is_component_schema(ref):
            yield ref[len(SCHEMA_PREFIX) :]
        for key, value in node.items():
            if key not in DATA_KEYS:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _properties(schema: Any, schemas: dict[str, Any], seen: set[str]) -> dict[str, Any]:
    """The properties a schema has with its ``allOf`` members (a member may require a
    property that another member defines)."""
    if not isinstance(schema, dict):
        return {}
    ref = schema.get("$ref")
    if isinstance(ref, str) and is_component_schema(ref):
        name = ref[len(SCHEMA_PREFIX) :]
        if name in seen:
            return {}
        return _properties(schemas.get(name), schemas, seen | {name})
    found: dict[str, Any] = {}
    for member in schema.get("allOf") or []:
        found.update(_properties(member, schemas, seen))
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for key, value in properties.items():
            found[key] = _flags(value, schemas)
    return found


def _flags(prop: Any, schemas: dict[str, Any]) -> dict[str, bool]:
    """Whether a property is read-only or write-only: said beside it, or by the whole
    component schema it refers to."""
    if not isinstance(prop, dict):
        return {}
    target = prop
    ref = prop.get("$ref")
    if isinstance(ref, str) and is_component_schema(ref):
        target = schemas.get(ref[len(SCHEMA_PREFIX) :]) or {}
    return {
        flag: prop.get(flag) is True or (isinstance(target, dict) and target.get(flag) is True)
        for flag in ("readOnly", "writeOnly")
    }


def _relax(schema: dict[str, Any], properties: dict[str, Any], dropped: tuple[str, ...]) -> None:
    """Remove the properties flagged ``dropped`` from the ``required`` lists of the
    schema and of its inline ``allOf`` members."""
    required = schema.get("required")
    if isinstance(required, list):
        kept = [
            name
            for name in required
            if not any(properties.get(name, {}).get(flag) for flag in dropped)
        ]
        if len(kept) != len(required):
            if kept:
                schema["required"] = kept
            else:
                del schema["required"]
    for member in schema.get("allOf") or []:
        if isinstance(member, dict) and "$ref" not in member:
            _relax(member, properties, dropped)
