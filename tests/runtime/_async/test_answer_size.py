"""A maximum answer size, over real HTTP: a body without end, an announced giant, a gzip
bomb; reading stops at the limit (bytes counted after decompression), memory stays
bounded, and the error is ResponseTooLargeError."""

from __future__ import annotations

import gc
import gzip
import json
import tracemalloc

import pytest

from sfapi_client import AsyncApiClient, ResponseTooLargeError
from sfapi_client._constants import DEFAULT_MAX_ANSWER_BYTES
from tests.runtime import hostile_server
from tests.runtime.hostile_server import Endless, Reply, gzip_bomb, hostile

API = "/api/v1.2"
LIMIT = 1 << 20
#: Bytes the kernel may buffer between the server and the client on loopback.
SOCKET_BUFFERS = 16 << 20


def memory_bound(limit: int) -> int:
    """Memory a stopped read may hold: the chunks read, their join, one more chunk."""
    return 3 * limit + (1 << 20)


async def test_a_body_without_end_stops_at_the_limit() -> None:
    with hostile({API + "/status": [Endless()]}) as (server, root):
        async with AsyncApiClient(root + API, max_answer_bytes=LIMIT) as client:
            tracemalloc.start()
            try:
                with pytest.raises(ResponseTooLargeError, match=f"max_answer_bytes \\({LIMIT}\\)"):
                    await client.status.read_status()
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
    assert server.body_bytes_sent < LIMIT + SOCKET_BUFFERS
    assert peak < memory_bound(LIMIT)
    assert len(server.arrivals) == 1  # a size error is not retried


async def test_an_announced_giant_is_refused_before_its_body_is_read() -> None:
    with hostile({API + "/status": [Endless(declared=200 << 20)]}) as (server, root):
        async with AsyncApiClient(root + API, max_answer_bytes=LIMIT) as client:
            with pytest.raises(ResponseTooLargeError, match="announces 209715200 bytes"):
                await client.status.read_status()
    assert server.body_bytes_sent < SOCKET_BUFFERS


async def test_a_gzip_bomb_is_counted_inflated_and_stopped() -> None:
    gzip_bomb()  # built before measuring
    with hostile({API + "/status": [Endless(gzip=True)]}) as (server, root):
        async with AsyncApiClient(root + API, max_answer_bytes=8 * LIMIT) as client:
            tracemalloc.start()
            try:
                with pytest.raises(ResponseTooLargeError, match="more than 8388608 bytes"):
                    await client.status.read_status()
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
    assert len(server.arrivals) == 1
    assert peak < memory_bound(8 * LIMIT)  # not the 1 GiB it inflates to


async def test_an_answer_within_the_limit_is_read_and_decompressed() -> None:
    statuses = [{"name": f"system-{i}", "status": "active"} for i in range(2000)]
    body = gzip.compress(json.dumps(statuses).encode())
    reply = Reply(200, body, {"Content-Encoding": "gzip"})
    with hostile({API + "/status": [reply]}) as (_, root):
        async with AsyncApiClient(root + API, max_answer_bytes=LIMIT) as client:
            answer = await client.status.read_status()
    assert len(answer) == 2000 and answer[-1].name == "system-1999"


async def test_an_answer_is_freed_when_its_call_returns() -> None:
    """No reference cycle keeps an answer past its call: a monitor reading a large job
    listing every round would otherwise hold one per round until the garbage
    collector's next full pass.

    The test server runs in threads of this process, and the reply it is sending (or
    has just sent) is its own memory, not the client's: allocations made under the
    server's code are left out of the count."""
    statuses = [{"name": f"system-{i}", "status": "active"} for i in range(5000)]
    size = len(json.dumps(statuses))
    with hostile({API + "/status": [Reply(200, statuses)]}) as (_, root):
        async with AsyncApiClient(root + API) as client:
            await client.status.read_status()  # the connection and first-use caches
            gc.collect()
            gc.disable()
            tracemalloc.start(SERVER_FRAMES)
            try:
                for _ in range(10):
                    await client.status.read_status()
                snapshot = tracemalloc.take_snapshot()
            finally:
                tracemalloc.stop()
                gc.enable()
    clients = snapshot.filter_traces([tracemalloc.Filter(False, SERVER_CODE, all_frames=True)])
    held = sum(trace.size for trace in clients.traces)
    assert held < size  # ten answers kept would be ten times that


#: Where the test server's allocations come from, and how deep a traceback must be to
#: reach its frames from the JSON encoder that makes a reply.
SERVER_CODE = hostile_server.__file__
SERVER_FRAMES = 40


def test_the_limit_is_positive_and_the_default_is_documented() -> None:
    assert AsyncApiClient("http://127.0.0.1:1").max_answer_bytes == DEFAULT_MAX_ANSWER_BYTES
    assert DEFAULT_MAX_ANSWER_BYTES == 256 << 20
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="max_answer_bytes"):
            AsyncApiClient("http://127.0.0.1:1", max_answer_bytes=bad)  # type: ignore[arg-type]
