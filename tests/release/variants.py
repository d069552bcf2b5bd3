"""The committed document changed in one way each: what the release tests serve.

Each variant is the committed ``spec/openapi.json`` with one change a real API update
makes (a parameter added, a field removed, an enum value added, new wording, a renamed
operation) or one re-encoding that keeps the meaning (OpenAPI 3.0 spellings, type
lists, a component written in place); the last must never count as drift.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "openapi.json"
SCHEMAS = "#/components/schemas/"
NULL = {"type": "null"}

Document = dict[str, Any]


def _spec() -> Document:
    document: Document = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return document


def _changed(change: Callable[[Document], None]) -> bytes:
    document = _spec()
    change(document)
    return json.dumps(document, indent=2).encode()


def _optional_parameter(doc: Document) -> None:
    doc["paths"]["/compute/jobs/{machine}"]["get"]["parameters"].append(
        {
            "name": "account",
            "in": "query",
            "required": False,
            "schema": {"anyOf": [{"type": "string"}, NULL], "title": "Account"},
            "description": "Only jobs charged to this account.",
        }
    )


def _removed_field(doc: Document) -> None:
    del doc["components"]["schemas"]["UserInfo"]["properties"]["workphone"]


def _response_enum_value(doc: Document) -> None:
    doc["components"]["schemas"]["app__routers__storage__models__Status"]["enum"].append("DEGRADED")


def _docs_only(doc: Document) -> None:
    doc["paths"]["/status"]["get"]["description"] = "The status of every NERSC system, now."


def _renamed_operation(doc: Document) -> None:
    operation = doc["paths"]["/compute/jobs/{machine}"]["get"]
    operation["operationId"] = operation["operationId"].replace("read_jobs", "list_jobs", 1)


def _file_as_31(doc: Document) -> None:
    """The upload's file field as FastAPI writes it for OpenAPI 3.1."""
    upload = doc["components"]["schemas"]["Body_upload_file_utilities_upload__machine___path__put"]
    field = upload["properties"]["file"]
    del field["format"]
    field["contentMediaType"] = "application/octet-stream"


def _rewrite_nullables(node: Any, rewrite: Callable[[Document, Document], Document]) -> Any:
    """Every ``anyOf: [X, {type: null}]`` replaced by ``rewrite(outer, X)``."""
    if isinstance(node, list):
        return [_rewrite_nullables(item, rewrite) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _rewrite_nullables(value, rewrite) for key, value in node.items()}
    branches = node.get("anyOf")
    if isinstance(branches, list) and len(branches) == 2 and branches[1] == NULL:
        outer = {key: value for key, value in node.items() if key != "anyOf"}
        return rewrite(outer, branches[0])
    return node


def _as_30_nullable(outer: Document, schema: Document) -> Document:
    if "$ref" in schema:
        return {**outer, "allOf": [schema], "nullable": True}
    return {**schema, **outer, "nullable": True}


def _as_type_list(outer: Document, schema: Document) -> Document:
    if isinstance(schema.get("type"), str) and "$ref" not in schema:
        return {**schema, **outer, "type": [schema["type"], "null"]}
    return {**outer, "anyOf": [schema, NULL]}


def _openapi_30(doc: Document) -> None:
    """The document as an OpenAPI 3.0 generator writes it: ``nullable``, ``allOf``."""
    rewritten = _rewrite_nullables(doc, _as_30_nullable)
    doc.clear()
    doc.update(rewritten)
    doc["openapi"] = "3.0.3"


def _type_lists(doc: Document) -> None:
    rewritten = _rewrite_nullables(doc, _as_type_list)
    doc.clear()
    doc.update(rewritten)


def _in_place_and_named(doc: Document) -> None:
    """``Changelog`` written where it is used instead of by reference, and the
    ``index`` parameter's schema moved into a component of its own."""
    schemas = doc["components"]["schemas"]
    changelog = schemas.pop("Changelog")
    text = json.dumps(doc).replace(
        json.dumps({"$ref": SCHEMAS + "Changelog"}), json.dumps(changelog)
    )
    doc.clear()
    doc.update(json.loads(text))
    index = doc["paths"]["/compute/jobs/{machine}"]["get"]["parameters"][1]
    doc["components"]["schemas"]["JobIndex"] = index["schema"]
    index["schema"] = {"$ref": SCHEMAS + "JobIndex"}


#: Variants that change the API, by name.
DRIFTING: dict[str, Callable[[Document], None]] = {
    "optional-parameter": _optional_parameter,
    "removed-field": _removed_field,
    "response-enum-value": _response_enum_value,
    "docs-only": _docs_only,
    "renamed-operation": _renamed_operation,
}
#: Variants that say what the committed document says, in other words.
EQUIVALENT: dict[str, Callable[[Document], None]] = {
    "file-as-3.1": _file_as_31,
    "openapi-3.0": _openapi_30,
    "type-lists": _type_lists,
    "in-place-and-named": _in_place_and_named,
}


def served_variants() -> dict[str, bytes]:
    """Every variant's body, by the path it is served at."""
    variants = {name: _changed(change) for name, change in {**DRIFTING, **EQUIVALENT}.items()}
    variants["identical"] = SPEC_PATH.read_bytes()
    return variants


def sanity_check() -> None:
    """Each variant differs from the committed document (else its test proves nothing)."""
    committed = _spec()
    for name, body in served_variants().items():
        if name != "identical" and json.loads(body) == committed:
            raise AssertionError(f"variant {name} equals the committed document")
