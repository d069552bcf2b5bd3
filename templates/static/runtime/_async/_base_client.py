"""The request pipeline of the low-level client: one place for auth, retries and errors.

Generated endpoint methods build the URL and the parameters, then call
:meth:`AsyncBaseClient.send`; everything else about talking HTTP happens here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import httpx2

from .._concurrency import async_sleep
from .._constants import DEFAULT_TIMEOUT, LOGGER_NAME
from .._exceptions import (
    MissingCredentialsError,
    RateLimitError,
    ServerError,
    TransportError,
    error_from_response,
)
from .._operation import OperationInfo
from .._retry import (
    RetryConfig,
    error_is_retryable,
    parse_retry_after,
    retry_delay,
    status_is_retryable,
)

logger = logging.getLogger(LOGGER_NAME)


def checked_base_url(base_url: str) -> str:
    """The base URL without a trailing slash; ValueError unless it is absolute http(s)."""
    url = httpx2.URL(base_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(
            f"base URL {base_url!r} must be absolute, with an http:// or https:// scheme"
        )
    return base_url.rstrip("/")


class AsyncBaseClient:
    """Owns the HTTP client, the base URL, default headers, auth and the retry policy.

    Arguments:
        base_url: where the API lives, e.g. ``https://api.nersc.gov/api/v1.2``;
            ``default_base_url`` of the class when not given.
        auth: an ``httpx2.Auth`` applied to operations that need credentials.
        headers: extra headers sent with every request.
        timeout: seconds, or an ``httpx2.Timeout``.
        retry: the retry policy (:class:`RetryConfig`); ``RetryConfig(max_attempts=1)``
            disables retries.
        transport: an ``httpx2`` transport (for tests, proxies or mounts).
        user_agent: the ``User-Agent`` header.
    """

    #: Where requests go when no ``base_url`` is given.
    default_base_url: str = ""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        auth: httpx2.Auth | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx2.Timeout | float | None = DEFAULT_TIMEOUT,
        retry: RetryConfig | None = None,
        transport: httpx2.AsyncBaseTransport | None = None,
        user_agent: str | None = None,
    ) -> None:
        self.base_url = checked_base_url(base_url or self.default_base_url)
        self._auth = auth
        self._retry = retry or RetryConfig()
        default_headers = {"Accept": "application/json"}
        if user_agent:
            default_headers["User-Agent"] = user_agent
        default_headers.update(headers or {})
        self._http = httpx2.AsyncClient(
            base_url=self.base_url + "/",
            headers=default_headers,
            timeout=timeout,
            transport=transport,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    @property
    def retry(self) -> RetryConfig:
        """The retry policy; the ergonomic layer's resubmissions follow it too."""
        return self._retry

    @property
    def has_credentials(self) -> bool:
        """True when secured operations can be called (an auth flow or a token header)."""
        return self._auth is not None or "authorization" in self._http.headers

    async def send(
        self,
        operation: OperationInfo,
        url: str,
        *,
        params: list[tuple[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
    ) -> httpx2.Response:
        """Send one operation's request, retrying where that is safe; return a 2xx answer.

        Raises MissingCredentialsError before sending when the operation needs
        credentials the client lacks, TransportError when no answer came, and the
        error mapped from the status otherwise.
        """
        if operation.secured and not self.has_credentials:
            raise MissingCredentialsError(
                f"{operation.name} needs credentials: create the client with a key, "
                "client_id and secret, or access_token",
                method=operation.method,
                operation=operation.name,
            )
        request = self._http.build_request(
            operation.method,
            url.lstrip("/"),
            params=tuple(params) if params else None,
            headers=headers,
            data=data,
            files=files,
            json=json,
            content=content,
        )
        auth = self._auth if operation.secured else None
        started = time.monotonic()
        attempt = 1
        while True:
            sent_at = time.monotonic()
            try:
                response = await self._http.send(request, auth=auth)
            except (ServerError, RateLimitError) as exc:
                # Raised by the auth flow when the token endpoint failed: the API request
                # itself was not sent, so trying again (with a new assertion) is safe.
                delay = retry_delay(attempt, self._retry, None, time.monotonic() - started)
                logger.debug(
                    "token request failed (%s)%s",
                    exc.status,
                    f"; retrying in {delay:.2f}s" if delay is not None else "",
                )
                if delay is None:
                    raise
                await async_sleep(delay)
                attempt += 1
                continue
            except httpx2.TransportError as exc:
                delay = None
                if error_is_retryable(exc, operation.idempotent):
                    delay = retry_delay(attempt, self._retry, None, time.monotonic() - started)
                logger.debug(
                    "%s %s failed after %.3fs: %s%s",
                    request.method,
                    request.url,
                    time.monotonic() - sent_at,
                    type(exc).__name__,
                    f"; retrying in {delay:.2f}s" if delay is not None else "",
                )
                if delay is None:
                    raise TransportError(
                        f"{operation.name} failed: {type(exc).__name__}: {exc}",
                        method=request.method,
                        url=str(request.url),
                        operation=operation.name,
                    ) from exc
                await async_sleep(delay)
                attempt += 1
                continue
            status = response.status_code
            delay = None
            if status_is_retryable(status, operation.idempotent):
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                delay = retry_delay(attempt, self._retry, retry_after, time.monotonic() - started)
            logger.debug(
                "%s %s → %d in %.3fs%s",
                request.method,
                request.url,
                status,
                time.monotonic() - sent_at,
                f"; retrying in {delay:.2f}s" if delay is not None else "",
            )
            if 200 <= status < 300:
                return response
            await response.aread()
            if delay is None:
                raise error_from_response(response, operation.name)
            await response.aclose()
            await async_sleep(delay)
            attempt += 1

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
