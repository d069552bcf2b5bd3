# Copied from templates/static/runtime/_encoding.py by `python -m generator codegen`. Do not edit here.
"""Encoding of parameter values for URLs, query strings, forms and multipart bodies."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import IO, Any
from urllib.parse import quote

#: What a multipart file field accepts: raw bytes, an open binary file, or
#: ``(filename, content)`` / ``(filename, content, content_type)``.
FileContent = bytes | IO[bytes] | tuple[str, bytes | IO[bytes]] | tuple[str, bytes | IO[bytes], str]


def scalar(value: Any) -> str:
    """The text form of one value: enums by value, booleans as ``true``/``false``."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    return str(value)


def path_segment(value: Any) -> str:
    """A path parameter as one URL segment: every reserved character is escaped."""
    return quote(scalar(value), safe="")


def path_value(value: Any) -> str:
    """A path parameter whose ``/`` separate segments (a file path): kept as they are.

    ``/global/homes/a/alice`` stays ``/global/homes/a/alice``, so the URL reads
    ``.../ls/perlmutter//global/homes/a/alice`` as the service expects.
    """
    return quote(scalar(value), safe="/")


def query_params(pairs: Iterable[tuple[str, Any]]) -> list[tuple[str, str]]:
    """Query pairs without the unset ones; a list value repeats its name."""
    encoded: list[tuple[str, str]] = []
    for name, value in pairs:
        if value is None:
            continue
        if isinstance(value, list | tuple):
            encoded.extend((name, scalar(item)) for item in value if item is not None)
        else:
            encoded.append((name, scalar(value)))
    return encoded


def form_fields(fields: Mapping[str, Any]) -> dict[str, str | list[str]]:
    """Form (or multipart text) fields without the unset ones; lists repeat the name."""
    encoded: dict[str, str | list[str]] = {}
    for name, value in fields.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            encoded[name] = [scalar(item) for item in value]
        else:
            encoded[name] = scalar(value)
    return encoded


def file_fields(fields: Mapping[str, FileContent | None]) -> dict[str, Any]:
    """Multipart file fields without the unset ones; bare content gets the field's name."""
    return {
        name: value if isinstance(value, tuple) else (name, value)
        for name, value in fields.items()
        if value is not None
    }


def headers(pairs: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """Header parameters without the unset ones."""
    return {name: scalar(value) for name, value in pairs if value is not None}
