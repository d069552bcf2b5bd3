"""Empty ``enum``s, as OpenAPI 3.1 allows them, turned into schemas a model can hold.

JSON Schema 2020-12 (the schema language of OpenAPI 3.1) takes ``enum: []``: a schema no
value matches. Python has no field type that holds nothing, and an empty list read
as no ``enum`` at all (any string, any integer) would be wrong the other way. Such a
schema becomes ``type: "null"``: a field that stays unset (``None``) is the only way
to honour it, and its description says why. 3.0 requires a member, so a
3.0 document keeps its empty ``enum`` and validation reports it.
"""

from __future__ import annotations

from typing import Any

#: Keywords kept on the replacement: they describe the field, not its values.
_KEPT = ("title", "description", "deprecated", "readOnly", "writeOnly")
#: Keys whose values are data (a default, an example), never schemas.
_DATA_KEYS = frozenset({"default", "example", "examples", "const", "enum"})

NOTE = (
    "The API document gives this an empty enum: no value is valid, so it can only be "
    "left unset (None)."
)


def without_empty_enums(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with every schema ``{..., "enum": []}`` replaced by a ``null`` schema
    carrying ``NOTE`` in its description (3.1 documents; others are returned as they are)."""
    if not str(document.get("openapi", "")).startswith("3.1"):
        return document
    result: dict[str, Any] = _replaced(document)
    return result


def _replaced(node: Any) -> Any:
    if isinstance(node, list):
        return [_replaced(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("enum") == []:
        kept = {key: node[key] for key in _KEPT if key in node}
        description = str(kept.get("description", "")).rstrip()
        kept["description"] = f"{description}\n\n{NOTE}" if description else NOTE
        return {**kept, "type": "null"}
    return {key: value if key in _DATA_KEYS else _replaced(value) for key, value in node.items()}
