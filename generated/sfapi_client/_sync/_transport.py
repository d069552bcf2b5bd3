# Copied from templates/static/runtime/_async/_transport.py by `python -m generator codegen`. Do not edit here.
"""The default transport: httpx2 requests over an httpcore2 connection pool whose every
socket operation (connect, TLS handshake, read, write) ends by the deadline in force.

A per-read timeout alone does not bound a call: a server sending one byte a second never
lets a read time out. Here each operation's timeout is cut to the time left of the
call's deadline (:mod:`.._deadline`), so a trickling answer ends at the deadline.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator, Callable, Iterable
from typing import Any

import httpcore2
import httpx2

from .. import _deadline
from .._network import (
    BodyStreamBase,
    ConnectionPool,
    NetworkBackend,
    NetworkStream,
    SystemBackend,
    as_httpx_errors,
)

__all__: list[str] = []


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


class DeadlineTransport(httpx2.BaseTransport):
    """HTTP/1.1 over a connection pool (httpx2's defaults: certificates verified, at most
    100 connections, 20 kept alive for 5 s), every socket operation within the deadline."""

    def __init__(self, backend: NetworkBackend | None = None) -> None:
        limits = httpx2.Limits(max_connections=100, max_keepalive_connections=20)
        self._pool = ConnectionPool(
            ssl_context=httpx2.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=DeadlineBackend(backend),
        )

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
        with as_httpx_errors():
            answer = self._pool.handle_request(core_request)
        return httpx2.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=BodyStream(answer.stream),
            extensions=answer.extensions,
        )

    def close(self) -> None:
        self._pool.close()
