# Copied from templates/static/runtime/_encoding.py by `python -m generator codegen`. Do not edit here.
"""Encoding of parameter values for URLs, query strings, forms and multipart bodies."""

from __future__ import annotations

import datetime as _dt
import re
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


#: A segment of only RFC 3986's unreserved characters, not starting with a dot, needs no
#: escaping and no further check: the common case (a machine or system name) is spared
#: the work.
_UNRESERVED = re.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]*")

#: Characters a URL cannot carry as meant: C0 controls (NUL, tab, newline ...) and DEL.
_CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f]")


def _checked_text(text: str, what: str) -> str:
    """``text`` unless it cannot go into a URL as meant; ValueError saying why."""
    control = _CONTROL_CHARACTER.search(text)
    if control is not None:
        raise ValueError(
            f"{what} {text!r} holds a control character at position {control.start()} "
            "(NUL, newline, tab ...), which a URL cannot carry as meant"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{what} {text!r} is not valid Unicode text ({exc.reason} at position {exc.start})"
        ) from None
    return text


def path_segment(value: Any) -> str:
    """A path parameter as one URL segment: every reserved character is escaped.

    ValueError for ``.`` or ``..`` (which would turn the URL into another one) and for
    control characters or invalid text; nothing is normalised.
    """
    text = value if type(value) is str else scalar(value)
    if _UNRESERVED.fullmatch(text):
        return text
    text = _checked_text(text, "path parameter")
    if text in (".", ".."):
        raise ValueError(f"path parameter {text!r} would change the request URL; it is refused")
    return quote(text, safe="")


def path_value(value: Any) -> str:
    """A path parameter whose ``/`` separate segments (a file path): kept as they are.

    ``/home/alice/data`` stays ``/home/alice/data``, so the URL reads
    ``.../files//home/alice/data`` for a path ``/files/{path}``. A ``.`` or
    ``..`` segment is refused (ValueError), not normalised: resolved by the URL layer it
    would send the request, credentials and all, to another path than the one given.
    Control characters (NUL, newline ...) and invalid text are refused too.
    """
    text = _checked_text(scalar(value), "path")
    if any(segment in (".", "..") for segment in text.split("/")):
        raise ValueError(
            f"path {text!r} has a '.' or '..' segment; give the path without them "
            "(it is refused rather than resolved, so the request goes where the path says)"
        )
    return quote(text, safe="/")


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


def file_fields(
    fields: Mapping[str, FileContent | list[FileContent] | None],
) -> list[tuple[str, Any]]:
    """Multipart file parts without the unset fields, in order: a list of files gives one
    part per file under the field's name; bare content gets the field's name as file name."""
    parts: list[tuple[str, Any]] = []
    for name, value in fields.items():
        if value is None:
            continue
        for content in value if isinstance(value, list) else [value]:
            parts.append((name, content if isinstance(content, tuple) else (name, content)))
    return parts


def headers(pairs: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """Header parameters without the unset ones."""
    return {name: scalar(value) for name, value in pairs if value is not None}
