"""A cap on request bodies, as ASGI middleware: no body larger than an upload is
read, spooled or parsed.

A body announced larger than the cap (``Content-Length``) is refused with 413 before
any of it is read. A body without a length (chunked) is counted as it arrives and
refused once it passes the cap, so at most the cap is ever held. The cap is the upload
limit plus room for the multipart envelope around the file.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .world import World

#: Bytes allowed beyond the upload limit for the form's boundaries and headers.
ENVELOPE = 64 * 1024


async def _refuse(send: Send, status: int, detail: str) -> None:
    payload = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class BodyLimit:
    """Refuses request bodies beyond the world's upload limit (plus the envelope)."""

    def __init__(self, app: ASGIApp, world: World) -> None:
        self.app = app
        self.world = world

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = self.world.config.max_file_bytes + ENVELOPE
        lengths = [v for k, v in scope.get("headers", []) if k.lower() == b"content-length"]
        if lengths:
            text = lengths[0].decode("latin-1").strip()
            if len(lengths) > 1 or not text.isdigit():
                await _refuse(send, 400, "the Content-Length header is not one whole number")
                return
            if int(text) > cap:
                await _refuse(send, 413, self._message(int(text), cap))
                return
            # The server reads no more than the announced length.
            await self.app(scope, receive, send)
            return
        body: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            body.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > cap:
                await _refuse(send, 413, self._message(seen, cap, at_least=True))
                return
            if not message.get("more_body", False):
                break
        replay = iter(body)

        async def replayed() -> Message:
            message = next(replay, None)
            return message if message is not None else await receive()

        await self.app(scope, replayed, send)

    def _message(self, size: int, cap: int, *, at_least: bool = False) -> str:
        limit = self.world.config.max_file_bytes
        amount = f"at least {size}" if at_least else str(size)
        return (
            f"the request body of {amount} bytes exceeds the {limit}-byte upload limit "
            f"(plus {cap - limit} bytes for the form around the file)"
        )
