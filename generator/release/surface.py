"""The public API of a generated package, read from the IR and the normalised schemas.

What a user's code touches: every method of every endpoint group with its arguments
and return type, every model class with its fields, every enum with its values, and
the documentation of each (which changes nothing but the docstrings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ir import Api, Operation
from ..types import TypeNamer, is_class_schema


@dataclass(frozen=True)
class Argument:
    """One argument of a method, as its signature shows it."""

    name: str
    annotation: str
    required: bool
    default: str | None
    docs: str


@dataclass(frozen=True)
class Method:
    """An endpoint method, ``client.<group>.<name>(...)``."""

    group: str
    name: str
    route: str
    arguments: tuple[Argument, ...]
    returns: str
    needs_credentials: bool
    deprecated: bool
    docs: str

    @property
    def qualified(self) -> str:
        return f"{self.group}.{self.name}"


@dataclass(frozen=True)
class Field:
    """A field of a model class."""

    name: str
    annotation: str
    required: bool
    docs: str


@dataclass(frozen=True)
class Model:
    """A model class with its fields."""

    name: str
    fields: tuple[Field, ...]
    docs: str


@dataclass(frozen=True)
class Enumeration:
    """An enum class with its values."""

    name: str
    values: tuple[str, ...]
    docs: str


@dataclass(frozen=True)
class Surface:
    """Everything of a package that the API diff compares, by name."""

    methods: dict[str, Method]
    models: dict[str, Model]
    enums: dict[str, Enumeration]


def surface_of(api: Api, normalised: dict[str, Any]) -> Surface:
    """The surface of the package generated from ``normalised`` (whose IR is ``api``)."""
    methods = {
        method.qualified: method
        for tag in api.tags
        for method in (_method(tag.python_name, op) for op in tag.operations)
    }
    namer = TypeNamer(normalised)
    models: dict[str, Model] = {}
    enums: dict[str, Enumeration] = {}
    for name, schema in normalised.get("components", {}).get("schemas", {}).items():
        if not isinstance(schema, dict) or not is_class_schema(schema):
            continue
        docs = _docs(schema.get("title"), schema.get("description"))
        if isinstance(schema.get("enum"), list):
            values = tuple(str(value) for value in schema["enum"] if value is not None)
            enums[name] = Enumeration(name, values, docs)
        else:
            models[name] = Model(name, _fields(schema, namer), docs)
    return Surface(methods, models, enums)


def _method(group: str, op: Operation) -> Method:
    arguments = [
        Argument(p.python_name, p.annotation, p.required, p.default, p.description)
        for p in op.params
    ]
    docs = [op.summary, op.description, op.success.description]
    if op.body is not None:
        docs.append(op.body.description)
        if op.body.fields:
            arguments += [
                Argument(f.python_name, f.annotation, f.required, f.default, f.description)
                for f in op.body.fields
            ]
        else:
            arguments.append(Argument("body", op.body.annotation, op.body.required, None, ""))
    return Method(
        group=group,
        name=op.name,
        route=f"{op.method} {op.path}",
        arguments=tuple(arguments),
        returns=op.success.annotation,
        needs_credentials=op.requires_auth,
        deprecated=op.deprecated,
        docs=_docs(*docs),
    )


def _fields(schema: dict[str, Any], namer: TypeNamer) -> tuple[Field, ...]:
    """The fields of a model: its own properties and those of the parts it is made of."""
    parts = [schema] + [namer.resolve(part) for part in schema.get("allOf") or []]
    fields: dict[str, Field] = {}
    for part in parts:
        required = set(part.get("required") or ())
        for name, prop in (part.get("properties") or {}).items():
            resolved = prop if isinstance(prop, dict) else {}
            fields[name] = Field(
                name,
                namer.annotation(prop),
                name in required,
                _docs(resolved.get("title"), resolved.get("description")),
            )
    return tuple(fields.values())


def _docs(*texts: Any) -> str:
    return "\n".join(str(text) for text in texts if text)
