"""A real HTTP server on 127.0.0.1 that answers from a script, for transport tests.

The simulator's faults are random by design; these tests need exact sequences (503,
503, then 200) and a port that refuses connections until the client has been refused
once. Each request is recorded with the server's monotonic time of arrival.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Answer:
    """One scripted answer: a status, a JSON body, extra headers."""

    status: int
    body: Any = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Arrival:
    """A request as the server saw it."""

    method: str
    path: str
    at: float


@dataclass
class AnsweringServer:
    """Answers requests from ``script`` in order; the last answer repeats."""

    script: list[Answer]
    arrivals: list[Arrival] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_answer(self, method: str, path: str) -> Answer:
        with self.lock:
            self.arrivals.append(Arrival(method, path, time.monotonic()))
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]


def _handler(server: AnsweringServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            self.rfile.read(length)
            answer = server.next_answer(self.command, self.path)
            payload = json.dumps(answer.body).encode()
            self.send_response(answer.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the test reads ``arrivals`` instead."""

    return Handler


@contextmanager
def serving(script: list[Answer], port: int = 0) -> Iterator[tuple[AnsweringServer, str]]:
    """Listen on 127.0.0.1 (``port``, or a free one) and yield the server and its base URL.

    The socket listens once this function has been entered, before the first yield.
    """
    state = AnsweringServer(list(script))
    httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler(state))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{httpd.server_address[1]}/api/v1.2"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
