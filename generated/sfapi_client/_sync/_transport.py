# Copied from templates/static/runtime/_async/_transport.py by `python -m generator codegen`. Do not edit here.
"""The default transport: httpx2 requests over an httpcore2 connection pool whose every
socket operation (connect, TLS handshake, read, write) ends by the deadline in force.

A per-read timeout alone does not bound a call: a server sending one byte a second never
lets a read time out. Here each operation's timeout is cut to the time left of the
call's deadline (:mod:`.._deadline`), so a trickling answer ends at the deadline.

The transport speaks directly or through an HTTP(S) proxy (absolute-form requests for
http://, a CONNECT tunnel for https://); either way every socket operation, the
proxy's included, is cut to the deadline. Its connections belong to the event loop
that opened them: they are closed when that loop shuts down (``asyncio.run`` ending),
and a client used under a new loop (a second ``asyncio.run``) opens a new pool there.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator, Callable, Iterable
from typing import Any

import httpcore2
import httpx2

from .. import _deadline
from .._concurrency import at_loop_end, loop_key
from .._network import (
    BodyStreamBase,
    ConnectionPool,
    HTTPProxy,
    NetworkBackend,
    NetworkStream,
    SystemBackend,
    as_httpx_errors,
)
from .._tls import CertSetting, VerifySetting, ssl_context

__all__: list[str] = []

#: Kept in place of a loop watch where there is no loop to watch (threads, trio).
_NOTHING_TO_WATCH = object()

#: The proxy schemes the transport speaks.
PROXY_SCHEMES = ("http", "https")

#: What ``proxy=`` takes.
ProxySetting = str | httpx2.URL | httpx2.Proxy | None


class DeadlineStream(NetworkStream):
    """A connection whose every operation is cut to the deadline in force."""

    def __init__(self, stream: NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _deadline.clip(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _deadline.clip(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> NetworkStream:
        stream = self._stream.start_tls(ssl_context, server_hostname, _deadline.clip(timeout))
        return DeadlineStream(stream)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(NetworkBackend):
    """The system's sockets, with connects and the streams they open cut to the deadline."""

    def __init__(self, backend: NetworkBackend | None = None) -> None:
        self._backend = backend or SystemBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _deadline.clip(timeout), local_address, socket_options
        )
        return DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> NetworkStream:
        stream = self._backend.connect_unix_socket(
            path,
            _deadline.clip(timeout),
            socket_options,
        )
        return DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class BodyStream(BodyStreamBase):
    """An answer's body as httpx2 reads it, with httpcore2's errors raised as httpx2's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with as_httpx_errors():
            for part in self._stream:
                yield part

    def close(self) -> None:
        with as_httpx_errors():
            self._stream.close()


class SizeLimitedStream(BodyStreamBase):
    """A body stream that raises ``too_large()`` as soon as more than ``limit`` bytes came."""

    def __init__(
        self, stream: BodyStreamBase, limit: int, too_large: Callable[[], Exception]
    ) -> None:
        self._stream = stream
        self._limit = limit
        self._too_large = too_large

    def __iter__(self) -> Iterator[bytes]:
        size = 0
        for part in self._stream:
            size += len(part)
            if size > self._limit:
                raise self._too_large()
            yield part

    def close(self) -> None:
        self._stream.close()


def checked_proxy(proxy: ProxySetting) -> httpx2.Proxy | None:
    """``proxy`` as an ``httpx2.Proxy``; ValueError unless it is an http(s) proxy URL."""
    if proxy is None:
        return None
    try:
        checked = proxy if isinstance(proxy, httpx2.Proxy) else httpx2.Proxy(url=proxy)
    except (httpx2.InvalidURL, ValueError) as exc:
        raise ValueError(f"proxy {str(proxy)!r} is not a proxy URL: {exc}") from None
    if checked.url.scheme not in PROXY_SCHEMES or not checked.url.host:
        raise ValueError(
            f"proxy {str(checked.url)!r} must be an http:// or https:// URL with a host "
            "(other proxy kinds are not supported)"
        )
    return checked


class DeadlineTransport(httpx2.BaseTransport):
    """HTTP/1.1 over a connection pool (httpx2's defaults: certificates verified, at most
    100 connections, 20 kept alive for 5 s), every socket operation within the deadline.

    ``proxy`` sends every request through an HTTP(S) proxy; ``verify``, ``cert`` and
    ``trust_env`` set up TLS (:mod:`.._tls`; ``trust_env`` lets ``SSL_CERT_FILE`` and
    ``SSL_CERT_DIR`` name the CA bundle).
    """

    def __init__(
        self,
        backend: NetworkBackend | None = None,
        *,
        proxy: ProxySetting = None,
        verify: VerifySetting = True,
        cert: CertSetting = None,
        trust_env: bool = True,
    ) -> None:
        self._backend = backend
        self._proxy = checked_proxy(proxy)
        self._ssl_context = ssl_context(verify, cert, trust_env)
        self._pool = self._new_pool()
        self._loop = loop_key()
        # What closes the pool when its loop shuts down (None until the pool is used).
        self._loop_watch: object | None = None

    def _new_pool(self) -> ConnectionPool:
        limits = httpx2.Limits(max_connections=100, max_keepalive_connections=20)
        options: dict[str, Any] = {
            "ssl_context": self._ssl_context,
            "max_connections": limits.max_connections,
            "max_keepalive_connections": limits.max_keepalive_connections,
            "keepalive_expiry": limits.keepalive_expiry,
            "network_backend": DeadlineBackend(self._backend),
        }
        proxy = self._proxy
        if proxy is None:
            return ConnectionPool(**options)
        return HTTPProxy(
            proxy_url=httpcore2.URL(
                scheme=proxy.url.raw_scheme,
                host=proxy.url.raw_host,
                port=proxy.url.port,
                target=proxy.url.raw_path,
            ),
            proxy_auth=proxy.raw_auth,
            proxy_headers=proxy.headers.raw,
            proxy_ssl_context=proxy.ssl_context,
            **options,
        )

    def _current_pool(self) -> ConnectionPool:
        """The pool of the event loop running now: a new one when the loop changed
        (the old loop's connections cannot be used, nor closed, from another), closed
        when this loop shuts down."""
        loop = loop_key()
        if loop is not self._loop:
            self._loop = loop
            self._pool = self._new_pool()
            self._loop_watch = None
        if self._loop_watch is None:
            pool = self._pool
            self._loop_watch = at_loop_end(pool.close) or _NOTHING_TO_WATCH
        return self._pool

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        assert isinstance(request.stream, BodyStreamBase)
        core_request = httpcore2.Request(
            method=request.method,
            url=httpcore2.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        pool = self._current_pool()
        with as_httpx_errors():
            answer = pool.handle_request(core_request)
        return httpx2.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=BodyStream(answer.stream),
            extensions=answer.extensions,
        )

    def close(self) -> None:
        if loop_key() is self._loop:
            self._pool.close()
        # A pool of a loop that is gone cannot be closed from here; it is let go.
