"""A forwarding HTTP proxy on 127.0.0.1 for tests: absolute-form requests (``GET
http://host:port/path``) are sent on to their server, ``CONNECT host:port`` opens a
tunnel (for https://). It records what it was asked, so that a test can tell which
requests went through it."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

#: The most a test request's head may take.
_HEAD_LIMIT = 64 * 1024
#: How long a relayed connection may stay silent before the proxy drops it.
_IDLE_LIMIT = 30.0


@dataclass
class ForwardingProxy:
    """What the proxy was asked: ``(method, target)`` per request, in order."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, method: str, target: str) -> None:
        with self.lock:
            self.requests.append((method, target))


def _read_head(stream: socket.socket) -> bytes | None:
    head = b""
    while b"\r\n\r\n" not in head:
        part = stream.recv(4096)
        if not part:
            return None
        head += part
        if len(head) > _HEAD_LIMIT:
            return None
    return head


def _pipe(source: socket.socket, target: socket.socket) -> None:
    """Copy ``source`` to ``target`` until ``source`` ends; then end ``target``'s writing."""
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)
    with contextlib.suppress(OSError):
        target.shutdown(socket.SHUT_WR)


def _tunnel(client: socket.socket, upstream: socket.socket) -> None:
    back = threading.Thread(target=_pipe, args=(upstream, client), daemon=True)
    back.start()
    _pipe(client, upstream)
    back.join(_IDLE_LIMIT)


def _handler(proxy: ForwardingProxy) -> type[socketserver.BaseRequestHandler]:
    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            client: socket.socket = self.request
            client.settimeout(_IDLE_LIMIT)
            head = _read_head(client)
            if head is None:
                return
            first, _, rest = head.partition(b"\r\n")
            method, target, version = first.decode("latin-1").split(" ", 2)
            proxy.record(method, target)
            if method == "CONNECT":
                host, _, port = target.rpartition(":")
                with socket.create_connection((host.strip("[]"), int(port)), 10) as upstream:
                    client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    _tunnel(client, upstream)
                return
            url = urlsplit(target)
            path = url.path + (f"?{url.query}" if url.query else "")
            # One request per upstream connection: the answer ends when upstream closes.
            headers = [
                line
                for line in rest.split(b"\r\n")
                if line and not line.lower().startswith((b"connection:", b"proxy-"))
            ]
            request_head = b"\r\n".join(
                [f"{method} {path} {version}".encode(), *headers, b"Connection: close"]
            )
            with socket.create_connection((url.hostname, url.port or 80), 10) as upstream:
                upstream.sendall(request_head + b"\r\n\r\n" + head.partition(b"\r\n\r\n")[2])
                _tunnel(client, upstream)

    return Handler


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def forwarding_proxy() -> Iterator[tuple[ForwardingProxy, str]]:
    """Run a proxy on a free port of 127.0.0.1; yield its record and its URL."""
    state = ForwardingProxy()
    server = _Server(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
