"""Semantic differences between two JSON Schemas of an OpenAPI document.

A schema is compared by what a client sees: its set of types (``string``,
``string:date-time``, ``null``, a named schema…), enum values, properties and which
of them are required, array items and map values. Key order, whitespace and, unless
asked, descriptions do not count. A reference to a named schema is followed only
when the two sides name different schemas; a named schema's own changes are
reported once, under its name, by :mod:`generator.drift.compare`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..problems import pointer_join
from ..refs import SCHEMA_PREFIX
from .model import DOCUMENTATION, Direction

#: Keys that document rather than constrain; compared only with ``--include-docs``.
DOC_KEYS = frozenset({"description", "summary", "title", "example", "examples", "externalDocs"})

#: ``emit(kind, pointer, detail, breaking_for)``; ``breaking_for`` is the set of
#: directions in which the change breaks a client.
Emit = Callable[[str, str, str, Direction | None], None]


def schema_name(ref: str) -> str | None:
    """The component name a ``$ref`` points at, or None for other references."""
    return ref[len(SCHEMA_PREFIX) :] if ref.startswith(SCHEMA_PREFIX) else None


def extend(pointer: str, *parts: str) -> str:
    """``pointer`` with ``parts`` appended, each escaped (RFC 6901)."""
    return pointer + pointer_join(*parts)


def without_docs(node: Any) -> Any:
    """``node`` with documentation keys removed at every depth (properties keep their names)."""
    if isinstance(node, dict):
        return {
            key: (
                {name: without_docs(value) for name, value in node[key].items()}
                if key == "properties" and isinstance(node[key], dict)
                else without_docs(node[key])
            )
            for key in node
            if key not in DOC_KEYS
        }
    if isinstance(node, list):
        return [without_docs(item) for item in node]
    return node


class SchemaDiffer:
    """Compares schemas of the committed (``old``) and live (``new``) documents.

    ``moved`` maps old schema names to the new names of schemas that moved without
    changing, so that a reference to the moved schema compares equal.
    """

    def __init__(
        self,
        old_doc: dict[str, Any],
        new_doc: dict[str, Any],
        moved: dict[str, str],
        include_docs: bool,
    ) -> None:
        self.old_doc, self.new_doc = old_doc, new_doc
        self.moved = moved
        self.include_docs = include_docs

    # -- types ---------------------------------------------------------------

    def same_name(self, old_name: str, new_name: str) -> bool:
        return self.moved.get(old_name, old_name) == new_name

    def _atoms(self, schema: Any, rename: dict[str, str]) -> frozenset[str]:
        """The set of types a value of ``schema`` may have, as short labels."""
        if not isinstance(schema, dict) or not schema:
            return frozenset({"any"})
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = schema_name(ref) or ref
            return frozenset({rename.get(name, name)})
        for combinator in ("anyOf", "oneOf"):
            branches = schema.get(combinator)
            if isinstance(branches, list):
                return frozenset().union(*(self._atoms(b, rename) for b in branches))
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            return self._atoms(all_of[0], rename)
        types = schema.get("type")
        if types is None:
            if "enum" in schema:
                types = sorted({_json_type(value) for value in schema["enum"]})
            elif "const" in schema:
                types = _json_type(schema["const"])
            elif "properties" in schema:
                types = "object"
            elif isinstance(all_of, list):
                return frozenset({"allOf"})
            else:
                return frozenset({"any"})
        atoms = set()
        for kind in types if isinstance(types, list) else [types]:
            fmt = schema.get("format")
            atoms.add(f"{kind}:{fmt}" if fmt and kind in ("string", "integer", "number") else kind)
        if schema.get("nullable") is True:
            atoms.add("null")
        return frozenset(atoms)

    def old_atoms(self, schema: Any) -> frozenset[str]:
        return self._atoms(schema, self.moved)

    def new_atoms(self, schema: Any) -> frozenset[str]:
        return self._atoms(schema, {})

    # -- comparison -------------------------------------------------------------

    def diff(
        self,
        old: Any,
        new: Any,
        old_ptr: str,
        new_ptr: str,
        emit: Emit,
        _seen: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        """Report every difference between ``old`` and ``new`` through ``emit``."""
        old = old if isinstance(old, dict) else {}
        new = new if isinstance(new, dict) else {}
        old_ref, new_ref = old.get("$ref"), new.get("$ref")
        old_name = schema_name(old_ref) if isinstance(old_ref, str) else None
        new_name = schema_name(new_ref) if isinstance(new_ref, str) else None
        if old_name and new_name and self.same_name(old_name, new_name):
            return  # the named schema's own changes are reported under its name
        if (old_name or new_name) and (old_name, new_name) not in _seen:
            # One side inlines what the other names, or they name different schemas:
            # compare what the names stand for.
            seen = _seen | {(old_name or "", new_name or "")}
            if old_name:
                old_ptr, old = _component(self.old_doc, old_name)
            if new_name:
                new_ptr, new = _component(self.new_doc, new_name)
            self.diff(old, new, old_ptr, new_ptr, emit, seen)
            return
        self._types(old, new, new_ptr, emit)
        self._enum(old, new, new_ptr, emit)
        self._properties(old, new, old_ptr, new_ptr, emit, _seen)
        for key in ("items", "additionalProperties", "not"):
            if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
                self.diff(
                    old[key],
                    new[key],
                    f"{old_ptr}/{key}",
                    f"{new_ptr}/{key}",
                    emit,
                    _seen,
                )
        for combinator in ("allOf", "anyOf", "oneOf"):
            olds, news = old.get(combinator), new.get(combinator)
            if isinstance(olds, list) and isinstance(news, list) and len(olds) == len(news):
                for index, (a, b) in enumerate(zip(olds, news, strict=True)):
                    self.diff(
                        a,
                        b,
                        f"{old_ptr}/{combinator}/{index}",
                        f"{new_ptr}/{combinator}/{index}",
                        emit,
                        _seen,
                    )
        if old.get("default") != new.get("default"):
            emit(
                "default changed",
                new_ptr,
                f"{_show(old.get('default'))} → {_show(new.get('default'))}",
                None,
            )
        if self.include_docs:
            for key in sorted(DOC_KEYS - {"examples", "externalDocs"}):
                if old.get(key) != new.get(key):
                    emit(f"{key} changed", f"{new_ptr}/{key}", DOCUMENTATION, None)

    def _types(self, old: dict[str, Any], new: dict[str, Any], ptr: str, emit: Emit) -> None:
        before, after = self.old_atoms(old), self.new_atoms(new)
        if before == after:
            return
        # Sending: a wider type still accepts what the client sends. Parsing: a
        # narrower type still parses with the client's model.
        breaking = Direction(0)
        if not before <= after:
            breaking |= Direction.REQUEST
        if not after <= before:
            breaking |= Direction.RESPONSE
        emit("type changed", ptr, f"{_label(before)} → {_label(after)}", breaking)

    def _enum(self, old: dict[str, Any], new: dict[str, Any], ptr: str, emit: Emit) -> None:
        if not isinstance(old.get("enum"), list) or not isinstance(new.get("enum"), list):
            return
        before = {_show(value) for value in old["enum"]}
        after = {_show(value) for value in new["enum"]}
        for value in sorted(before - after):
            # A client may still send it; a client never receives it.
            emit("enum value removed", f"{ptr}/enum", value, Direction.REQUEST)
        for value in sorted(after - before):
            # The client's enum cannot parse it; sending is unaffected.
            emit("enum value added", f"{ptr}/enum", value, Direction.RESPONSE)

    def _properties(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        old_ptr: str,
        new_ptr: str,
        emit: Emit,
        seen: frozenset[tuple[str, str]],
    ) -> None:
        old_props, new_props = mapping(old, "properties"), mapping(new, "properties")
        old_required = set(old.get("required") or ())
        new_required = set(new.get("required") or ())
        for name in sorted(old_props.keys() - new_props.keys()):
            emit(
                "field removed",
                extend(old_ptr, "properties", name),
                name,
                Direction.BOTH,
            )
        for name in sorted(new_props.keys() - old_props.keys()):
            required = name in new_required
            emit(
                "field added",
                extend(new_ptr, "properties", name),
                f"{name} ({'required' if required else 'optional'})",
                Direction.REQUEST if required else Direction(0),
            )
        for name in sorted(old_props.keys() & new_props.keys()):
            field_ptr = extend(new_ptr, "properties", name)
            was, now = name in old_required, name in new_required
            if now and not was:
                emit("field made required", field_ptr, name, Direction.REQUEST)
            elif was and not now:
                emit("field made optional", field_ptr, name, Direction.RESPONSE)
            self.diff(
                old_props[name],
                new_props[name],
                extend(old_ptr, "properties", name),
                field_ptr,
                emit,
                seen,
            )


def mapping(node: Any, key: str) -> dict[str, Any]:
    """``node[key]`` when it is a JSON object, else an empty one."""
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, dict) else {}


def _component(document: dict[str, Any], name: str) -> tuple[str, Any]:
    schemas = mapping(mapping(document, "components"), "schemas")
    return pointer_join("components", "schemas", name), schemas.get(name, {})


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if value is None:
        return "null"
    return "string" if isinstance(value, str) else type(value).__name__


def _label(atoms: frozenset[str]) -> str:
    return " | ".join(sorted(atoms))


def _show(value: Any) -> str:
    return "(none)" if value is None else str(value) if isinstance(value, str) else repr(value)
