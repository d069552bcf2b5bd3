"""Fault injection as ASGI middleware, driven by the configuration (never by handlers).

Every decision comes from the world's seeded random generator, so a run with the same
seed and the same requests injects the same faults.
"""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any, NoReturn

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import API_PREFIX, TOKEN_PATH, Faults
from .world import World

_INBAND_ERROR = "simulated failure (in-band error)"


class _Captured:
    """Collects an answer instead of sending it."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def __call__(self, message: Message) -> None:
        self.messages.append(message)

    @property
    def status(self) -> int:
        return int(next(m["status"] for m in self.messages if m["type"] == "http.response.start"))

    @property
    def body(self) -> bytes:
        return b"".join(
            m.get("body", b"") for m in self.messages if m["type"] == "http.response.body"
        )


async def _answer(
    send: Send, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> None:
    payload = json.dumps(body).encode()
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
    ]
    raw_headers += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": payload})


class DroppedConnection(Exception):
    """Raised after a partial answer, so that the server closes the connection."""


async def _drop(send: Send) -> NoReturn:
    """Start an answer, then close the connection before its body."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-length", b"100")],
        }
    )
    raise DroppedConnection("simulated dropped connection")


class FaultInjector:
    """Counts requests per route and injects the configured faults."""

    def __init__(self, app: ASGIApp, world: World) -> None:
        self.app = app
        self.world = world
        self._lock = threading.Lock()
        self._seen = 0
        self._burst_left = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope["path"], scope["method"]
        counted = False

        def count() -> None:
            # Counted when the answer starts, before the client can see it, so a
            # test that reads the statistics after a response sees that request.
            nonlocal counted
            if counted:
                return
            counted = True
            route = scope.get("route")
            template = getattr(route, "path", None) or (
                "(unmatched)" if path.startswith(API_PREFIX) else path
            )
            query = scope.get("query_string", b"").decode("latin-1")
            self.world.stats.count_request(f"{method} {template}", query)

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                count()
            await send(message)

        try:
            if path.startswith(API_PREFIX) and path != TOKEN_PATH:
                await self._with_faults(
                    scope, receive, counting_send, self.world.config.faults_for(method, path)
                )
            else:
                await self.app(scope, receive, counting_send)
        finally:
            count()

    def _roll(self) -> float:
        with self._lock:
            return self.world.rng.random()

    def _rate_limited(self, faults: Faults) -> bool:
        if not faults.rate_limit_every or not faults.rate_limit_burst:
            return False
        with self._lock:
            self._seen += 1
            if self._seen % faults.rate_limit_every == 0:
                self._burst_left = faults.rate_limit_burst
            if self._burst_left > 0:
                self._burst_left -= 1
                return True
        return False

    async def _with_faults(
        self, scope: Scope, receive: Receive, send: Send, faults: Faults
    ) -> None:
        stats = self.world.stats
        if faults.latency:
            await asyncio.sleep(faults.latency)
        if self._rate_limited(faults):
            stats.count_fault("429")
            retry = f"{faults.rate_limit_retry_after:g}"
            await _answer(send, 429, {"detail": "too many requests"}, {"Retry-After": retry})
            return
        if faults.error_rate and self._roll() < faults.error_rate:
            stats.count_fault("503")
            await _answer(send, 503, {"detail": "service unavailable (simulated)"})
            return
        if faults.drop_rate and self._roll() < faults.drop_rate:
            stats.count_fault("drop")
            await _drop(send)
        if faults.reset_after_processing_rate and (
            self._roll() < faults.reset_after_processing_rate
        ):
            await self.app(scope, receive, _Captured())
            stats.count_fault("drop-after-processing")
            await _drop(send)
        if faults.ambiguous_rate and self._roll() < faults.ambiguous_rate:
            captured = _Captured()
            await self.app(scope, receive, captured)
            stats.count_fault("504-after-processing")
            await _answer(send, 504, {"detail": "gateway timeout (simulated, after processing)"})
            return
        if faults.answer_delay:
            captured = _Captured()
            await self.app(scope, receive, captured)
            stats.count_fault("late-answer")
            await asyncio.sleep(faults.answer_delay)
            for message in captured.messages:
                await send(message)
            return
        if (
            faults.inband_error_rate
            and scope["method"] == "GET"
            and self._roll() < faults.inband_error_rate
        ):
            captured = _Captured()
            await self.app(scope, receive, captured)
            body = captured.body
            try:
                data = json.loads(body)
            except ValueError:
                data = None
            if captured.status == 200 and isinstance(data, dict) and data.get("status") == "OK":
                stats.count_fault("inband-error")
                emptied: dict[str, Any] = {
                    k: ([] if isinstance(v, list) else None) for k, v in data.items()
                }
                await _answer(send, 200, {**emptied, "status": "ERROR", "error": _INBAND_ERROR})
                return
            for message in captured.messages:
                await send(message)
            return
        await self.app(scope, receive, send)
