"""A misbehaving HTTP server on 127.0.0.1, scripted per request path, for bound tests.

Unlike ``answering_server`` (which answers well-formed JSON through ``http.server``),
this one writes raw bytes on the socket, so that it can do what hostile or broken
servers do: trickle an answer one byte at a time (headers included), never answer,
stream a body without end, send a gzip bomb, or answer with bytes no JSON encoder would
write (``1e400``). It records every request (method, path, headers, time) and how many
body bytes it managed to send, so that tests assert bounds, not only exception types.
"""

from __future__ import annotations

import json
import socketserver
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

#: How long a hanging answer holds its connection at most (the server's own safety net).
HANG_LIMIT = 30.0


@dataclass(frozen=True)
class Reply:
    """A complete answer: status, raw body bytes (a JSON value when ``body`` is not
    bytes) and extra headers."""

    status: int = 200
    body: Any = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def payload(self) -> bytes:
        return self.body if isinstance(self.body, bytes) else json.dumps(self.body).encode()

    def wire(self) -> bytes:
        payload = self.payload()
        head = [f"HTTP/1.1 {self.status} Scripted", f"Content-Length: {len(payload)}"]
        if not any(name.lower() == "content-type" for name in self.headers):
            head.append("Content-Type: application/json")
        head += [f"{name}: {value}" for name, value in self.headers.items()]
        return ("\r\n".join(head) + "\r\n\r\n").encode() + payload


@dataclass(frozen=True)
class Trickle:
    """``reply`` sent one byte every ``interval`` seconds, from the status line on
    (or, with ``body_only``, headers at once and the body one byte at a time)."""

    reply: Reply
    interval: float = 0.5
    body_only: bool = False


@dataclass(frozen=True)
class Hang:
    """Read the request, then answer nothing until the client gives up."""


@dataclass(frozen=True)
class Endless:
    """A 200 answer whose body never ends (chunked), or ``declared`` bytes announced
    with a Content-Length; ``gzip`` sends a gzip bomb of zeros instead."""

    declared: int | None = None
    gzip: bool = False


Behaviour = Reply | Trickle | Hang | Endless


@dataclass(frozen=True)
class Arrival:
    """A request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    at: float


@cache
def gzip_bomb() -> bytes:
    """About 1 MiB of gzip that inflates to 1 GiB of zeros (built once per session)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    parts = [packer.compress(zeros) for _ in range(1024)]
    return b"".join(parts) + packer.flush()


def _matches(key: str, method: str, path: str) -> bool:
    """True when a script key (``/prefix`` or ``METHOD /prefix``) covers the request."""
    wanted, _, prefix = key.rpartition(" ")
    return path.startswith(prefix) and wanted in ("", method)


@dataclass
class HostileServer:
    """Answers each request with the next behaviour scripted for the longest matching
    key, a path prefix with or without a method (``POST /api``); the last behaviour of a
    list repeats; 404 for unscripted paths."""

    script: dict[str, list[Behaviour]]
    arrivals: list[Arrival] = field(default_factory=list)
    #: Body bytes the server wrote (for Endless answers), summed over connections.
    body_bytes_sent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    closing: threading.Event = field(default_factory=threading.Event)

    def behaviour(self, method: str, path: str, headers: dict[str, str]) -> Behaviour:
        with self.lock:
            self.arrivals.append(Arrival(method, path, headers, time.monotonic()))
            keys = [key for key in self.script if _matches(key, method, path)]
            if not keys:
                return Reply(404, {"detail": "Not Found"})
            steps = self.script[max(keys, key=len)]
            return steps.pop(0) if len(steps) > 1 else steps[0]

    def requests_to(self, prefix: str) -> list[Arrival]:
        with self.lock:
            return [a for a in self.arrivals if a.path.startswith(prefix)]

    def count_sent(self, size: int) -> None:
        with self.lock:
            self.body_bytes_sent += size


def _read_request(stream: Any) -> tuple[str, str, dict[str, str]] | None:
    line = stream.readline(65537)
    if not line:
        return None
    method, path, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        header = stream.readline(65537).decode("latin-1")
        if header in ("\r\n", "\n", ""):
            break
        name, _, value = header.partition(":")
        headers[name.strip().lower()] = value.strip()
    stream.read(int(headers.get("content-length") or 0))
    return method, path, headers


def _handler(server: HostileServer) -> type[socketserver.StreamRequestHandler]:
    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            while not server.closing.is_set():
                request = _read_request(self.rfile)
                if request is None:
                    return
                try:
                    if not self._act(server.behaviour(*request)):
                        return
                except OSError:  # the client went away: that is what these tests expect
                    return

        def _act(self, behaviour: Behaviour) -> bool:
            """Carry ``behaviour`` out; False when the connection must not be reused."""
            if isinstance(behaviour, Reply):
                self.wfile.write(behaviour.wire())
                return True
            if isinstance(behaviour, Hang):
                server.closing.wait(HANG_LIMIT)
                return False
            if isinstance(behaviour, Trickle):
                wire = behaviour.reply.wire()
                start = wire.index(b"\r\n\r\n") + 4 if behaviour.body_only else 0
                self.wfile.write(wire[:start])
                for position in range(start, len(wire)):
                    if server.closing.wait(behaviour.interval):
                        return False
                    self.wfile.write(wire[position : position + 1])
                return True
            self._endless(behaviour)
            return False

        def _endless(self, behaviour: Endless) -> None:
            head = ["HTTP/1.1 200 OK", "Content-Type: application/json"]
            if behaviour.gzip:
                body = gzip_bomb()
                head += ["Content-Encoding: gzip", f"Content-Length: {len(body)}"]
                self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode())
                for start in range(0, len(body), 65536):
                    self.wfile.write(body[start : start + 65536])
                    server.count_sent(len(body[start : start + 65536]))
                return
            if behaviour.declared is not None:
                head.append(f"Content-Length: {behaviour.declared}")
            else:
                head.append("Transfer-Encoding: chunked")
            self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode())
            chunk = b"[" + b"0," * 32767 + b"0"
            while not server.closing.is_set():
                if behaviour.declared is None:
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                else:
                    self.wfile.write(chunk)
                server.count_sent(len(chunk))

    return Handler


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def hostile(script: dict[str, list[Behaviour]]) -> Iterator[tuple[HostileServer, str]]:
    """Serve ``script`` on a free port of 127.0.0.1; yield the server and its root URL."""
    state = HostileServer({prefix: list(steps) for prefix, steps in script.items()})
    server = _Server(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        state.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
