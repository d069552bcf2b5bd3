"""Where an OpenAPI document holds data rather than structure.

Values under ``default``, ``example``, ``examples``, ``const`` and ``enum`` are data (a
``$ref`` inside them is text, never a reference), except where such a word is a name
in a map: a response ``default``, a property called ``example``. So are the values of
specification extensions (``x-codeSamples``, ``x-vendor-policy``): they are the vendor's
own data, and a ``$ref`` in one is not OpenAPI's to follow.
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


def is_data(key: object, parent: object) -> bool:
    """Whether the value under ``key`` (in a mapping held under ``parent``) is data: a
    data keyword or an extension (``x-...``), unless the mapping is a map of names."""
    if parent in NAME_MAPS:
        return False
    return key in DATA_KEYS or (isinstance(key, str) and key.startswith("x-"))
