# Copied from templates/static/runtime/_async/_transport.py by `python -m generator codegen`. Do not edit here.
"""The default transport: httpx2 requests over an httpcore2 connection pool whose every
socket operation (connect, TLS handshake, read, write) ends by the deadline in force.

A per-read timeout alone does not bound a call: a server sending one byte a second never
lets a read time out. Here each operation's timeout is cut to the time left of the
call's deadline (:mod:`.._deadline`), so a trickling answer ends at the deadline.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

import httpcore2
import httpx2

from .. import _deadline
from .._network import (
    AsyncBodyStreamBase,
    AsyncConnectionPool,
    AsyncNetworkBackend,
    AsyncNetworkStream,
    AsyncSystemBackend,
    as_httpx_errors,
)

__all__: list[str] = []


class AsyncDeadlineStream(AsyncNetworkStream):
    """A connection whose every operation is cut to the deadline in force."""

    def __init__(self, stream: AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _deadline.clip(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _deadline.clip(timeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> AsyncNetworkStream:
        stream = await self._stream.start_tls(ssl_context, server_hostname, _deadline.clip(timeout))
        return AsyncDeadlineStream(stream)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class AsyncDeadlineBackend(AsyncNetworkBackend):
    """The system's sockets, with connects and the streams they open cut to the deadline."""

    def __init__(self, backend: AsyncNetworkBackend | None = None) -> None:
        self._backend = backend or AsyncSystemBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        stream = await self._backend.connect_tcp(
            host, port, _deadline.clip(timeout), local_address, socket_options
        )
        return AsyncDeadlineStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> AsyncNetworkStream:
        stream = await self._backend.connect_unix_socket(
            path,
            _deadline.clip(timeout),
            socket_options,
        )
        return AsyncDeadlineStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


class AsyncBodyStream(AsyncBodyStreamBase):
    """An answer's body as httpx2 reads it, with httpcore2's errors raised as httpx2's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with as_httpx_errors():
            async for part in self._stream:
                yield part

    async def aclose(self) -> None:
        with as_httpx_errors():
            await self._stream.aclose()


class AsyncSizeLimitedStream(AsyncBodyStreamBase):
    """A body stream that raises ``too_large()`` as soon as more than ``limit`` bytes came."""

    def __init__(
        self, stream: AsyncBodyStreamBase, limit: int, too_large: Callable[[], Exception]
    ) -> None:
        self._stream = stream
        self._limit = limit
        self._too_large = too_large

    async def __aiter__(self) -> AsyncIterator[bytes]:
        size = 0
        async for part in self._stream:
            size += len(part)
            if size > self._limit:
                raise self._too_large()
            yield part

    async def aclose(self) -> None:
        await self._stream.aclose()


class AsyncDeadlineTransport(httpx2.AsyncBaseTransport):
    """HTTP/1.1 over a connection pool (httpx2's defaults: certificates verified, at most
    100 connections, 20 kept alive for 5 s), every socket operation within the deadline."""

    def __init__(self, backend: AsyncNetworkBackend | None = None) -> None:
        limits = httpx2.Limits(max_connections=100, max_keepalive_connections=20)
        self._pool = AsyncConnectionPool(
            ssl_context=httpx2.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=AsyncDeadlineBackend(backend),
        )

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        assert isinstance(request.stream, AsyncBodyStreamBase)
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
            answer = await self._pool.handle_async_request(core_request)
        return httpx2.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=AsyncBodyStream(answer.stream),
            extensions=answer.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()
