"""A real HTTP server on 127.0.0.1 that receives job callbacks, for the callback tests.

It records every POST (its JSON body and attempt header) and answers with the statuses
it is given in turn (the last repeats); with ``hang=True`` it keeps each request
unanswered until the receiver stops, and with ``drip=True`` it sends its answer's head
a line at a time, never ending it, to show that the simulator's tries time out.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: Seconds a test waits at most for a callback that should come at once (a hang bound).
ARRIVAL_BOUND = 20.0
#: Seconds between two lines of a dripping answer.
DRIP_INTERVAL = 0.05


@dataclass
class Received:
    """One callback as the receiver saw it."""

    path: str
    attempt: str | None
    content_type: str | None
    body: dict[str, Any]


@dataclass
class Receiver:
    """What the receiver answers and what it received."""

    statuses: list[int]
    hang: bool = False
    drip: bool = False
    url: str = ""
    received: list[Received] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)
    released: threading.Event = field(default_factory=threading.Event)

    def take(self, request: Received) -> int:
        with self.arrived:
            self.received.append(request)
            self.arrived.notify_all()
            return self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]

    def wait_for(self, count: int, within: float = ARRIVAL_BOUND) -> list[Received]:
        """The callbacks received once there are ``count`` (AssertionError after ``within``)."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.received) >= count, within):
                raise AssertionError(
                    f"{len(self.received)} callbacks arrived within {within:g} s, not {count}"
                )
            return list(self.received)


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length)
            status = receiver.take(
                Received(
                    path=self.path,
                    attempt=self.headers.get("X-Sfapi-Sim-Attempt"),
                    content_type=self.headers.get("content-type"),
                    body=json.loads(raw or b"{}"),
                )
            )
            if receiver.hang:
                receiver.released.wait(ARRIVAL_BOUND)
                return
            if receiver.drip:
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                while not receiver.released.wait(DRIP_INTERVAL):
                    try:
                        self.wfile.write(b"X-Slow: 1\r\n")
                        self.wfile.flush()
                    except OSError:  # the caller gave up
                        return
                return
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read ``received``."""

    return Handler


@contextmanager
def receiving(
    *statuses: int, hang: bool = False, drip: bool = False, path: str = "/done"
) -> Iterator[Receiver]:
    """A receiver on a free loopback port, answering ``statuses`` in turn (default 200)."""
    receiver = Receiver(list(statuses) or [200], hang=hang, drip=drip)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    thread = threading.Thread(target=server.serve_forever, name="callback-receiver", daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.released.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
