# Copied from templates/static/runtime/_responses.py by `python -m generator codegen`. Do not edit here.
"""Turning 2xx answers into typed values, and request models into JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx2
import pydantic

from ._exceptions import ResponseDecodeError

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


def parse_json(response: httpx2.Response, kind: Any, operation: str) -> Any:
    """Validate a JSON answer against the operation's documented type.

    ``kind`` is any type pydantic validates: a model, ``list[Job]``, a union such as
    ``Hoot | Squawk``. A type checker reads a union written as a value as a
    ``UnionType``, not as the type itself, so the caller states the result's type
    (``result: Hoot | Squawk = parse_json(...)``), written from the same annotation.
    """
    try:
        value = _json_validator(kind)(response.content)
    except pydantic.ValidationError as exc:
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


def json_body(value: Any) -> Any:
    """A request body as JSON data: models by alias, unset fields left out."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return _adapter(type(value)).dump_python(value, mode="json")
