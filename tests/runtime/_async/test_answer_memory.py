"""An answer's memory is bounded, not only its bytes: an answer of more JSON values than
are parsed at most is refused before parsing (its parsed form would cost tens of times
its size), and an answer within the bound costs a bounded amount per value."""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from sfapi_client import AsyncClient, AsyncCompute, JobCommand, ResponseTooLargeError
from sfapi_client._responses import MAX_ANSWER_VALUES, value_count
from tests.runtime.hostile_server import Reply, hostile

API = "/api/v1.2"
STATUS = {"name": "perlmutter", "status": "active"}
HOME = "/global/homes/a/alice"
#: What memory one JSON value may cost parsed into models and paths (a ``ls`` entry of
#: seven values becomes a DirectoryEntry, its strings and a RemotePath: ~1.5 KB).
BYTES_PER_VALUE = 400
#: A refused answer costs its bytes: received once, joined once, and the server's own
#: copy in this process; the count itself allocates nothing.
REFUSED_FACTOR = 5


def _tiny_entries(count: int) -> bytes:
    """An ``ls`` answer of ``count`` entries of two bytes' worth of values each."""
    entries = b",".join(b'{"name":"f%d"}' % i for i in range(count))
    return b'{"status":"OK","error":null,"entries":[{"name":"."},{"name":".."},' + entries + b"]}"


def _sacct_rows(count: int) -> bytes:
    with open("spec/job_sacct.json", encoding="utf-8") as sample:
        row = json.load(sample)["output"][0]
    rows = [dict(row, jobid=str(i)) for i in range(count)]
    return json.dumps({"status": "OK", "output": rows, "error": None}).encode()


async def _measured(
    body: bytes, call: Callable[[AsyncCompute], Awaitable[Any]]
) -> tuple[Any, int, float]:
    """The call's result (or error), its peak traced memory, and its time, against a
    server answering ``body``."""
    script = {API + "/status": [Reply(200, STATUS)], API: [Reply(200, body)]}
    with hostile(script) as (_, root):
        async with AsyncClient(access_token="t", api_base_url=root + API) as client:
            compute = await client.compute("perlmutter")
            tracemalloc.start()
            started = time.monotonic()
            try:
                result: Any = await call(compute)
            except ResponseTooLargeError as error:
                result = error
            finally:
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
    return result, peak, time.monotonic() - started


async def _listing(compute: AsyncCompute) -> Any:
    return await compute.ls(HOME)


async def _accounting(compute: AsyncCompute) -> Any:
    return await compute.jobs(command=JobCommand.sacct)


@pytest.mark.parametrize(
    ("body", "call"),
    [
        pytest.param(_tiny_entries(MAX_ANSWER_VALUES // 2 + 10), _listing, id="ls"),
        pytest.param(_sacct_rows(MAX_ANSWER_VALUES // 100 + 100), _accounting, id="sacct"),
    ],
)
async def test_an_answer_of_too_many_values_is_refused_before_parsing(
    body: bytes, call: Callable[[AsyncCompute], Awaitable[Any]]
) -> None:
    assert value_count(body) > MAX_ANSWER_VALUES
    error, peak, elapsed = await _measured(body, call)
    assert isinstance(error, ResponseTooLargeError)
    assert "JSON values" in str(error) and str(MAX_ANSWER_VALUES) in str(error)
    # Parsed, this answer would take 10-50 times its size; refused, it takes its bytes.
    assert peak <= REFUSED_FACTOR * len(body), f"{peak} bytes for a {len(body)}-byte answer"
    assert elapsed < 10


async def test_an_answer_within_the_bound_costs_a_bounded_amount_per_value() -> None:
    entries = [
        {
            "perms": "-rw-r--r--",
            "hardlinks": 1,
            "user": "alice",
            "group": "alice",
            "size": 1234.0,
            "date": "2024-01-01T00:00",
            "name": f"file{i}.txt",
        }
        for i in range(20_000)
    ]
    listing = {"status": "OK", "error": None, "entries": [{"name": "."}, {"name": ".."}, *entries]}
    body = json.dumps(listing).encode()
    listed, peak, _ = await _measured(body, _listing)
    assert len(listed) == 20_000
    assert peak <= BYTES_PER_VALUE * value_count(body), f"{peak} bytes for {len(body)} bytes"
