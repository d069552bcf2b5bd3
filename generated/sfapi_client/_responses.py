# Copied from templates/static/runtime/_responses.py by `python -m generator codegen`. Do not edit here.
"""Turning 2xx answers into typed values, and request models into JSON."""

from __future__ import annotations

from typing import Any, TypeVar

import httpx2
import pydantic

from ._exceptions import ResponseDecodeError

T = TypeVar("T")


_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any]] = {}


def _adapter(kind: Any) -> pydantic.TypeAdapter[Any]:
    """The validator of a type, built on first use so that importing stays cheap."""
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = pydantic.TypeAdapter(kind)
    return adapter


def parse_json(response: httpx2.Response, kind: type[T], operation: str) -> T:
    """Validate a JSON answer against the operation's documented type."""
    try:
        value: T = _adapter(kind).validate_json(response.content)
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


#: Headers about how a body was framed on the wire; they do not describe a read body.
_FRAMING_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def buffered(response: httpx2.Response, body: bytes) -> httpx2.Response:
    """An answer whose (decoded) body has been read into memory: ``response`` with ``body``.

    Only what describes the answer is kept (status, headers, request, HTTP version and
    reason phrase); the connection it came on is not.
    """
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in _FRAMING_HEADERS
    ]
    extensions: dict[str, Any] = {
        key: response.extensions[key]
        for key in ("http_version", "reason_phrase")
        if key in response.extensions
    }
    return httpx2.Response(
        response.status_code,
        headers=headers,
        content=body,
        request=response.request,
        extensions=extensions,
    )
