"""Stage 4a: the source of the pydantic models, written from the normalised schemas.

One class per component schema, in one module (``model_split.py`` then gives each class
a module of its own):

* an ``enum`` becomes a standard-library enum (``StrEnum``, ``IntEnum``, else ``Enum``);
  a ``null`` among its values makes every reference to it admit ``None``;
* an object becomes a ``BaseModel``: a field per property, in the document's order,
  optional ones defaulting to ``None`` unless they say otherwise;
  ``additionalProperties: false`` forbids other keys, ``true`` or a schema keeps them
  (typed by that schema), and an object with no properties at all keeps what it gets;
* ``allOf`` of one object component and inline additions is a subclass of that
  component's class; any other ``allOf`` of objects is one class with every member's
  properties;
* an object whose ``anyOf`` / ``oneOf`` members add to it (a requirement, a property)
  is a class per member, holding the object's properties and the member's, and a
  ``RootModel`` of their union;
* a union with a ``discriminator`` whose members are object classes is a tagged union
  (``Field(discriminator=...)``), each member's class taking the property as a
  ``Literal`` of its values;
* anything else (a list, a map, a union, a primitive) becomes a ``RootModel``, whose
  type is given as text when it names a class (a class of the same cycle may come
  later in the module).

Inline schemas have been moved into components by the normaliser (``hoist.py``), so
what remains inline is written as an annotation: ``list[X]``, ``dict[str, X]``,
``X | Y``, ``Literal[...]``, a primitive, or ``Any``. Constraints go into
``Field(...)`` (``StringConstraints`` for the keys of a map), the title beside them, a
description into the class's or the field's docstring. A property whose name is no
Python identifier (or would hide something) gets a Python name and the key as alias.

Everything is decided from the schemas alone, in one pass over them, and the same
schemas always give the same text.
"""

from __future__ import annotations

import ast
import keyword
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .fmt import python_literal
from .member_names import VARNAMES
from .naming import numbered
from .refs import SCHEMA_PREFIX, follow_component_refs

#: Python types for a string's ``format`` (module, name); other formats are plain text.
STRING_FORMATS: dict[str, tuple[str, str]] = {
    "date-time": ("pydantic", "AwareDatetime"),
    "date": ("datetime", "date"),
    "time": ("datetime", "time"),
    "duration": ("datetime", "timedelta"),
    "uuid": ("uuid", "UUID"),
    # A UUID of one version, as Ory's and others' descriptions name them.
    "uuid1": ("pydantic", "UUID1"),
    "uuid3": ("pydantic", "UUID3"),
    "uuid4": ("pydantic", "UUID4"),
    "uuid5": ("pydantic", "UUID5"),
    "uri": ("pydantic", "AnyUrl"),
    "binary": ("", "bytes"),
    "password": ("pydantic", "SecretStr"),
    "ipv4": ("ipaddress", "IPv4Address"),
    "ipv6": ("ipaddress", "IPv6Address"),
    "decimal": ("decimal", "Decimal"),
}

#: Formats that are text with a meaning pydantic does not check (or that a check
#: stricter than the server's would get wrong, as e-mail addresses): a plain ``str``.
TEXT_FORMATS = frozenset(
    {
        "",
        "byte",
        "email",
        "idn-email",
        "hostname",
        "idn-hostname",
        "uri-reference",
        "uri-template",
        "iri",
        "iri-reference",
        "json-pointer",
        "relative-json-pointer",
        "regex",
        "color",
        "html",
        "markdown",
        "text",
    }
)

_NUMBER_FORMATS = frozenset({"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32"})

#: Where the names a models module may import come from, in the order they are imported.
IMPORT_ORDER = ("enum", "typing", "pydantic", "datetime", "uuid", "decimal", "ipaddress")

#: Every name a models module may import: a class of the models may take none of them.
IMPORTABLE_NAMES = frozenset(
    {name for module, name in STRING_FORMATS.values() if module}
    | {"Enum", "IntEnum", "StrEnum", "Annotated", "Any", "Literal"}
    | {"BaseModel", "ConfigDict", "Field", "RootModel", "StringConstraints"}
)

#: Python types a string constraint (length, pattern) applies to.
_TEXT_TYPES = frozenset({"str", "SecretStr", "bytes"})
_NUMBER_TYPES = frozenset({"int", "float", "Decimal"})

#: JSON Schema keywords for constraints, and the ``Field`` argument of each by kind.
_STRING_CONSTRAINTS = (
    ("minLength", "min_length"),
    ("maxLength", "max_length"),
    ("pattern", "pattern"),
)
_ARRAY_CONSTRAINTS = (("minItems", "min_length"), ("maxItems", "max_length"))
_MAP_CONSTRAINTS = (("minProperties", "min_length"), ("maxProperties", "max_length"))


def base_model_attributes() -> frozenset[str]:
    """The names a model's field may not take as they are: ``BaseModel``'s attributes,
    which the field would hide."""
    from pydantic import BaseModel

    return frozenset(name for name in dir(BaseModel) if not name.startswith("__"))


@dataclass
class _Module:
    """What the classes written so far need: imports, and notes for the run's warnings."""

    #: Names a field of the module takes: a type of the same name is imported under
    #: an alias (``date_aliased``), or the field's default would hide it.
    field_names: frozenset[str] = frozenset()
    imports: dict[str, set[str]] = field(default_factory=dict)
    notes: dict[str, None] = field(default_factory=dict)

    def use(self, module: str, name: str) -> str:
        """``name`` imported from ``module`` ('' for a builtin); the name to write."""
        if not module:
            return name
        self.imports.setdefault(module, set()).add(name)
        return f"{name}_aliased" if name in self.field_names else name

    def import_lines(self) -> list[str]:
        lines = []
        for module in IMPORT_ORDER:
            names = sorted(self.imports.get(module, ()))
            if names:
                parts = [f"{n} as {n}_aliased" if n in self.field_names else n for n in names]
                lines.append(f"from {module} import {', '.join(parts)}")
        return lines


@dataclass
class _Fields:
    """An object schema's properties, required keys and ``additionalProperties``."""

    properties: dict[str, Any] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    extra: Any = None


@dataclass
class _Needs:
    """What the class being written refers to: other classes, and imported names."""

    refs: set[str] = field(default_factory=set)
    uses: set[tuple[str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class ModelClass:
    """One class of the models: its name, its source, the classes it names and the
    names it imports (``("pydantic", "BaseModel")``), whether it is an enum."""

    name: str
    source: str
    refers_to: frozenset[str]
    imports: frozenset[tuple[str, str]]
    is_enum: bool


@dataclass(frozen=True)
class WrittenModels:
    """The classes of a document's schemas in the order a module defines them (a class
    after those it needs, where no cycle forbids it), and what the writing noted."""

    classes: tuple[ModelClass, ...]
    #: Names fields take: a type of the same name is imported as ``<name>_aliased``.
    field_names: frozenset[str]
    notes: tuple[str, ...]


class ModelWriter:
    """Writes the classes of one document's component schemas."""

    def __init__(self, schemas: dict[str, Any]) -> None:
        self._schemas = schemas
        self._reserved_fields = base_model_attributes()
        self._module = _Module(field_names=self._all_field_names())
        #: Classes whose schema admits null (an enum with a ``null`` value, an object
        #: marked ``nullable``): a reference to one admits None, as the class cannot.
        self._nullable_classes = {
            name
            for name, schema in schemas.items()
            if isinstance(schema, dict) and self._admits_null_beside_class(schema)
        }
        #: The member names of each enum class, by value, for defaults.
        self._members: dict[str, dict[Any, str]] = {}
        #: What the class being written needs (its module imports it).
        self._needs = _Needs()
        #: The values each class takes for a property that tells a union's members
        #: apart (``discriminator``), by class and property.
        self._tags: dict[str, dict[str, list[str]]] = {}
        #: Class names in use: the components' and those of alternatives made here.
        self._taken: set[str] = set(schemas)
        #: The base class each object component's class was given (None: BaseModel).
        self._bases: dict[str, str | None] = {}

    # -- the module ---------------------------------------------------------------

    def written(self) -> WrittenModels:
        """Every class of the schemas, in order."""
        classes = [item for name in self._schemas for item in self.write_class(name)]
        if self._tags:
            # The members of discriminated unions, met after their classes were written,
            # are written again with their tag properties as literals.
            again = {item.name: item for name in self._tags for item in self.write_class(name)}
            classes = [again.get(item.name, item) for item in classes]
        return WrittenModels(
            tuple(_dependency_order(classes)),
            self._module.field_names,
            tuple(self._module.notes),
        )

    def module(self, header: str) -> tuple[str, tuple[str, ...]]:
        """All classes as one module's source, and the notes the writing gave."""
        written = self.written()
        lines = [header, "", "from __future__ import annotations", "", *self._module.import_lines()]
        body = "\n\n\n".join(c.source for c in written.classes)
        return "\n".join(lines) + "\n\n\n" + body + "\n", written.notes

    def _use(self, module: str, name: str) -> str:
        """``name`` of ``module`` ('' for a builtin), needed by the class being written;
        the name to write (``date_aliased`` where a field takes the name)."""
        if module:
            self._needs.uses.add((module, name))
        return self._module.use(module, name)

    def _class(self, name: str, source: str, is_enum: bool = False) -> ModelClass:
        """The class ``name`` with what the writing of it needed."""
        needs = self._needs
        return ModelClass(
            name, source, frozenset(needs.refs - {name}), frozenset(needs.uses), is_enum
        )

    def write_class(self, name: str) -> list[ModelClass]:
        """The class of the component ``name`` (and those of its alternatives, for an
        object whose ``anyOf`` / ``oneOf`` members each add to its properties)."""
        schema = self._schemas[name]
        if not isinstance(schema, dict):
            schema = {} if schema is True else {"not": {}}
        values = schema.get("enum")
        self._needs = _Needs()
        if isinstance(values, list) and any(v is not None for v in values) and "$ref" not in schema:
            return [self._class(name, self._enum_class(name, schema), is_enum=True)]
        alternatives = schema.get("anyOf") or schema.get("oneOf")
        if isinstance(alternatives, list) and schema.get("properties") and self._is_object(schema):
            return self._alternative_classes(name, schema, alternatives)
        if self._is_object(schema):
            source = self._object_class(name, schema)
        else:
            source = self._root_class(name, schema)
        return [self._class(name, source)]

    def _alternative_classes(
        self, name: str, schema: dict[str, Any], alternatives: list[Any]
    ) -> list[ModelClass]:
        """An object with properties and ``anyOf`` / ``oneOf`` members: a class per
        member that holds the object's properties with what the member adds (its own
        properties, its requirements), named ``<Name><n>`` with the first free numbers,
        and the component itself a root model of their union."""
        outer = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf", "description")}
        classes: list[ModelClass] = []
        members: list[str] = []
        root_needs = _Needs()
        for member in alternatives:
            resolved = self._resolve(member)
            if not isinstance(resolved, dict) or not (
                self._is_object(resolved) or _adds_requirements(resolved)
            ):
                self._needs = root_needs
                members.append(self.annotation(member))
                continue
            new = _numbered_from_one(name, self._taken)
            self._taken.add(new)
            if isinstance(member, dict) and "$ref" in member and self._is_object(resolved):
                combined: dict[str, Any] = {"allOf": [member, outer]}
            else:
                combined = {
                    **outer,
                    "properties": {**outer.get("properties", {}), **resolved.get("properties", {})},
                    "required": list(
                        dict.fromkeys([*outer.get("required", []), *resolved.get("required", [])])
                    ),
                }
            self._needs = _Needs()
            source = self._object_class(new, combined)
            classes.append(self._class(new, source))
            members.append(new)
            root_needs.refs.add(new)
        self._needs = root_needs
        union = " | ".join(_unique(members))
        lines = [self._root_header(name, union, True)]
        lines += _docstring(schema.get("description"), "    ")
        lines.append(f"    root: {union}")
        classes.append(self._class(name, "\n".join(lines)))
        return classes

    def _admits_null_beside_class(self, schema: dict[str, Any]) -> bool:
        values = schema.get("enum")
        if isinstance(values, list) and any(v is not None for v in values):
            return None in values or schema.get("nullable") is True
        kind = schema.get("type")
        takes_null = schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind)
        return takes_null and self._is_object(schema)

    def _all_field_names(self) -> frozenset[str]:
        """The Python name of every property of every component (aliases aside)."""
        names: set[str] = set()
        reserved = self._reserved_fields | set(self._schemas)
        stack = list(self._schemas.values())
        while stack:
            schema = stack.pop()
            if not isinstance(schema, dict):
                continue
            properties = schema.get("properties")
            if isinstance(properties, dict):
                names.update(_field_name(key, reserved) for key in properties)
            members = schema.get("allOf")
            if isinstance(members, list):
                stack.extend(members)
        return frozenset(names)

    # -- enums --------------------------------------------------------------------

    def _enum_class(self, name: str, schema: dict[str, Any]) -> str:
        values = [v for v in schema["enum"] if v is not None]
        given = schema.get(VARNAMES)
        given = (
            given if isinstance(given, list) and len(given) == len(values) else [None] * len(values)
        )
        if all(isinstance(v, str) for v in values):
            base = "StrEnum"
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            base = "IntEnum"
        else:
            base = "Enum"
        self._use("enum", base)
        lines = [f"class {name}({base}):"]
        lines += _docstring(schema.get("description"), "    ")
        taken: set[str] = set()
        members: dict[Any, str] = {}
        for value, wanted in zip(values, given, strict=True):
            if _key(value) in members:
                continue
            member = (
                wanted if isinstance(wanted, str) and wanted.isidentifier() else _member_name(value)
            )
            member = numbered(member, taken, 1, "_")
            taken.add(member)
            members[_key(value)] = member
            lines.append(f"    {member} = {python_literal(value)}")
        self._members[name] = members
        return "\n".join(lines)

    # -- objects ------------------------------------------------------------------

    def _resolve(self, schema: Any) -> Any:
        return follow_component_refs(self._schemas, schema)

    def _is_object(self, schema: dict[str, Any], depth: int = 0) -> bool:
        """True for a schema that is a class with fields: properties, ``type: object``
        without a map's value schema, or an ``allOf`` whose members are such."""
        if depth > 32:
            return False
        if "enum" in schema or "anyOf" in schema or "oneOf" in schema:
            return bool(schema.get("properties"))
        if isinstance(schema.get("properties"), dict) and schema["properties"]:
            return True
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            return all(
                isinstance(m := self._resolve(member), dict)
                and (self._is_object(m, depth + 1) or _adds_requirements(m))
                for member in all_of
            ) and any(self._is_object(self._resolve(m), depth + 1) for m in all_of)
        if schema.get("type") == "object" or (
            "type" not in schema and "additionalProperties" in schema
        ):
            extra = schema.get("additionalProperties")
            return not (isinstance(extra, dict) and extra) and "patternProperties" not in schema
        return False

    def _object_class(self, name: str, schema: dict[str, Any]) -> str:
        base, properties, required, extra = self._object_parts(name, schema)
        base_name = self._use("pydantic", "BaseModel") if base is None else base
        if base is not None:
            self._needs.refs.add(base)
        lines = [f"class {name}({base_name}):"]
        lines += _docstring(schema.get("description"), "    ")
        extra_mode, extra_type = self._extra(extra, bool(properties) or base is not None)
        if extra_mode:
            config = self._use("pydantic", "ConfigDict")
            lines.append(f"    model_config = {config}(")
            lines.append(f"        extra={python_literal(extra_mode)},")
            lines.append("    )")
        if extra_type is not None:
            lines.append(f"    __pydantic_extra__: dict[str, {extra_type}]")
        taken: set[str] = set()
        reserved = self._reserved_fields | set(self._schemas)
        for key, prop in properties.items():
            lines += self._field(key, prop, key in required, taken, reserved)
        if len(lines) == 1:
            lines.append("    pass")
        return "\n".join(lines)

    def _object_parts(
        self, name: str, schema: dict[str, Any], inherit: bool = True
    ) -> tuple[str | None, dict[str, Any], set[str], Any]:
        """The base class (or None), the properties the class declares, the required
        keys, and the ``additionalProperties`` that applies.

        A class whose ``allOf`` starts with an object component subclasses it, unless it
        re-declares an inherited property with a type the base's does not take (a
        class of its own for an inline object, a property that becomes nullable): a
        subclass may only narrow a field, so such a class holds every member's
        properties itself (``inherit=False``)."""
        properties: dict[str, Any] = {}
        required: set[str] = set()
        extra: Any = schema.get("additionalProperties")
        base: str | None = None
        all_of = schema.get("allOf")
        members: list[Any] = all_of if isinstance(all_of, list) else []
        object_refs = [
            m
            for m in members
            if isinstance(m, dict) and "$ref" in m and self._is_object(self._resolve(m))
        ]
        if inherit and len(object_refs) == 1 and members and members[0] is object_refs[0]:
            ref_name = object_refs[0]["$ref"][len(SCHEMA_PREFIX) :]
            if ref_name in self._schemas and ref_name != name:
                base = ref_name
        inherited: dict[str, Any] = {}
        inherited_required: set[str] = set()
        for member in members:
            fields = self._flat(self._resolve(member), 0)
            if base is not None and member is object_refs[0]:
                inherited, inherited_required = fields.properties, fields.required
                continue
            for key, value in fields.properties.items():
                properties[key] = _merged(properties.get(key), value)
            required |= fields.required
            if fields.extra is not None and extra is None:
                extra = fields.extra
        for key, value in (schema.get("properties") or {}).items():
            properties[key] = _merged(properties.get(key), value)
        required |= {r for r in schema.get("required", []) if isinstance(r, str)}
        # A subclass re-declares an inherited property it makes required (in the
        # base's order; a required key no member defines declares nothing).
        for key in [k for k in inherited if k in required - set(properties) - inherited_required]:
            properties[key] = inherited[key]
        self._with_tags(name, schema, properties, required)
        if base is not None:
            required -= inherited_required - set(properties)
            required |= inherited_required & set(properties)
            inherited = dict(inherited)
            self._with_tags(base, self._schemas[base], inherited, inherited_required)
            if not self._narrows(properties, required, inherited, inherited_required):
                return self._object_parts(name, schema, inherit=False)
        if name in self._schemas:
            self._bases[name] = base
        return base, properties, required, extra

    def _with_tags(
        self, name: str, schema: Any, properties: dict[str, Any], required: set[str]
    ) -> None:
        """The properties of ``name`` that tell the members of a discriminated union
        apart, made literals of the class's values (in place), required unless the
        definition gives one of them as a default. The tag's own type (a reference to
        an enum, a ``const``) gives way to the literal, which a discriminator needs;
        its words stay."""
        tags = self._tags.get(name, {})
        if not tags:
            return
        flat = self._flat(schema, 0).properties
        for key, values in tags.items():
            found = flat.get(key)
            said: dict[str, Any] = found if isinstance(found, dict) else {}
            words = {k: v for k, v in said.items() if k in _TAG_KEYWORDS}
            properties[key] = {**words, "enum": values, "type": "string"}
            if said.get("default") in values and key not in required:
                # A tag the class fills in itself stays optional to whoever builds one.
                properties[key]["default"] = said["default"]
            else:
                required.add(key)

    def _narrows(
        self,
        properties: dict[str, Any],
        required: set[str],
        inherited: dict[str, Any],
        inherited_required: set[str],
    ) -> bool:
        """Whether every inherited property a subclass re-declares keeps a type the
        base's field takes (what a type checker asks of an override)."""
        saved = self._needs
        self._needs = _Needs()
        try:
            return all(
                self._is_subtype(
                    self._field_type(properties[key], key in required),
                    self._field_type(inherited[key], key in inherited_required),
                )
                for key in properties
                if key in inherited
            )
        finally:
            self._needs = saved

    def _field_type(self, schema: Any, required: bool) -> str:
        """The type a field of ``schema`` is declared with (``_field``'s, without its
        ``Field`` arguments)."""
        if not isinstance(schema, dict):
            schema = {}
        return _declared(self.annotation(schema), schema, required)

    def _with_default(self, schema: dict[str, Any], required: bool) -> dict[str, Any]:
        """``schema`` with the default its field takes: none for a required property
        (the key must be sent), and an optional reference without a default of its own
        takes the one its component gives."""
        if required:
            return {k: v for k, v in schema.items() if k != "default"}
        reference = _reference(schema)
        if "default" not in schema and reference is not None:
            target = self._resolve(reference)
            if isinstance(target, dict) and "default" in target:
                return {**schema, "default": target["default"]}
        return schema

    def _is_subtype(self, new: str, old: str) -> bool:
        """Whether a value of the annotation ``new`` is one of ``old``: each member of
        the union ``new`` is a member of ``old``, a subclass or enum of one, or a
        literal of its type."""
        if new == old:
            return True
        olds = set(_union_members(old))
        if "Any" in olds:
            return True
        for member in _union_members(new):
            if member in olds or (member == "int" and "float" in olds):
                continue
            if member.startswith("Literal["):
                kinds = _literal_kinds(member)
                if kinds and all(kind in olds for kind in kinds):
                    continue
                return False
            if not (olds & self._supertypes(member)):
                return False
        return True

    def _supertypes(self, name: str) -> set[str]:
        """The classes and builtins a class of the models is a subtype of: its bases
        (as written), and ``str`` or ``int`` for an enum of them."""
        found: set[str] = set()
        seen: set[str] = set()
        while name in self._schemas and name not in seen:
            seen.add(name)
            schema = self._schemas[name]
            values = schema.get("enum") if isinstance(schema, dict) else None
            if isinstance(values, list) and any(v is not None for v in values):
                present = [v for v in values if v is not None]
                if all(isinstance(v, str) for v in present):
                    found.add("str")
                elif all(isinstance(v, int) and not isinstance(v, bool) for v in present):
                    found |= {"int", "float"}
                break
            if name not in self._bases:
                if not isinstance(schema, dict) or not self._is_object(schema):
                    break
                saved = self._needs
                self._needs = _Needs()
                self._bases[name] = None  # a cycle of bases reads as none
                self._object_parts(name, schema)
                self._needs = saved
            base = self._bases[name]
            if base is None:
                break
            found.add(base)
            name = base
        return found

    def _flat(self, schema: Any, depth: int) -> _Fields:
        """The fields of an object schema with its ``allOf`` members folded in."""
        fields = _Fields()
        if not isinstance(schema, dict) or depth > 32:
            return fields
        fields.extra = schema.get("additionalProperties")
        all_of = schema.get("allOf")
        for member in all_of if isinstance(all_of, list) else []:
            folded = self._flat(self._resolve(member), depth + 1)
            for key, value in folded.properties.items():
                fields.properties[key] = _merged(fields.properties.get(key), value)
            fields.required |= folded.required
            fields.extra = folded.extra if fields.extra is None else fields.extra
        for key, value in (schema.get("properties") or {}).items():
            fields.properties[key] = _merged(fields.properties.get(key), value)
        fields.required |= {r for r in schema.get("required", []) if isinstance(r, str)}
        return fields

    def _extra(self, extra: Any, has_fields: bool) -> tuple[str | None, str | None]:
        """``model_config``'s ``extra`` and the type of the extra keys' values."""
        if extra is False:
            return "forbid", None
        if extra is True or (extra is None and not has_fields):
            return "allow", None
        if isinstance(extra, dict):
            if not extra:
                return "allow", None
            value = self.annotation(extra)
            return "allow", None if value == "Any" else value
        return None, None

    def _field(
        self,
        key: str,
        schema: Any,
        required: bool,
        taken: set[str],
        reserved: set[str] | frozenset[str],
    ) -> list[str]:
        name = numbered(_field_name(key, reserved), taken, 1, "_")
        taken.add(name)
        if not isinstance(schema, dict):
            schema = {}
        annotation = self.annotation(schema)
        arguments: list[str] = []
        if name != key:
            arguments.append(f"alias={python_literal(key)}")
        title = schema.get("title")
        if isinstance(title, str) and "$ref" not in schema:
            arguments.append(f"title={python_literal(title)}")
        arguments += self._constraints(schema, annotation)
        if schema.get("deprecated") is True:
            arguments.append("deprecated=True")
        annotation = _declared(annotation, schema, required)
        schema = self._with_default(schema, required)
        if arguments:
            annotation = self._annotated(annotation, arguments)
        line = f"    {name}: {annotation}"
        if "default" in schema:
            line += f" = {self._default(schema, schema['default'])}"
        elif not required:
            line += " = None"
        return [line, *_docstring(schema.get("description"), "    ")]

    def _default(self, schema: dict[str, Any], value: Any) -> str:
        """A field's default as Python: an enum's member, the value itself, or the
        value validated into the field's type (a URL or a date written as text)."""
        reference = _reference(schema)
        if reference is not None and value is not None:
            ref_name = str(reference["$ref"])[len(SCHEMA_PREFIX) :]
            target = self._schemas.get(ref_name)
            if isinstance(target, dict) and isinstance(target.get("enum"), list):
                if ref_name not in self._members:
                    self.write_enum_members(ref_name)
                member = self._members.get(ref_name, {}).get(_key(value))
                if member is not None:
                    return f"{ref_name}.{member}"
        literal = python_literal(value)
        if value is None or _admits(self.annotation(schema), value):
            return literal
        field_ = self._use("pydantic", "Field")
        return f"{field_}(default={literal}, validate_default=True)"

    def write_enum_members(self, name: str) -> None:
        """Name the members of the enum ``name`` (for a default met before its class)."""
        saved_needs, saved_module = self._needs, self._module
        self._module = _Module(field_names=saved_module.field_names)
        self._enum_class(name, self._schemas[name])
        self._needs, self._module = saved_needs, saved_module

    def _constraints(self, schema: dict[str, Any], annotation: str) -> list[str]:
        """``Field`` arguments for the schema's constraints that fit its Python type."""
        if "$ref" in schema:
            return []
        core = annotation.removesuffix(" | None")
        pairs: list[tuple[str, Any]] = []
        if core in _TEXT_TYPES:
            pairs = [
                (arg, schema[k])
                for k, arg in _STRING_CONSTRAINTS
                if k in schema and (core == "str" or arg != "pattern")
            ]
        elif core in _NUMBER_TYPES:
            pairs = _number_constraints(schema)
        elif core.startswith("list["):
            pairs = [(arg, schema[k]) for k, arg in _ARRAY_CONSTRAINTS if k in schema]
        elif core.startswith("dict["):
            pairs = [(arg, schema[k]) for k, arg in _MAP_CONSTRAINTS if k in schema]
        return [f"{arg}={python_literal(value)}" for arg, value in pairs if _plain(value)]

    # -- root models --------------------------------------------------------------

    def _root_header(self, name: str, annotation: str, names_classes: bool) -> str:
        """``class Name(RootModel[...]):``, the type given as text when it names a
        class: a base's type is evaluated when the class is made, and a class of the
        same cycle may come later in the module (pydantic resolves the text then)."""
        root = self._use("pydantic", "RootModel")
        argument = python_literal(annotation) if names_classes else annotation
        return f"class {name}({root}[{argument}]):"

    def _root_class(self, name: str, schema: dict[str, Any]) -> str:
        annotation = self.annotation(schema)
        lines = [self._root_header(name, annotation, bool(self._needs.refs))]
        lines += _docstring(schema.get("description"), "    ")
        arguments = self._constraints(schema, annotation)
        written = annotation
        if arguments:
            written = self._annotated(annotation, arguments)
        line = f"    root: {written}"
        # A null default of a type that takes no null (``default: null`` beside a
        # ``oneOf`` of other types) says nothing, as the normaliser reads it elsewhere.
        takes_null = {"None", "Any"} & set(_union_members(annotation))
        if "default" in schema and (schema["default"] is not None or takes_null):
            line += f" = {self._default(schema, schema['default'])}"
        lines.append(line)
        return "\n".join(lines)

    # -- annotations --------------------------------------------------------------

    def annotation(self, schema: Any, depth: int = 0) -> str:
        """The Python annotation for an inline schema (``None`` last)."""
        members = self._members_of(schema, depth)
        if "Any" in members:
            return self._use("typing", "Any") + (" | None" if "None" in members else "")
        others = [m for m in members if m != "None"]
        if not others:
            return "None"
        return " | ".join(others) + (" | None" if "None" in members else "")

    def _members_of(self, schema: Any, depth: int) -> list[str]:
        if schema is True or schema == {}:
            return ["Any"]
        if not isinstance(schema, dict) or depth > 32:
            return ["Any"]
        nullable = ["None"] if schema.get("nullable") is True else []
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = ref[len(SCHEMA_PREFIX) :] if ref.startswith(SCHEMA_PREFIX) else ""
            if name not in self._schemas:
                return ["Any"]
            self._needs.refs.add(name)
            if name in self._nullable_classes:
                nullable = ["None"]
            return _unique([name, *nullable])
        members: list[str] = []
        for key in ("anyOf", "oneOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                tagged = self._discriminated(schema[key], schema.get("discriminator"))
                if tagged is not None:
                    return _unique([tagged, *nullable])
                for sub in schema[key]:
                    members += self._member_of_union(sub, depth)
                return _unique(members + nullable)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            typed = [m for m in all_of if not _adds_requirements(m)]
            return _unique(self._members_of(typed[0] if typed else {}, depth + 1) + nullable)
        if "const" in schema:
            return _unique([self._literal([schema["const"]]), *nullable])
        values = schema.get("enum")
        if isinstance(values, list):
            present = [v for v in values if v is not None]
            members = [self._literal(present)] if present else []
            return _unique(members + (["None"] if None in values else []) + nullable)
        kind = schema.get("type")
        if isinstance(kind, list):
            for single in kind:
                members += self._members_of({**schema, "type": single}, depth + 1)
            return _unique(members + nullable)
        return _unique([self._single(schema, kind, depth), *nullable])

    def _member_of_union(self, schema: Any, depth: int) -> list[str]:
        """The annotations of a union's member: with its constraints where it has any
        (``anyOf: [{type: array, minItems: 1}, {type: "null"}]`` keeps ``minItems``)."""
        if isinstance(schema, dict) and not _CONSTRAINT_KEYWORDS.isdisjoint(schema):
            inner = self.annotation(schema, depth + 1)
            arguments = self._constraints(schema, inner)
            if arguments:
                return [self._annotated(inner, arguments)]
        return self._members_of(schema, depth + 1)

    def _discriminated(self, members: list[Any], discriminator: Any) -> str | None:
        """``Annotated[A | B, Field(discriminator=...)]`` for a union whose
        ``discriminator`` names a property every member (an object class) has; the
        members' classes then take that property as a ``Literal`` of their values.
        None for any other union."""
        if not isinstance(discriminator, dict) or not isinstance(
            discriminator.get("propertyName"), str
        ):
            return None
        prop = discriminator["propertyName"]
        mapping = discriminator.get("mapping")
        values: dict[str, list[str]] = {}
        if isinstance(mapping, dict):
            for value, ref in mapping.items():
                if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
                    values.setdefault(ref[len(SCHEMA_PREFIX) :], []).append(value)
        names: list[str] = []
        for member in members:
            ref = member.get("$ref") if isinstance(member, dict) else None
            name = ref[len(SCHEMA_PREFIX) :] if isinstance(ref, str) else ""
            target = self._schemas.get(name)
            if not (
                isinstance(target, dict)
                and self._is_object(target)
                and not target.get("anyOf")
                and not target.get("oneOf")
                and prop in self._flat(target, 0).properties
            ):
                return None
            names.append(name)
        if len(set(names)) != len(names):
            return None
        given = {name: values.get(name) or self._implicit_tags(name, prop) for name in names}
        every = [value for name in names for value in dict.fromkeys(given[name])]
        if len(set(every)) != len(every):
            # Two members take one value: the value cannot tell them apart.
            return None
        for name in names:
            tags = self._tags.setdefault(name, {}).setdefault(prop, [])
            for value in given[name]:
                if value not in tags:
                    tags.append(value)
        self._needs.refs.update(names)
        annotated = self._use("typing", "Annotated")
        field_ = self._use("pydantic", "Field")
        reserved = self._reserved_fields | set(self._schemas)
        field_name = python_literal(_field_name(prop, reserved))
        union = " | ".join(names)
        return f"{annotated}[{union}, {field_}(discriminator={field_name})]"

    def _implicit_tags(self, name: str, prop: str) -> list[str]:
        """The values of a union member's tag property when no ``mapping`` names it:
        those the member's property itself pins (a ``const``, a text ``enum``, of its
        own or of the enum it refers to), which are what the server sends; else the
        component's name, as OpenAPI says."""
        tag = self._resolve(self._flat(self._schemas[name], 0).properties.get(prop))
        if isinstance(tag, dict):
            tag = self._resolve(_reference(tag) or tag)
        if isinstance(tag, dict):
            if isinstance(tag.get("const"), str):
                return [tag["const"]]
            values = tag.get("enum")
            if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
                return list(values)
        return [name]

    def _literal(self, values: list[Any]) -> str:
        literal = self._use("typing", "Literal")
        return f"{literal}[{', '.join(python_literal(v) for v in values)}]"

    def _single(self, schema: dict[str, Any], kind: Any, depth: int) -> str:
        if kind == "string":
            form = schema.get("format", "")
            if not isinstance(form, str):
                form = ""
            if form in STRING_FORMATS:
                module, name = STRING_FORMATS[form]
                return self._use(module, name)
            if form not in TEXT_FORMATS:
                self._module.notes[
                    f"format {form!r} of a string is not understood: it is read as text"
                ] = None
            return "str"
        if kind == "integer":
            return "int"
        if kind == "number":
            form = schema.get("format")
            return "int" if form in _NUMBER_FORMATS else "float"
        if kind == "boolean":
            return "bool"
        if kind == "null":
            return "None"
        if kind == "array" or (kind is None and "items" in schema):
            items = schema.get("items")
            prefix = schema.get("prefixItems")
            if isinstance(prefix, list) and prefix:
                # Positions typed one by one: an item is any of the types.
                parts = [self._constrained(p, depth) for p in prefix]
                if isinstance(items, dict) or items is None:
                    parts.append(self._constrained(items, depth) if items else "Any")
                inner = "Any" if "Any" in parts else " | ".join(_unique_joined(parts))
            else:
                inner = self._constrained(items, depth) if isinstance(items, dict) else "Any"
            if inner == "Any":
                self._use("typing", "Any")
            return f"list[{inner}]"
        if (
            kind == "object"
            or "properties" in schema
            or "additionalProperties" in schema
            or "patternProperties" in schema
        ):
            return self._map(schema, depth)
        if kind is None:
            return "Any"
        return "Any"

    def _map(self, schema: dict[str, Any], depth: int) -> str:
        """``dict[K, V]`` for an inline object schema (one with properties has been made
        a class already): ``K`` checks ``propertyNames`` or a single pattern's keys."""
        key = "str"
        patterns = schema.get("patternProperties")
        extra = schema.get("additionalProperties")
        values: list[str] = []
        key_pattern: str | None = None
        names = schema.get("propertyNames")
        if isinstance(names, dict) and isinstance(names.get("pattern"), str):
            key_pattern = names["pattern"]
        if isinstance(patterns, dict) and patterns:
            for sub in patterns.values():
                values.append(self._constrained(sub, depth))
            if len(patterns) == 1 and key_pattern is None and extra in (None, False):
                key_pattern = next(iter(patterns))
        if isinstance(extra, dict) and extra:
            values.append(self._constrained(extra, depth))
        elif not values or extra is True or extra == {}:
            values.append("Any")
        if key_pattern is not None:
            annotated = self._use("typing", "Annotated")
            constraints = self._use("pydantic", "StringConstraints")
            key = f"{annotated}[str, {constraints}(pattern={python_literal(key_pattern)})]"
        value = " | ".join(_unique_joined(values))
        if "Any" in value.split(" | "):
            value = "Any"
        if value == "Any":
            self._use("typing", "Any")
        return f"dict[{key}, {value}]"

    def _constrained(self, schema: Any, depth: int) -> str:
        """An inner schema's annotation, with its constraints where it has any."""
        inner = self.annotation(schema, depth + 1)
        if not isinstance(schema, dict):
            return inner
        arguments = self._constraints(schema, inner)
        return self._annotated(inner, arguments) if arguments else inner

    def _annotated(self, annotation: str, arguments: list[str]) -> str:
        """``Annotated[annotation, Field(arguments)]``."""
        annotated = self._use("typing", "Annotated")
        field_ = self._use("pydantic", "Field")
        return f"{annotated}[{annotation}, {field_}({', '.join(arguments)})]"


# -- helpers ------------------------------------------------------------------------


def _reference(schema: dict[str, Any]) -> dict[str, Any] | None:
    """The ``$ref`` a schema stands for: itself, or its one ``allOf`` member (the way
    3.0 documents add a default or a description to a reference)."""
    if "$ref" in schema:
        return schema
    all_of = schema.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], dict):
        return all_of[0] if "$ref" in all_of[0] else None
    return None


def _adds_requirements(schema: Any) -> bool:
    """True for an ``allOf`` member that only lists required keys (or nothing)."""
    return (
        isinstance(schema, dict)
        and set(schema) <= {"required", "type", "description", "title"}
        and schema.get("type", "object") == "object"
    )


def _merged(first: Any, second: Any) -> Any:
    """A property met twice (through ``allOf``): the later definition with what only
    the earlier one said."""
    if not isinstance(first, dict) or not isinstance(second, dict):
        return second
    if "$ref" in second:
        # The reference's type; what the earlier one said of the use (a default) stays.
        return {**{k: v for k, v in first.items() if k in _USE_KEYWORDS}, **second}
    if "$ref" in first:
        return {**first, **second} if set(second) <= _USE_KEYWORDS else second
    return {**first, **second}


#: What a discriminator's property keeps of its definition when it becomes a literal.
_TAG_KEYWORDS = frozenset({"description", "title", "deprecated"})

#: Keywords that constrain a value (``_constraints`` turns them into ``Field`` arguments).
_CONSTRAINT_KEYWORDS = frozenset(
    {k for k, _ in (*_STRING_CONSTRAINTS, *_ARRAY_CONSTRAINTS, *_MAP_CONSTRAINTS)}
    | {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}
)

#: Keywords about the place a schema is used rather than the values it takes.
_USE_KEYWORDS = frozenset({"default", "description", "nullable", "title", "deprecated"})


def _number_constraints(schema: dict[str, Any]) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for bound, strict, inclusive, exclusive in (
        ("minimum", "exclusiveMinimum", "ge", "gt"),
        ("maximum", "exclusiveMaximum", "le", "lt"),
    ):
        flag = schema.get(strict)
        if isinstance(flag, int | float) and not isinstance(flag, bool):
            pairs.append((exclusive, flag))
        elif bound in schema:
            pairs.append((exclusive if flag is True else inclusive, schema[bound]))
    if "multipleOf" in schema:
        pairs.append(("multiple_of", schema["multipleOf"]))
    return pairs


def _plain(value: Any) -> bool:
    """A constraint's value that is written as a literal (a number or text)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, int | str)


def _admits(annotation: str, value: Any) -> bool:
    """Whether a type checker takes ``value`` as a default of ``annotation``."""
    members = {_unannotated(m) for m in _union_members(annotation)}
    if "Any" in members:
        return True
    if isinstance(value, bool):
        return "bool" in members or any(m.startswith("Literal[") for m in members)
    if isinstance(value, str):
        return "str" in members or any(value in (_literal_values(m) or []) for m in members)
    if isinstance(value, int):
        return bool({"int", "float"} & members)
    if isinstance(value, float):
        return "float" in members
    if isinstance(value, list):
        return any(
            m.startswith("list[") and all(_admits(m[len("list[") : -1], item) for item in value)
            for m in members
        )
    if isinstance(value, dict):
        return any(m.startswith("dict[") for m in members)
    return False


def _declared(annotation: str, schema: dict[str, Any], required: bool) -> str:
    """The type a field is declared with: ``annotation``, admitting None when the field
    may be left out without a default of another value of its own (an optional
    reference that takes its component's default still admits None)."""
    if required or schema.get("default") is not None:
        return annotation
    return _optional(annotation)


def _optional(annotation: str) -> str:
    if annotation == "None" or annotation.endswith(" | None") or annotation == "Any":
        return annotation
    return f"{annotation} | None"


def _union_nodes(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union_nodes(node.left) + _union_nodes(node.right)
    return [node]


def _union_members(annotation: str) -> list[str]:
    """The members of a union annotation, read with Python's parser and written back
    by it (``A | dict[str, B | C]`` → ``A``, ``dict[str, B | C]``)."""
    return [ast.unparse(n) for n in _union_nodes(ast.parse(annotation, mode="eval").body)]


def _subscript_of(annotation: str, name: str) -> list[ast.expr] | None:
    """The arguments of ``name[...]`` when ``annotation`` is one, else None."""
    node = ast.parse(annotation, mode="eval").body
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)):
        return None
    if node.value.id != name:
        return None
    return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]


def _unannotated(annotation: str) -> str:
    """``Annotated[X, Field(...)]`` → ``X``; any other annotation as it is."""
    arguments = _subscript_of(annotation, "Annotated")
    return ast.unparse(arguments[0]) if arguments else annotation


def _literal_values(annotation: str) -> list[Any] | None:
    """The values of a ``Literal[...]`` (None for any other annotation, or values that
    are not plain constants)."""
    arguments = _subscript_of(annotation, "Literal")
    if arguments is None:
        return None
    try:
        return [ast.literal_eval(argument) for argument in arguments]
    except ValueError:
        return None


def _literal_kinds(literal: str) -> set[str]:
    """The builtin types of a ``Literal[...]``'s values (empty if they cannot be read)."""
    kinds = {type(v).__name__ for v in _literal_values(literal) or []}
    return kinds if kinds <= {"str", "int", "bool"} else set()


def _unique(members: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(members))


def _unique_joined(values: list[str]) -> list[str]:
    return _unique(part for value in values for part in value.split(" | "))


def _key(value: Any) -> tuple[type, Any]:
    """An enum value as a dictionary key (``1`` and ``True`` and ``1.0`` stay apart; a
    list or an object, which JSON Schema allows too, by its text)."""
    if isinstance(value, list | dict):
        return (type(value), python_literal(value))
    return (type(value), value)


def _numbered_from_one(name: str, taken: set[str]) -> str:
    """``name`` with the first number from 1 that makes it free (``Pet1``, ``Pet2``)."""
    number = 1
    while f"{name}{number}" in taken:
        number += 1
    return f"{name}{number}"


def _sanitised(text: str) -> str:
    """``text`` with every character that cannot be in a name replaced by ``_``."""
    return "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_" for c in text)


def _field_name(key: str, reserved: set[str] | frozenset[str]) -> str:
    """A property's Python name: the key when it is a plain identifier that hides
    nothing, else the key made one (``_links`` → ``field_links``, ``from`` → ``from_``)."""
    name = _sanitised(key)
    if not name or name[0].isdigit() or name.startswith("_"):
        name = "field_" + name.lstrip("_")
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        name += "_"
    return name


def _member_name(value: Any) -> str:
    """An enum member's name for ``value`` (``"gh-pages"`` → ``gh_pages``, ``-1`` →
    ``integer__1``)."""
    if isinstance(value, bool):
        name = f"boolean_{value}"
    elif isinstance(value, int):
        name = f"integer_{value}".replace("-", "_")
    elif isinstance(value, float):
        name = "number_" + _sanitised(repr(value))
    else:
        name = _sanitised(str(value))
        if not name or name[0].isdigit() or name.startswith("_"):
            name = "field_" + name.lstrip("_")
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in ("mro", "name", "value"):
        name += "_"
    return name


def _docstring(text: Any, indent: str) -> list[str]:
    """A docstring's lines for ``text`` (none for no text)."""
    if not isinstance(text, str) or not text.strip():
        return []
    body = (
        text.replace("\\", "\\\\")
        .replace('"""', '\\"\\"\\"')
        .replace("\r\n", "\n")
        .replace("\r", "\n")
    )
    inner = [f"{indent}{line}" if line.strip() else "" for line in body.split("\n")]
    return [f'{indent}"""', *inner, f'{indent}"""']


def _dependency_order(classes: list[ModelClass]) -> list[ModelClass]:
    """The classes in passes over the document's order: a class comes once the classes
    it names have come (those of a cycle, in document order, when no other can)."""
    pending = list(classes)
    placed: set[str] = set()
    result: list[ModelClass] = []
    names = {c.name for c in classes}
    while pending:
        rest: list[ModelClass] = []
        for item in pending:
            if (item.refers_to & names) <= placed:
                result.append(item)
                placed.add(item.name)
            else:
                rest.append(item)
        if len(rest) == len(pending):
            # A cycle: the first class waiting goes, and the passes go on.
            first, *rest = rest
            result.append(first)
            placed.add(first.name)
        pending = rest
    return result


def write_models(schemas: dict[str, Any]) -> WrittenModels:
    """The classes of ``schemas`` (a normalised document's components)."""
    return ModelWriter(schemas).written()


def schema_models_source(schemas: dict[str, Any], header: str) -> tuple[str, tuple[str, ...]]:
    """The models module of ``schemas`` (a normalised document's components) and notes."""
    return ModelWriter(schemas).module(header)
