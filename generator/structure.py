"""Where an OpenAPI document holds data rather than structure.

Values under ``default``, ``example``, ``examples``, ``const`` and ``enum`` are data (a
``$ref`` inside them is text, never a reference), except where such a word is a name
in a map: a response ``default``, a property called ``example``.
"""

from __future__ import annotations

DATA_KEYS = frozenset({"default", "example", "examples", "const", "enum"})
NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "$defs",
        "definitions",
        "responses",
        "schemas",
        "parameters",
        "requestBodies",
        "headers",
        "examples",
        "links",
        "callbacks",
        "securitySchemes",
        "pathItems",
        "content",
        "encoding",
        "paths",
        "webhooks",
    }
)
