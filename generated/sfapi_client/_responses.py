# Copied from templates/static/runtime/_responses.py by `python -m generator codegen`. Do not edit here.
"""Turning 2xx answers into typed values, and request models into JSON.

An answer's bytes are bounded by the client's ``max_answer_bytes``; its memory once
parsed is bounded here. Parsed into Python objects and models (and, in layers built on
the package, into objects per item), every JSON value costs up to some 600 bytes however
short its text (``{"name":"f1"}`` becomes a model), so an answer of many small values
would cost tens of times its size. Before parsing, the values are counted from the raw
bytes (one C-speed scan), and an answer holding more than ``MAX_ANSWER_VALUES`` is
refused with ResponseTooLargeError: parsing never starts, and what an answer costs
parsed stays below about ``MAX_ANSWER_VALUES`` x 600 bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import httpx2
import pydantic

from ._exceptions import ResponseDecodeError, ResponseTooLargeError

#: The most JSON values (members of objects and arrays, counted as separators plus
#: containers) one answer may hold: a listing of 125 000 items of 8 fields, or of 10 000
#: rows of 100 fields. Parsed, such answers take some 200 MB; no answer of this many
#: values takes more than about 600 MB.
MAX_ANSWER_VALUES = 1_000_000
#: A JSON escape of a surrogate code point (paired or not; the decoder tells which).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")

_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any]] = {}
#: Each type's JSON validator itself: called on every answer, without the adapter's
#: argument checks in between.
_JSON_VALIDATORS: dict[Any, Callable[[bytes], Any]] = {}


def _adapter(kind: Any) -> pydantic.TypeAdapter[Any]:
    """The validator of a type, built on first use so that importing stays cheap."""
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = pydantic.TypeAdapter(kind)
    return adapter


def _json_validator(kind: Any) -> Callable[[bytes], Any]:
    validate = _JSON_VALIDATORS.get(kind)
    if validate is None:
        validate = _JSON_VALIDATORS[kind] = _adapter(kind).validator.validate_json
    return validate


def value_count(content: bytes) -> int:
    """An upper bound of the JSON values in ``content``: every value but the first
    follows a ``,`` or opens a container, so separators plus containers plus one.

    Commas and brackets inside strings count too: the bound errs on the large side,
    never the small one.
    """
    return content.count(b",") + content.count(b"{") + content.count(b"[") + 1


def parse_json(response: httpx2.Response, kind: Any, operation: str) -> Any:
    """Validate a JSON answer against the operation's documented type.

    ``kind`` is any type pydantic validates: a model, ``list[Job]``, a union such as
    ``Hoot | Squawk``. A type checker reads a union written as a value as a
    ``UnionType``, not as the type itself, so the caller states the result's type
    (``result: Hoot | Squawk = parse_json(...)``), written from the same annotation.

    ResponseTooLargeError, before parsing, for an answer of more than
    ``MAX_ANSWER_VALUES`` values (see the module's docstring).
    """
    content = response.content
    if len(content) > MAX_ANSWER_VALUES:  # fewer bytes than the limit hold fewer values
        values = value_count(content)
        if values > MAX_ANSWER_VALUES:
            raise ResponseTooLargeError(
                f"{operation}: the answer holds about {values} JSON values, more than the "
                f"{MAX_ANSWER_VALUES} parsed at most (parsed, each costs memory far beyond "
                "its bytes); ask for less (a narrower path, filters, paging)",
                status=response.status_code,
                method=response.request.method,
                url=str(response.request.url),
                operation=operation,
            )
    try:
        value = _json_validator(kind)(content)
    except pydantic.ValidationError as exc:
        if _lone_surrogates(exc, content):
            return _parse_with_lone_surrogates(response, kind, operation)
        raise ResponseDecodeError(
            f"{operation}: the answer does not match the API schema: {exc.error_count()} error(s), "
            f"first: {exc.errors()[0]['msg']} at {'.'.join(map(str, exc.errors()[0]['loc']))}",
            status=response.status_code,
            method=response.request.method,
            url=str(response.request.url),
            operation=operation,
            body=response.text[:2000],
        ) from None
    return value


def _lone_surrogates(error: pydantic.ValidationError, content: bytes) -> bool:
    """Whether the JSON was refused only for escapes of lone surrogates (``"\\udcff"``).

    A server written in Python sends a file name that is not UTF-8 so (its bytes decoded
    with ``surrogateescape``): valid JSON, which pydantic's parser refuses as a whole. One
    such name must not make a whole answer (a folder's listing) unreadable.
    """
    first = error.errors()[0]
    return first["type"] == "json_invalid" and _SURROGATE_ESCAPE.search(content) is not None


def _parse_with_lone_surrogates(response: httpx2.Response, kind: Any, operation: str) -> Any:
    """The answer parsed by Python's own JSON decoder, which keeps lone surrogates in the
    strings (the layers above refuse such text where it matters: a path, a name)."""
    try:
        data = json.loads(response.content)
        return _adapter(kind).validate_python(data)
    except (ValueError, pydantic.ValidationError) as exc:
        raise ResponseDecodeError(
            f"{operation}: the answer does not match the API schema: {exc}"[:500],
            status=response.status_code,
            method=response.request.method,
            url=str(response.request.url),
            operation=operation,
            body=response.text[:2000],
        ) from None


def json_body(value: Any) -> Any:
    """A request body as JSON data: models by alias, unset fields left out."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return _adapter(type(value)).dump_python(value, mode="json")
