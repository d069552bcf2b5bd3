# Copied from templates/static/runtime/_network.py by `python -m generator codegen`. Do not edit here.
"""The network layer's async and sync building blocks, and its errors in httpx2's terms.

The transports of the package (``_async/_transport.py`` and its sync twin) are built on
httpcore2 directly, so that each socket operation can be cut to the deadline of the call
it serves. httpcore2's async and sync classes differ only by an ``Async`` prefix; naming
them here lets the async→sync translation stay a renaming.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import httpcore2
import httpx2

AsyncConnectionPool = httpcore2.AsyncConnectionPool
ConnectionPool = httpcore2.ConnectionPool
AsyncHTTPProxy = httpcore2.AsyncHTTPProxy
HTTPProxy = httpcore2.HTTPProxy
AsyncNetworkBackend = httpcore2.AsyncNetworkBackend
NetworkBackend = httpcore2.NetworkBackend
AsyncNetworkStream = httpcore2.AsyncNetworkStream
NetworkStream = httpcore2.NetworkStream
#: The system's sockets: anyio's for coroutines (asyncio or trio), plain ones for threads.
AsyncSystemBackend = httpcore2.AnyIOBackend
SystemBackend = httpcore2.SyncBackend
#: What an answer's body stream must be for httpx2 to read it.
AsyncBodyStreamBase = httpx2.AsyncByteStream
BodyStreamBase = httpx2.SyncByteStream

#: httpcore2's errors and the httpx2 errors they are raised as, most specific first.
_ERRORS: tuple[tuple[type[Exception], type[httpx2.TransportError]], ...] = (
    (httpcore2.ConnectTimeout, httpx2.ConnectTimeout),
    (httpcore2.ReadTimeout, httpx2.ReadTimeout),
    (httpcore2.WriteTimeout, httpx2.WriteTimeout),
    (httpcore2.PoolTimeout, httpx2.PoolTimeout),
    (httpcore2.TimeoutException, httpx2.TimeoutException),
    (httpcore2.ConnectError, httpx2.ConnectError),
    (httpcore2.ReadError, httpx2.ReadError),
    (httpcore2.WriteError, httpx2.WriteError),
    (httpcore2.NetworkError, httpx2.NetworkError),
    (httpcore2.ProxyError, httpx2.ProxyError),
    (httpcore2.UnsupportedProtocol, httpx2.UnsupportedProtocol),
    (httpcore2.RemoteProtocolError, httpx2.RemoteProtocolError),
    (httpcore2.LocalProtocolError, httpx2.LocalProtocolError),
    (httpcore2.ProtocolError, httpx2.ProtocolError),
)


def environment_proxies() -> dict[str, str | None]:
    """The proxies the environment asks for (``HTTP_PROXY``, ``HTTPS_PROXY``,
    ``ALL_PROXY``, ``NO_PROXY``), as httpx2 reads them: URL patterns to a proxy URL, or
    to None where no proxy is used."""
    from httpx2._utils import get_environment_proxies

    return get_environment_proxies()


@contextlib.contextmanager
def as_httpx_errors() -> Iterator[None]:
    """Raise httpcore2's errors as the httpx2 errors the rest of the package handles."""
    try:
        yield
    except Exception as exc:
        for source, target in _ERRORS:
            if isinstance(exc, source):
                raise target(str(exc)) from exc
        raise


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
