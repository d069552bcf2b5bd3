"""Stage 1: read the OpenAPI document (JSON or YAML, in one file or several), validate
it, and check that every ``$ref`` resolves.

Problems come back as messages naming the file and the JSON pointer, never as tracebacks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .bundle import Bundled, bundle
from .empty_enums import without_empty_enums
from .problems import GeneratorError, Level, Problem, fail, pointer_join
from .structure import is_data

SUPPORTED_VERSIONS = ("3.0.", "3.1.")


#: File name endings read as YAML; every other file is read as JSON.
YAML_SUFFIXES = (".yaml", ".yml")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail("file not found", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"cannot read: {exc}", source=str(path)) from None


def read_json(path: Path) -> Any:
    """Parse a JSON file, turning I/O and syntax errors into GeneratorErrors."""
    text = _read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
            source=str(path),
        ) from None


def read_document(path: Path) -> Any:
    """Parse an OpenAPI document: YAML for ``.yaml``/``.yml`` files, JSON otherwise."""
    if path.suffix.lower() not in YAML_SUFFIXES:
        return read_json(path)
    from .yaml_data import YamlError, parse_yaml

    try:
        return parse_yaml(_read_text(path))
    except YamlError as exc:
        raise fail(f"not valid YAML: {exc}", source=str(path)) from None


def load_spec(path: Path, *, validate: bool = True) -> dict[str, Any]:
    """Read and check an OpenAPI 3.0 or 3.1 document (JSON or YAML); return it as JSON data.

    With ``validate=False`` the schema validation (openapi-pydantic) is skipped: for a
    caller that only needs the document's data.
    """
    return load_document(path, validate=validate).document


def load_document(path: Path, *, validate: bool = True) -> Bundled:
    """:func:`load_spec`'s document, with the other files it was read from (a document
    split over several files, their relative ``$ref``s resolved: ``bundle.py``)."""
    source = str(path)
    document = read_document(path)
    if not isinstance(document, dict):
        raise fail("an OpenAPI document must be an object (a mapping)", source=source, pointer="/")
    version = document.get("openapi")
    if not isinstance(version, str) or not version.startswith(SUPPORTED_VERSIONS):
        raise fail(
            f"unsupported 'openapi' version {version!r}; expected 3.0.x or 3.1.x",
            source=source,
            pointer="/openapi",
        )
    bundled = bundle(path, document)
    document = without_empty_enums(dict(_without_null_keys(bundled.document)))
    if validate:
        validate_spec(document, source)
    problems = list(_dangling_refs(document, source))
    if problems:
        raise GeneratorError(problems)
    return Bundled(document, bundled.parts)


#: Keys whose values are data rather than document structure: a null inside them is a
#: value (a default or example of null, an enum member), never an absent key.
_DATA_KEYS = frozenset({"default", "example", "examples", "const", "enum"})


def _without_null_keys(node: Any, key: str = "") -> Any:
    """The document without keys set to ``null``: OpenAPI reads them as absent."""
    if key in _DATA_KEYS:
        return node
    if isinstance(node, dict):
        return {
            k: _without_null_keys(v, k) for k, v in node.items() if v is not None or k in _DATA_KEYS
        }
    if isinstance(node, list):
        return [_without_null_keys(v) for v in node]
    return node


def validate_spec(document: dict[str, Any], source: str) -> None:
    """GeneratorError listing where ``document`` breaks the OpenAPI schema (openapi-pydantic).

    openapi-pydantic is imported here, when first needed: building its models is most
    of a validation's cost, and a run with unchanged inputs never validates.
    """
    import pydantic
    from openapi_pydantic import parse_obj

    try:
        parse_obj(with_object_schemas(document))
    except pydantic.ValidationError as exc:
        raise GeneratorError(_validation_problems(exc, document, source)) from None


#: JSON Schema keywords whose value is a schema, a list of schemas, or a map of schemas.
_SCHEMA_KEYWORDS = frozenset(
    {"items", "additionalItems", "unevaluatedItems", "unevaluatedProperties", "contains"}
    | {"propertyNames", "not", "if", "then", "else"}
)
_SCHEMA_LIST_KEYWORDS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_MAP_KEYWORDS = frozenset({"properties", "patternProperties", "dependentSchemas"})


def with_object_schemas(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with JSON Schema's boolean schemas in their object forms, for 3.1.

    OpenAPI 3.1 takes ``true`` and ``false`` wherever a schema goes
    (``unevaluatedProperties: false``); openapi-pydantic takes them only for
    ``additionalProperties``, so the document is validated with the equivalent
    ``{}`` and ``{"not": {}}``. A 3.0 document is validated as it is.
    """
    if not str(document.get("openapi", "")).startswith("3.1"):
        return document
    return _object_schemas(document)  # type: ignore[no-any-return]


def _object_schemas(node: Any) -> Any:
    def as_object(value: Any) -> Any:
        if isinstance(value, bool):
            return {} if value else {"not": {}}
        return _object_schemas(value)

    if isinstance(node, list):
        return [_object_schemas(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted: dict[str, Any] = {}
    for key, value in node.items():
        if key in _SCHEMA_KEYWORDS:
            converted[key] = as_object(value)
        elif key in _SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            converted[key] = [as_object(item) for item in value]
        elif key in _SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
            converted[key] = {name: as_object(item) for name, item in value.items()}
        else:
            converted[key] = _object_schemas(value)
    return converted


def _validation_problems(exc: Any, document: Any, source: str) -> list[Problem]:
    """One problem per distinct location, skipping the union branches pydantic also reports."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for error in exc.errors():
        if _reference_branch_of_a_plain_object(document, error["loc"]):
            continue
        parts = _document_path(document, error["loc"])
        pointer = pointer_join(*parts) if parts else "/"
        if pointer in seen:
            continue
        seen.add(pointer)
        problems.append(Problem(Level.ERROR, f"invalid OpenAPI: {error['msg']}", source, pointer))
        if len(problems) >= 20:
            break
    return problems


def _document_path(document: Any, loc: tuple[str | int, ...]) -> list[str | int]:
    """The part of pydantic's ``loc`` that is a path in the document, found by walking
    the document alongside it.

    pydantic also names the union member it tried (``Reference``, ``Schema``) and the
    OpenAPI version it chose (``3.1.0``); they are not keys of the document, while a
    schema named ``Schema`` is. A last part missing from the document is kept when it
    is no such name: it is the field the rule asks for (``$ref: Field required``).
    """
    node = document
    path: list[str | int] = []
    for index, part in enumerate(loc):
        if _holds(node, part):
            node = node[part]
        elif index == len(loc) - 1 and not _is_model_branch(part):
            node = None
        else:
            continue
        path.append(part)
    return path


def _holds(node: Any, part: str | int) -> bool:
    """Whether ``part`` is a key of the object or an index of the list ``node``."""
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _reference_branch_of_a_plain_object(document: Any, loc: tuple[str | int, ...]) -> bool:
    """Whether pydantic reports why an object holding no ``$ref`` is not a Reference.

    Where a document takes a Reference or a Schema (or a Parameter, ...), pydantic
    reports why each failed. An object without ``$ref`` was never meant as a reference,
    so only the other member's errors say what is wrong with it.
    """
    node = document
    for part in loc:
        if _holds(node, part):
            node = node[part]
        elif part == "Reference":
            return isinstance(node, dict) and "$ref" not in node
    return False


def _is_model_branch(part: str | int) -> bool:
    """A union member's name (``Reference``, ``Schema``) or an OpenAPI version."""
    if not isinstance(part, str):
        return False
    return (part[:1].isupper() and part.isidentifier()) or bool(
        re.fullmatch(r"\d+\.\d+\.\d+", part)
    )


def walk_refs(
    node: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[str, tuple[str | int, ...]]]:
    """Every ``$ref`` under ``node``, with the path of keys that leads to it (none in
    an extension's value: ``x-...`` holds the vendor's data)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref, (*path, "$ref")
        for key, value in node.items():
            if not _is_extension(key, path):
                yield from walk_refs(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_refs(value, (*path, index))


def _is_extension(key: Any, path: tuple[str | int, ...]) -> bool:
    """``x-...`` outside a map of names: a specification extension's value."""
    return (
        isinstance(key, str) and key.startswith("x-") and is_data(key, path[-1] if path else None)
    )


def resolve_pointer(document: Any, ref: str) -> Any:
    """Follow a local ``#/...`` reference; raise KeyError when it does not resolve."""
    if not ref.startswith("#/"):
        raise KeyError(ref)
    node = document
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise KeyError(ref)
    return node


def _malformed_refs(node: Any, path: tuple[str | int, ...], source: str) -> Iterator[Problem]:
    """A ``$ref`` whose value is not a string (a list, a number) names nothing."""
    if isinstance(node, dict):
        if "$ref" in node and not isinstance(node["$ref"], str):
            yield Problem(
                Level.ERROR, "a $ref must be a string", source, pointer_join(*path, "$ref")
            )
        for key, value in node.items():
            if key not in _DATA_KEYS and not _is_extension(key, path):
                yield from _malformed_refs(value, (*path, key), source)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _malformed_refs(value, (*path, index), source)


def _dangling_refs(document: dict[str, Any], source: str) -> Iterator[Problem]:
    yield from _malformed_refs(document, (), source)
    for ref, path in walk_refs(document, ()):
        try:
            resolve_pointer(document, ref)
        except KeyError:
            kind = "it does not resolve"
            yield Problem(
                Level.ERROR, f"dangling $ref {ref!r}: {kind}", source, pointer_join(*path)
            )
