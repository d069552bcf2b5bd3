"""Media types of bodies and answers, and which schemas stand for file content.

JSON is any ``application/json``, ``*/*+json`` or ``*/json`` type (parameters such as
``; charset=utf-8`` ignored); forms and multipart bodies are sent as fields; ``text/*``
as text; everything else (``application/octet-stream``, images, XML) as raw bytes with
its media type as the ``Content-Type``.
"""

from __future__ import annotations

from typing import Any

from .ir import BodyKind


def essence(media_type: str) -> str:
    """``Application/JSON; charset=utf-8`` → ``application/json``."""
    return media_type.split(";", 1)[0].strip().lower()


def is_json(media_type: str) -> bool:
    """True for JSON media types: ``application/json``, ``application/vnd.x+json``…"""
    kind, _, subtype = essence(media_type).partition("/")
    return bool(kind) and (subtype == "json" or subtype.endswith("+json"))


def body_kind(media_type: str) -> BodyKind:
    """How a request body of this media type is sent."""
    plain = essence(media_type)
    if is_json(plain):
        return "json"
    if plain == "application/x-www-form-urlencoded":
        return "form"
    if plain == "multipart/form-data":
        return "multipart"
    if plain.startswith("text/"):
        return "text"
    return "binary"


def is_file_schema(schema: Any) -> bool:
    """True when a schema stands for file content rather than text.

    OpenAPI 3.0 writes ``type: string, format: binary``; 3.1 writes
    ``contentMediaType`` (and, for encoded content, ``contentEncoding``).
    """
    if not isinstance(schema, dict):
        return False
    return (
        schema.get("format") == "binary"
        or "contentMediaType" in schema
        or "contentEncoding" in schema
    )
