"""Fixtures for runtime tests: scripted HTTP answers, recorded sleeps, concurrency."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx2
import pytest

from sfapi_client._async import _base_client as async_base
from sfapi_client._sync import _base_client as sync_base


@dataclass
class Scripted:
    """A MockTransport handler answering from a list of steps, recording each request.

    A step is an ``httpx2.Response``, an exception instance to raise, or a callable
    taking the request. The last step repeats once the list is used up.
    """

    steps: list[Any]
    requests: list[httpx2.Request] = field(default_factory=list)

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        request.read()
        self.requests.append(request)
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        if isinstance(step, Exception):
            raise step
        if callable(step):
            return step(request)
        return step

    def transport(self) -> httpx2.MockTransport:
        return httpx2.MockTransport(self)


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx2.Response:
    return httpx2.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json", **(headers or {})},
    )


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replace the pipeline's sleep (both twins) by a recorder: tests never sleep for real."""
    recorded: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(async_base, "async_sleep", fake_async_sleep)
    monkeypatch.setattr(sync_base, "sleep", fake_sleep)
    return recorded
