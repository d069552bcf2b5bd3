"""Stage 2: rewrite the parsed document so that code can be generated from it directly.

Each rule works on the JSON data, before any code exists, so a quirk is fixed once and
everywhere (``$ref``s included) instead of being patched in the output:

* every ``$ref`` except one to a whole component schema is replaced by what it names
  (``refs.py``), so later stages never meet a referenced parameter or response;
* enums that list values but have no ``type`` get one (``str`` enums);
* inline object schemas of request bodies and responses move into components;
* schemas are renamed: the configured table, FastAPI's ``Body_<operationId>`` names,
  names that are not identifiers, names that clash with what the package holds
  (``Credentials`` → ``CredentialsModel``) and names the sync twin would rewrite
  (``AsyncInvokeRequest`` → ``AsynchronousInvokeRequest``), each with a warning naming
  both names (``naming.free_class_name``). Two schemas never end up with one name:
  when several would, the one already spelt that way (else the first by original name)
  keeps it and the others get numbers (``X``, ``X_``, ``X__`` → ``X``, ``X2``, ``X3``),
  each reported as a warning;
* a property that an ``anyOf`` / ``oneOf`` member of its object narrows moves into
  the members, merged with their definitions (``narrowed_members.py``);
* inline schemas that become classes move into components under names from their
  context (``hoist.py``: ``Repository.owner`` → ``RepositoryOwner``);
* a property marked ``readOnly`` is no longer required by a schema that request bodies
  use, nor one marked ``writeOnly`` by a schema that responses use: OpenAPI requires
  each only in the other direction (``read_write.py``); with ``lenient_answers`` in the
  configuration, a schema only answers use requires nothing (``lenient_answers.py``);
* enum members that would hide a method of ``str`` are named with a trailing
  underscore (``member_names.py``);
* ``nullable: false`` goes (it says what no keyword says), and a ``format: uri`` whose
  default is no URL (``""``) is read as a plain string, with a warning: the field would
  otherwise claim a URL type and hold the empty string.
"""

from __future__ import annotations

import copy
import keyword
from collections.abc import Callable, Iterator
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from .config import Config
from .defaults import InvalidDefault, checked_default, ignored_default
from .hoist import hoist_nested
from .lenient_answers import relax_answer_requirements
from .member_names import name_enum_members
from .models import MODEL_MODULE_NAMES
from .naming import free_class_name, numbered, operation_name, pascal_case
from .narrowed_members import narrow_members
from .problems import GeneratorError, Level, Problem, pointer_join
from .read_write import relax_one_way_requirements
from .refs import SCHEMA_PREFIX, inline_refs

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def iter_operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(path, method, operation)`` in document order."""
    for path, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield path, method, item[method]


def normalise(
    document: dict[str, Any], config: Config, reserved: frozenset[str]
) -> tuple[dict[str, Any], list[Problem]]:
    """Return a normalised copy of ``document`` and the warnings found on the way."""
    doc = inline_refs(copy.deepcopy(document), str(config.spec))
    reserved = reserved | MODEL_MODULE_NAMES
    warnings: list[Problem] = []
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    _hoist_inline_schemas(doc, config)
    for name, schema in schemas.items():
        _type_enums(schema, pointer_join("components", "schemas", name), warnings)
    _give_arrays_items(doc)
    _drop_false_nullable(schemas)
    narrow_members(schemas)
    _split_recursive_arrays(schemas)
    problems = [
        problem
        for name, schema in schemas.items()
        for problem in _checked_defaults(schema, ("components", "schemas", name), str(config.spec))
    ]
    warnings += [p for p in problems if p.level is Level.WARNING]
    if any(p.level is Level.ERROR for p in problems):
        raise GeneratorError([p for p in problems if p.level is Level.ERROR])
    renames = _rename_table(doc, config, reserved, warnings)
    _apply_renames(doc, renames)
    schemas = doc["components"]["schemas"]
    origins = {new: pointer_join("components", "schemas", old) for old, new in renames.items()}
    hoist_nested(schemas, _context_namer(reserved, warnings), origins)
    relax_one_way_requirements(doc)
    if config.lenient_answers:
        relax_answer_requirements(doc)
    name_enum_members(schemas)
    return doc, warnings


def _context_namer(
    reserved: frozenset[str], warnings: list[Problem]
) -> Callable[[str, str, set[str]], str]:
    """The names of hoisted schemas: the context's name, unless the package may not
    hold it (then changed, with a warning naming both)."""

    def choose(wanted: str, pointer: str, taken: set[str]) -> str:
        new, reason = free_class_name(wanted, reserved)
        if reason:
            warnings.append(
                Problem(
                    Level.WARNING,
                    f"inline schema named {new!r}, not {wanted!r}: {reason}",
                    "",
                    pointer,
                )
            )
        return new

    return choose


def _type_enums(node: Any, pointer: str, warnings: list[Problem]) -> None:
    """Give every untyped enum the type its values share."""
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and "type" not in node:
            kinds = {type(v) for v in values if v is not None}
            if kinds == {str}:
                node["type"] = "string"
            elif kinds == {int}:
                node["type"] = "integer"
            elif kinds <= {int, float} and kinds:
                node["type"] = "number"
            else:
                warnings.append(
                    Problem(Level.WARNING, "enum values of mixed types; left untyped", "", pointer)
                )
        for key, value in node.items():
            _type_enums(value, f"{pointer}/{key}", warnings)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _type_enums(value, f"{pointer}/{index}", warnings)


def _give_arrays_items(node: Any) -> None:
    """``type: array`` without ``items`` holds anything: ``items: {}`` says so, and the
    models then read ``list[Any]`` instead of a bare ``list``."""
    if isinstance(node, dict):
        if node.get("type") == "array" and "items" not in node and "prefixItems" not in node:
            node["items"] = {}
        for key, value in node.items():
            if key not in ("default", "example", "examples", "enum", "const"):
                _give_arrays_items(value)
    elif isinstance(node, list):
        for value in node:
            _give_arrays_items(value)


def _drop_false_nullable(node: Any) -> None:
    """``nullable: false`` is what a schema without the keyword says already; it goes, so
    that every later stage reads an optional field of such a schema as every other."""
    if isinstance(node, dict):
        if node.get("nullable") is False:
            del node["nullable"]
        for key, value in node.items():
            if key in ("properties", "patternProperties") and isinstance(value, dict):
                for schema in value.values():
                    _drop_false_nullable(schema)
            elif key not in ("default", "example", "examples", "enum", "const"):
                _drop_false_nullable(value)
    elif isinstance(node, list):
        for value in node:
            _drop_false_nullable(value)


#: Where a schema holds other schemas: one, a list of them, or a map of them.
_SUBSCHEMA = {"items": "one", "additionalProperties": "one", "not": "one"}
_SUBSCHEMA |= {"allOf": "list", "anyOf": "list", "oneOf": "list", "prefixItems": "list"}
_SUBSCHEMA |= {"properties": "map"}


def _checked_defaults(schema: Any, path: tuple[str | int, ...], source: str) -> Iterator[Problem]:
    """Problems of defaults in a schema and the schemas inside it; a number given for a
    string becomes its text in place (the models then read a string default), and a
    stray ``default: null`` or a list of the schema's values is dropped with a warning."""
    if not isinstance(schema, dict):
        return
    ignored = ignored_default(schema["default"], schema) if "default" in schema else None
    if ignored is not None:
        del schema["default"]
        yield Problem(Level.WARNING, ignored, source, pointer_join(*path, "default"))
    elif schema.get("format") == "uri" and _not_a_url(schema.get("default")):
        del schema["format"]
        yield Problem(
            Level.WARNING,
            f"default {schema['default']!r} is not a URL: the value is read as a plain string",
            source,
            pointer_join(*path, "format"),
        )
    elif "default" in schema:
        try:
            schema["default"] = checked_default(schema["default"], schema)
        except InvalidDefault as exc:
            yield Problem(Level.ERROR, str(exc), source, pointer_join(*path, "default"))
    for key, shape in _SUBSCHEMA.items():
        value = schema.get(key)
        if shape == "one":
            yield from _checked_defaults(value, (*path, key), source)
        elif shape == "list" and isinstance(value, list):
            for index, item in enumerate(value):
                yield from _checked_defaults(item, (*path, key, index), source)
        elif shape == "map" and isinstance(value, dict):
            for name, item in value.items():
                yield from _checked_defaults(item, (*path, key, name), source)


def _not_a_url(value: Any) -> bool:
    """True for a string default that a URL type would refuse (``""``, ``"none"``)."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return not (parts.scheme and (parts.netloc or parts.path))


def _refers_to(node: Any, ref: str) -> bool:
    if isinstance(node, dict):
        return node.get("$ref") == ref or any(_refers_to(v, ref) for v in node.values())
    if isinstance(node, list):
        return any(_refers_to(v, ref) for v in node)
    return False


def _split_recursive_arrays(schemas: dict[str, Any]) -> None:
    """A list schema whose items lead back to itself gets its items as a component of
    their own (``<Name>Item``): an annotation can name a class, not an inline item,
    so the self-reference goes through that class."""
    for name in list(schemas):
        schema = schemas[name]
        ref = SCHEMA_PREFIX + name
        if not (isinstance(schema, dict) and schema.get("type") == "array"):
            continue
        items = schema.get("items")
        if not _refers_to(items, ref):
            continue
        item_name = numbered(f"{name}Item", schemas)
        # A bare reference back is wrapped, so that the item is a class and not an alias.
        schemas[item_name] = {"anyOf": [items]} if items == {"$ref": ref} else items
        schema["items"] = {"$ref": SCHEMA_PREFIX + item_name}


def _is_inline_object(schema: Any) -> bool:
    return isinstance(schema, dict) and "$ref" not in schema and "properties" in schema


def _hoist_inline_schemas(doc: dict[str, Any], config: Config) -> None:
    """Move the inline object schemas of bodies and responses (or of their list items)
    into components/schemas, named from the operation and the role: ``<Op>Body``,
    ``<Op>Response`` for a success, ``<Op>Response<Reason>`` for another status
    (``ReposGetResponseNotFound``), and ``Item`` after it for the items of a list."""
    schemas = doc["components"]["schemas"]
    for path, method, operation in iter_operations(doc):
        base = pascal_case(
            operation_name(operation.get("operationId"), path, method, config.strip_fastapi_suffix)
        )
        contents: list[tuple[str, dict[str, Any]]] = []
        body = operation.get("requestBody")
        if isinstance(body, dict):
            contents += [(f"{base}Body", media) for media in body.get("content", {}).values()]
        for status, response in operation.get("responses", {}).items():
            if isinstance(response, dict):
                suffix = "Response" + _status_role(str(status))
                contents += [(f"{base}{suffix}", m) for m in response.get("content", {}).values()]
        hoisted: list[tuple[str, dict[str, Any]]] = []
        for name, media in contents:
            holder = media if isinstance(media, dict) else {}
            key = "schema"
            schema = holder.get(key)
            if isinstance(schema, dict) and schema.get("type") == "array":
                holder, key, name = schema, "items", f"{name}Item"
                schema = holder.get(key)
            if not isinstance(schema, dict) or not _is_inline_object(schema):
                continue
            # One body offered as JSON and as a form is one class.
            same = next((known for known, s in hoisted if s == schema), None)
            unique = same or numbered(name, schemas)
            if same is None:
                schemas[unique] = schema
                hoisted.append((unique, schema))
            holder[key] = {"$ref": SCHEMA_PREFIX + unique}


#: The roles of the status ranges an OpenAPI document may name (``4XX``).
_STATUS_RANGES = {
    "1": "Informational",
    "2": "",
    "3": "Redirection",
    "4": "ClientError",
    "5": "ServerError",
}


def _status_role(status: str) -> str:
    """What a response's class name says of its status: nothing for a success, else
    its reason (``404`` → ``NotFound``, ``5XX`` → ``ServerError``, ``default`` →
    ``Default``); a code without a reason keeps its number."""
    if status.startswith("2"):
        return ""
    if status.isdigit():
        try:
            return pascal_case(HTTPStatus(int(status)).phrase)
        except ValueError:
            return status
    if len(status) == 3 and status[1:].upper() == "XX" and status[0] in _STATUS_RANGES:
        return _STATUS_RANGES[status[0]]
    return pascal_case(status)


def _body_owner_names(doc: dict[str, Any], config: Config) -> dict[str, str]:
    """Map FastAPI ``Body_<operationId>`` schema names to ``<Operation>Body``."""
    owners: dict[str, str] = {}
    for path, method, operation in iter_operations(doc):
        operation_id = operation.get("operationId")
        if not operation_id:
            continue
        fastapi_name = f"Body_{operation_id}"
        if fastapi_name in doc["components"]["schemas"]:
            name = operation_name(operation_id, path, method, config.strip_fastapi_suffix)
            owners[fastapi_name] = pascal_case(name) + "Body"
    return owners


def _rename_table(
    doc: dict[str, Any], config: Config, reserved: frozenset[str], warnings: list[Problem]
) -> dict[str, str]:
    """Old schema name → class name: configured renames first, then derived names, with
    clashes among derived names resolved by number (each one a warning)."""
    schemas: dict[str, Any] = doc["components"]["schemas"]
    source = str(config.path)
    problems = [
        Problem(
            Level.ERROR, f"rename of unknown schema {name!r}", source, f"/schemas/rename/{name}"
        )
        for name in sorted(set(config.renames) - set(schemas))
    ]
    body_names = _body_owner_names(doc, config) if config.fastapi_body_names else {}
    table = {name: new for name, new in config.renames.items() if name in schemas}
    problems += _configured_clashes(table, reserved, source)
    if problems:
        raise GeneratorError(problems)
    derived: dict[str, list[str]] = {}
    for name in schemas:
        if name not in table:
            derived.setdefault(_derived_name(name, body_names, reserved, warnings), []).append(name)
    taken = set(table.values()) | set(derived) | reserved
    for wanted, olds in derived.items():
        # The schema already spelt like its class name keeps it; the others take numbers.
        ordered = sorted(olds, key=lambda old: (old != wanted, old))
        for position, old in enumerate(ordered):
            if position == 0 and wanted not in set(table.values()):
                table[old] = wanted
                continue
            new = numbered(wanted, taken)
            taken.add(new)
            table[old] = new
            others = ", ".join(repr(o) for o in olds if o != old)
            warnings.append(
                Problem(
                    Level.WARNING,
                    f"schema {old!r} is named {new!r}: {others or 'a configured rename'} "
                    f"also became {wanted!r} (set a rename in the config to choose)",
                    "",
                    pointer_join("components", "schemas", old),
                )
            )
    return table


def _derived_name(
    name: str, body_names: dict[str, str], reserved: frozenset[str], warnings: list[Problem]
) -> str:
    new = body_names.get(name) or pascal_case(name)
    if new.endswith("_") and keyword.iskeyword(new[:-1]):
        new = new[:-1] + "Model"  # None_ says less than NoneModel
    free, reason = free_class_name(new, reserved)
    if reason:
        warnings.append(
            Problem(
                Level.WARNING,
                f"schema {name!r} is named {free!r}, not {new!r}: {reason} "
                "(set a rename in the config to choose)",
                "",
                pointer_join("components", "schemas", name),
            )
        )
    return free


def _configured_clashes(
    table: dict[str, str], reserved: frozenset[str], source: str
) -> list[Problem]:
    """Configured renames may not meet each other or a name the package exports."""
    problems: list[Problem] = []
    owners: dict[str, list[str]] = {}
    for old, new in table.items():
        owners.setdefault(new, []).append(old)
    for new, olds in sorted(owners.items()):
        if len(olds) > 1:
            problems.append(
                Problem(
                    Level.ERROR,
                    f"renames of {', '.join(map(repr, olds))} all give {new!r}",
                    source,
                    "/schemas/rename",
                )
            )
        if free_class_name(new, reserved)[0] != new:
            problems.append(
                Problem(
                    Level.ERROR,
                    f"{new!r} cannot name a model: {free_class_name(new, reserved)[1]}",
                    source,
                    f"/schemas/rename/{olds[0]}",
                )
            )
    return problems


def _apply_renames(doc: dict[str, Any], table: dict[str, str]) -> None:
    schemas = doc["components"]["schemas"]
    doc["components"]["schemas"] = {table[name]: schema for name, schema in schemas.items()}
    _rewrite_refs(doc, table)


def _rewrite_refs(node: Any, table: dict[str, str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
            old, sep, rest = ref[len(SCHEMA_PREFIX) :].partition("/")
            if old in table:
                node["$ref"] = SCHEMA_PREFIX + table[old] + sep + rest
        for value in node.values():
            _rewrite_refs(value, table)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, table)
