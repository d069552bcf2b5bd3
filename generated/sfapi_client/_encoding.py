# Copied from templates/static/runtime/_encoding.py by `python -m generator codegen`. Do not edit here.
"""Encoding of parameter values for URLs, query strings, forms and multipart bodies."""

from __future__ import annotations

import datetime as _dt
import json as _json
import re
from collections.abc import Iterable, Iterator, Mapping
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


def query_params(
    pairs: Iterable[tuple[str, Any]], styles: Iterable[tuple[str, str, bool]] = ()
) -> list[tuple[str, str]]:
    """Query pairs without the unset ones.

    A parameter whose ``style``/``explode`` the API document sets (``styles``:
    ``(name, style, explode)``, ``OperationInfo.query_styles``) is written by the rules
    ``form_fields`` describes (``expand[]=a`` for ``deepObject``, ``a,b`` for ``form``
    not exploded ...). The others take OpenAPI's default for a query, ``form`` exploded:
    a list repeats its name, an object gives one pair per property.
    """
    by_name = {name: (style, explode) for name, style, explode in styles}
    encoded: list[tuple[str, str]] = []
    for name, value in pairs:
        if value is None:
            continue
        style = by_name.get(name)
        if style is not None:
            encoded.extend(_styled(name, value, *style))
        elif isinstance(value, list | tuple):
            encoded.extend((name, _text(_data(item))) for item in value if item is not None)
        elif isinstance(value, str | int | float | Enum | _dt.date):
            encoded.append((name, scalar(value)))
        else:
            encoded.extend(_styled(name, value, "form", True))
    return encoded


#: The styles OpenAPI's Encoding Object gives a form field, and the separator of each
#: when not exploded (``deepObject`` has none: it is always written in brackets).
FORM_SEPARATORS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|", "deepObject": ""}


def form_fields(
    fields: Mapping[str, Any], styles: Iterable[tuple[str, str, bool]] = ()
) -> dict[str, str | list[str]]:
    """Form (or multipart text) fields without the unset ones, as name → value(s).

    ``styles`` gives ``(field, style, explode)`` for the fields whose style the API
    document's Encoding Object sets (``OperationInfo.form_styles``); they follow OpenAPI's rules for form serialisation (the style
    examples of OpenAPI 3.0.3 section 4.7.12.4, 3.1.0 section 4.8.12.4, for a field
    ``color``):

    - ``form``, exploded: ``color=blue&color=black``; an object ``R=100&G=200``.
    - ``form``, not exploded: ``color=blue,black``; an object ``color=R,100,G,200``.
    - ``spaceDelimited`` / ``pipeDelimited``, not exploded: ``color=blue black`` /
      ``color=blue|black`` (objects as name, value, name, value); exploded, as ``form``.
    - ``deepObject``: ``color[R]=100&color[G]=200``; nested objects go deeper
      (``a[b][c]=1``), a list of plain values is written ``color[]=blue&color[]=black``
      and a list holding objects or lists by index (``items[0][price]=p1``), which the
      specification leaves open and form-reading servers understand.

    A field without a style keeps the form defaults of a document that says nothing:
    a list repeats the name, an object (or a model) is sent as JSON text, as the
    specification's own form example does with its ``address`` object.
    """
    encoded: dict[str, str | list[str]] = {}
    by_field = {name: (style, explode) for name, style, explode in styles}
    for name, value in fields.items():
        if value is None:
            continue
        style = by_field.get(name)
        pairs = _unstyled(name, value) if style is None else _styled(name, value, *style)
        for key, text in pairs:
            present = encoded.get(key)
            if present is None:
                encoded[key] = text
            elif isinstance(present, list):
                present.append(text)
            else:
                encoded[key] = [present, text]
    return encoded


def _data(value: Any) -> Any:
    """Models, enums, dates and tuples as the JSON data they stand for."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_data(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _data(item) for key, item in value.items()}
    if isinstance(value, Enum | _dt.datetime | _dt.date):
        return scalar(value)
    from ._responses import json_body  # models need pydantic, loaded only for them

    return json_body(value)


def _text(value: Any) -> str:
    """One value as form text: plain values as ``scalar`` writes them, lists and
    objects as JSON."""
    if isinstance(value, list | dict):
        return _json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return scalar(value)


def _unstyled(name: str, value: Any) -> list[tuple[str, str]]:
    data = _data(value)
    if isinstance(data, list):
        return [(name, _text(item)) for item in data if item is not None]
    return [(name, _text(data))]


def _styled(name: str, value: Any, style: str, explode: bool) -> list[tuple[str, str]]:
    if style not in FORM_SEPARATORS:
        raise ValueError(f"form field {name!r}: unknown style {style!r}")
    data = _data(value)
    if style == "deepObject":
        return list(_deep(name, data))
    if isinstance(data, dict):
        items = [(key, item) for key, item in data.items() if item is not None]
        if explode:
            return [(key, _text(item)) for key, item in items]
        flat = [text for key, item in items for text in (key, _text(item))]
        return [(name, FORM_SEPARATORS[style].join(flat))]
    if isinstance(data, list):
        texts = [_text(item) for item in data if item is not None]
        if explode:
            return [(name, text) for text in texts]
        return [(name, FORM_SEPARATORS[style].join(texts))]
    return [(name, _text(data))]


def _deep(name: str, data: Any) -> Iterator[tuple[str, str]]:
    """``deepObject`` pairs: a key in brackets per level of nesting."""
    if isinstance(data, dict):
        for key, item in data.items():
            yield from _deep(f"{name}[{key}]", item)
    elif isinstance(data, list):
        indexed = any(isinstance(item, list | dict) for item in data)
        for index, item in enumerate(data):
            yield from _deep(f"{name}[{index if indexed else ''}]", item)
    elif data is not None:
        yield name, scalar(data)


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
