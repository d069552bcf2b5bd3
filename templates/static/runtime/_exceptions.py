"""The runtime's errors, and the one function mapping answers onto them.

Every error derives from the package's error base (``PackageError``, the class its
configuration names) and says what was asked (operation, method, URL) and what came
back (status, body), so that ``str(error)`` alone tells a user what happened. The
request's headers (where the token is) are never kept.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

# Only answers are read here, and an answer means httpx2 is loaded: a program that
# merely names the errors (a command line printing its help) does not import it.
if TYPE_CHECKING:
    import httpx2

from ._package import PackageError

__all__ = [
    "ApiErrorStatus",
    "AuthenticationError",
    "CallTimeoutError",
    "ConflictError",
    "InvalidUrlError",
    "MissingCredentialsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseDecodeError",
    "ResponseTooLargeError",
    "ServerError",
    "ServerUnreachableError",
    "TransportError",
    "WaitTimeoutError",
]

_BODY_LIMIT = 2000


class TransportError(PackageError):
    """No answer: the connection failed, was dropped, or timed out."""


class CallTimeoutError(TransportError, TimeoutError):
    """The call did not end within its deadline (the client's ``timeout``, or a
    ``time_limit`` around it), retries and token requests included."""


class ServerUnreachableError(TransportError):
    """No connection could be made to the server: nothing listens at the URL, the host
    is unknown, or the network does not reach it.

    ``str()`` names the URL, the setting it came from and what to check. The failure
    of the network layer is summarised in the message, not chained: its request holds
    the headers (and a token request's body), which no error of the package keeps.
    """


class InvalidUrlError(PackageError, ValueError):
    """A configured URL (the API's base URL, the token URL) cannot be used: it does not
    parse, is not absolute http(s), or its setting is empty. Raised when the client is
    built, before any request."""


class MissingCredentialsError(PackageError):
    """An operation needs credentials and the client has none; nothing was sent."""


class AuthenticationError(PackageError):
    """401: the token is missing, expired or not accepted."""


class PermissionDeniedError(PackageError):
    """403: the credentials are valid but not allowed to do this (e.g. a read-only client)."""


class NotFoundError(PackageError):
    """404: the resource or route does not exist."""


class ConflictError(PackageError):
    """409: the request conflicts with the resource's state."""


class RequestValidationError(PackageError):
    """422: the service rejected the request's parameters; ``detail`` lists why.

    Arguments:
        message: what went wrong.
        detail: the service's list of what was wrong, one dict per problem.
        kwargs: the request and answer, as the base error takes them (``status``,
            ``method``, ``url``, ``operation``, ``body``).
    """

    def __init__(self, message: str, *, detail: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.detail = detail


class RateLimitError(PackageError):
    """429 after the retries allowed: ``retry_after`` is the wait the service asked for.

    Arguments:
        message: what went wrong.
        retry_after: the seconds the service asked to wait, if it said.
        kwargs: the request and answer, as the base error takes them (``status``,
            ``method``, ``url``, ``operation``, ``body``).
    """

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(PackageError):
    """5xx after the retries allowed (or at once, where a retry would not be safe)."""


class ApiErrorStatus(PackageError):
    """HTTP 200 whose body says ``status: ERROR``: the operation failed; ``str()`` has why."""


class ResponseDecodeError(PackageError):
    """The answer did not match the API's documented schema."""


class ResponseTooLargeError(PackageError):
    """The answer's body (counted after decompression) exceeded the client's
    ``max_answer_bytes``, and reading stopped there; or it held more JSON values than
    are parsed at most (``MAX_ANSWER_VALUES``, a bound of the memory parsing takes)."""


class WaitTimeoutError(PackageError, TimeoutError):
    """A wait for work on the service to finish reached its timeout before the end."""


def _body_text(response: httpx2.Response) -> str:
    import httpx2

    try:
        text = response.text
    except (httpx2.ResponseNotRead, UnicodeDecodeError):
        return ""
    return text if len(text) <= _BODY_LIMIT else text[:_BODY_LIMIT] + "…"


def _reason(response: httpx2.Response) -> str:
    """The service's own explanation, from FastAPI's ``detail`` or the body's ``error``."""
    import httpx2

    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError, httpx2.ResponseNotRead):
        return _body_text(response)[:200]
    if isinstance(data, dict):
        for key in ("detail", "error", "message"):
            value = data.get(key)
            if isinstance(value, str) and value:
                return value
    return ""


def _validation_detail(response: httpx2.Response) -> list[dict[str, Any]]:
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError):
        return []
    detail = data.get("detail") if isinstance(data, dict) else None
    return [d for d in detail if isinstance(d, dict)] if isinstance(detail, list) else []


def _describe_validation(detail: list[dict[str, Any]]) -> str:
    items = []
    for entry in detail[:5]:
        location = ".".join(str(part) for part in entry.get("loc", []))
        items.append(f"{location}: {entry.get('msg', '')}".strip(": "))
    return "; ".join(items)


def _retry_after(response: httpx2.Response) -> float | None:
    from ._retry import parse_retry_after

    return parse_retry_after(response.headers.get("retry-after"))


_BY_STATUS: dict[int, type[PackageError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_from_response(response: httpx2.Response, operation: str | None = None) -> PackageError:
    """The exception for a non-2xx answer (its body must have been read)."""
    status = response.status_code
    context: dict[str, Any] = {
        "status": status,
        "method": response.request.method,
        "url": str(response.request.url),
        "operation": operation,
        "body": _body_text(response),
    }
    reason = _reason(response)
    label = f"{operation} failed" if operation else "request failed"
    if status == 422:
        detail = _validation_detail(response)
        text = _describe_validation(detail) or reason
        return RequestValidationError(f"{label}: invalid request: {text}", detail=detail, **context)
    if status == 429:
        return RateLimitError(
            f"{label}: rate limited" + (f": {reason}" if reason else ""),
            retry_after=_retry_after(response),
            **context,
        )
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else PackageError)
    phrase = response.reason_phrase or "error"
    return cls(f"{label}: HTTP {status} {phrase}" + (f": {reason}" if reason else ""), **context)


def inband_error(
    response: httpx2.Response, operation: str, status: Any, message: str | None, error_value: str
) -> ApiErrorStatus | None:
    """The error an HTTP 200 body reports with ``status == error_value``, or None."""
    if getattr(status, "value", status) != error_value:
        return None
    return ApiErrorStatus(
        f"{operation} failed: {message or 'the service reported an error without a message'}",
        status=response.status_code,
        method=response.request.method,
        url=str(response.request.url),
        operation=operation,
        body=_body_text(response),
    )
