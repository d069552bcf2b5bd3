"""Answers that leave out keys their document calls required: an option of the config.

Some documents require more in their answers than their service sends. GitHub's is the
largest case: in its own documented examples, 70 of 636 answers leave out a key its
schema marks required (an ``updated_at``, a ``type``), so a model that insists on the
key refuses the answer, and the script that asked gets an error instead of the data it
asked for.

With ``[schemas] lenient_answers = true`` a schema that answers use and request bodies
do not loses its ``required`` lists (its own and those of its inline ``allOf``
members): every field of it is optional, typed ``T | None`` and ``None`` when the answer
leaves it out. A schema that a request body uses keeps its requirements, which say what
the caller must send; the ``required`` lists inside ``anyOf`` / ``oneOf`` members stay
too, because they tell the alternatives apart. Nothing else changes: types, enums and
formats are checked as before. Off by default: a document whose answers keep their word
deserves fields that are never None.
"""

from __future__ import annotations

from typing import Any

from .read_write import directions


def relax_answer_requirements(document: dict[str, Any]) -> list[str]:
    """Drop the ``required`` lists of the component schemas only answers use; the names
    of the schemas changed, in document order."""
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    requests, responses = directions(document, schemas)
    changed = []
    for name, schema in schemas.items():
        if name in responses and name not in requests and _drop_required(schema):
            changed.append(name)
    return changed


def _drop_required(schema: Any) -> bool:
    """Remove the ``required`` list of ``schema`` and of its inline ``allOf`` members;
    whether there was one."""
    if not isinstance(schema, dict):
        return False
    dropped = schema.pop("required", None) is not None
    for member in schema.get("allOf") or []:
        if isinstance(member, dict) and "$ref" not in member:
            dropped = _drop_required(member) or dropped
    return dropped
