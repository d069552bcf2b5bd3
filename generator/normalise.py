"""Stage 2: rewrite the parsed document so that code can be generated from it directly.

Each rule works on the JSON data, before any code exists, so a quirk is fixed once and
everywhere (``$ref``s included) instead of being patched in the output:

* enums that list values but have no ``type`` get one (``str`` enums);
* inline object schemas of request bodies and responses move into components;
* schemas are renamed: the configured table, FastAPI's ``Body_<operationId>`` names,
  names that are not identifiers, and names that clash with what the package exports;
  two schemas may never end up with one name.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from .config import Config
from .naming import operation_name, pascal_case
from .problems import GeneratorError, Level, Problem, pointer_join

SCHEMA_PREFIX = "#/components/schemas/"
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
    doc = copy.deepcopy(document)
    warnings: list[Problem] = []
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    _hoist_inline_schemas(doc, config)
    for name, schema in schemas.items():
        _type_enums(schema, pointer_join("components", "schemas", name), warnings)
    renames = _rename_table(doc, config, reserved, warnings)
    _apply_renames(doc, renames)
    return doc, warnings


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


def _is_inline_object(schema: Any) -> bool:
    return isinstance(schema, dict) and "$ref" not in schema and "properties" in schema


def _hoist_inline_schemas(doc: dict[str, Any], config: Config) -> None:
    """Move inline object schemas of bodies and responses into components/schemas."""
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
                suffix = "Response" if str(status).startswith("2") else f"Response{status}"
                contents += [(f"{base}{suffix}", m) for m in response.get("content", {}).values()]
        for name, media in contents:
            schema = media.get("schema") if isinstance(media, dict) else None
            if _is_inline_object(schema):
                unique = name
                while unique in schemas:
                    unique += "_"
                schemas[unique] = schema
                media["schema"] = {"$ref": SCHEMA_PREFIX + unique}


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
    schemas: dict[str, Any] = doc["components"]["schemas"]
    unknown = sorted(set(config.renames) - set(schemas))
    problems = [
        Problem(Level.ERROR, f"rename of unknown schema {name!r}", str(config.path))
        for name in unknown
    ]
    body_names = _body_owner_names(doc, config) if config.fastapi_body_names else {}
    table: dict[str, str] = {}
    for name in schemas:
        if name in config.renames:
            new = config.renames[name]
            if not new.isidentifier():
                problems.append(
                    Problem(
                        Level.ERROR, f"rename target {new!r} is not an identifier", str(config.path)
                    )
                )
        else:
            new = body_names.get(name) or pascal_case(name)
            if new in reserved:
                warnings.append(
                    Problem(
                        Level.WARNING,
                        f"schema {name!r} clashes with the package's own {new!r}; "
                        f"named {new}Model (set a rename in the config to choose)",
                        "",
                        pointer_join("components", "schemas", name),
                    )
                )
                new = f"{new}Model"
        table[name] = new
    owners: dict[str, list[str]] = {}
    for old, new in table.items():
        owners.setdefault(new, []).append(old)
    for new, olds in sorted(owners.items()):
        if len(olds) > 1:
            problems.append(
                Problem(
                    Level.ERROR,
                    f"schemas {', '.join(map(repr, olds))} would all be named {new!r}; "
                    "add renames to the config",
                    str(config.path),
                )
            )
        if new in reserved:
            problems.append(
                Problem(
                    Level.ERROR, f"{new!r} is a name the package already exports", str(config.path)
                )
            )
    if problems:
        raise GeneratorError(problems)
    return table


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
