"""One spelling for schemas that mean the same, so that a re-encoding is not drift.

OpenAPI 3.0 and 3.1 (and FastAPI's versions) write the same meaning in several ways:

* file content as ``format: binary`` (3.0) or ``contentMediaType`` /
  ``contentEncoding`` (3.1), as :func:`generator.media.is_file_schema` reads both;
* a value that may be null as ``nullable: true`` (3.0), ``type: [x, "null"]`` or
  ``anyOf: [..., {type: null}]`` (3.1);
* a schema given once through ``allOf: [X]`` (how 3.0 documents attach a default to a
  reference) or as X itself;
* a parameter, body or response written in place or as a ``$ref`` to a component
  (resolved the way the generator resolves them, :func:`generator.refs.inline_refs`).

:func:`canonical_document` rewrites a document into one spelling of each before the
comparison: file content becomes ``type: string, format: binary``, a nullable schema
``{<annotations>, anyOf: [<the schema>, {type: null}]}``. An inline schema and a
``$ref`` to an identical component are told apart by the comparison itself
(:mod:`generator.drift.compare`).
"""

from __future__ import annotations

from typing import Any

from ..media import is_file_schema
from ..problems import GeneratorError
from ..refs import inline_refs
from .fetch import FetchError

#: Keys that annotate a schema rather than say what its values are; a nullable schema
#: keeps them outside its ``anyOf``, where FastAPI writes them.
ANNOTATION_KEYS = frozenset(
    {
        "title",
        "description",
        "default",
        "example",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "externalDocs",
    }
)
#: The file encodings of 3.1, replaced by 3.0's ``format: binary``.
_FILE_KEYS = ("format", "contentMediaType", "contentEncoding")
#: Where a schema holds other schemas: one, a list of them, or a map of them by name.
_ONE = ("items", "additionalProperties", "not", "contains", "propertyNames")
_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAP = ("properties", "patternProperties", "$defs", "definitions")
_NULL: dict[str, Any] = {"type": "null"}


def canonical_document(document: dict[str, Any], source: str) -> dict[str, Any]:
    """``document`` with references inlined as the generator inlines them and every
    schema in its canonical spelling; a reference cycle is a :class:`FetchError`."""
    try:
        document = inline_refs(document, source)
    except (GeneratorError, KeyError) as exc:
        raise FetchError(f"{source} cannot be read as the generator reads it: {exc}") from None
    return _Rewriter().document(document)


def canonical_schema(schema: Any) -> Any:
    """``schema`` and every schema inside it in the canonical spelling."""
    if not isinstance(schema, dict):
        return schema
    node = dict(schema)
    for key in _ONE:
        if isinstance(node.get(key), dict):
            node[key] = canonical_schema(node[key])
    for key in _LIST:
        if isinstance(node.get(key), list):
            node[key] = [canonical_schema(item) for item in node[key]]
    for key in _MAP:
        if isinstance(node.get(key), dict):
            node[key] = {name: canonical_schema(item) for name, item in node[key].items()}
    if is_file_schema(node):
        node = {k: v for k, v in node.items() if k not in _FILE_KEYS}
        node.setdefault("type", "string")
        node["format"] = "binary"
    return _nullable(node)


def _single_all_of(node: dict[str, Any]) -> dict[str, Any]:
    """``{allOf: [X], <annotations>}`` is X with those annotations."""
    parts = node.get("allOf")
    if not (isinstance(parts, list) and len(parts) == 1 and isinstance(parts[0], dict)):
        return node
    rest = {k: v for k, v in node.items() if k != "allOf"}
    if not set(rest) <= ANNOTATION_KEYS:
        return node
    return {**parts[0], **rest}


def _nullable(node: dict[str, Any]) -> dict[str, Any]:
    """The three spellings of "may be null" as ``anyOf: [..., {type: null}]``."""
    nullable = node.get("nullable") is True
    node = _single_all_of({k: v for k, v in node.items() if k != "nullable"})
    types = node.get("type")
    if isinstance(types, list) and "null" in types and len(types) > 1:
        rest = [kind for kind in types if kind != "null"]
        node["type"] = rest[0] if len(rest) == 1 else rest
        nullable = True
    for combinator in ("anyOf", "oneOf"):
        branches = node.get(combinator)
        if isinstance(branches, list) and _NULL in branches and len(branches) > 1:
            others = [branch for branch in branches if branch != _NULL]
            outside = {k: v for k, v in node.items() if k != combinator}
            if len(others) == 1 and set(outside) <= ANNOTATION_KEYS:
                return {**outside, "anyOf": [others[0], _NULL]}
            node[combinator] = [*others, _NULL]
            return node
    if not nullable:
        return node
    outside = {k: v for k, v in node.items() if k in ANNOTATION_KEYS}
    inside = {k: v for k, v in node.items() if k not in ANNOTATION_KEYS}
    return {**outside, "anyOf": [inside or {}, _NULL]}


class _Rewriter:
    """Finds the schemas of a document (components, parameters, bodies, answers, headers)."""

    def document(self, document: dict[str, Any]) -> dict[str, Any]:
        result = dict(document)
        components = document.get("components")
        if isinstance(components, dict):
            result["components"] = {
                **components,
                "schemas": _map(components.get("schemas"), canonical_schema),
            }
        paths = document.get("paths")
        if isinstance(paths, dict):
            result["paths"] = _map(paths, self.path_item)
        return result

    def path_item(self, item: Any) -> Any:
        if not isinstance(item, dict):
            return item
        result = {key: self.operation(value) for key, value in item.items()}
        result["parameters"] = self.parameters(item.get("parameters"))
        return {k: v for k, v in result.items() if v is not None}

    def operation(self, operation: Any) -> Any:
        if not isinstance(operation, dict):
            return operation
        result = dict(operation)
        if "parameters" in operation:
            result["parameters"] = self.parameters(operation["parameters"])
        if isinstance(operation.get("requestBody"), dict):
            result["requestBody"] = self.with_content(operation["requestBody"])
        if isinstance(operation.get("responses"), dict):
            result["responses"] = _map(operation["responses"], self.response)
        return result

    def parameters(self, parameters: Any) -> Any:
        if not isinstance(parameters, list):
            return parameters
        return [self.with_content(_schema_at(p, "schema")) for p in parameters]

    def response(self, response: Any) -> Any:
        response = self.with_content(response)
        if isinstance(response, dict) and isinstance(response.get("headers"), dict):
            response["headers"] = _map(response["headers"], lambda h: _schema_at(h, "schema"))
        return response

    def with_content(self, node: Any) -> Any:
        if not isinstance(node, dict) or not isinstance(node.get("content"), dict):
            return node
        return {
            **node,
            "content": _map(node["content"], lambda media: _schema_at(media, "schema")),
        }


def _schema_at(node: Any, key: str) -> Any:
    if not isinstance(node, dict) or key not in node:
        return node
    return {**node, key: canonical_schema(node[key])}


def _map(node: Any, change: Any) -> Any:
    if not isinstance(node, dict):
        return node
    return {key: change(value) for key, value in node.items()}
