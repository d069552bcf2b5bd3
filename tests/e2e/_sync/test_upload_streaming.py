# Generated from tests/e2e/_async/test_upload_streaming.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Uploads stream from disk with bounded memory, and an upload over its limit is
refused before any request."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfapi_client import MAX_UPLOAD_BYTES, Client
from sfapi_client.exceptions import SfApiError, UploadTooLargeError
from sfapi_sim.config import TOKEN_PATH
from sfapi_sim.testing import RunningSimulator, free_port

HOME = "/global/homes/a/alice"
#: The sparse file streamed: large beside the memory bound, small enough for a fast test.
BIG = 64 * 1024 * 1024
#: What streaming may cost beside the file: httpx2 reads 64 KiB chunks; the rest is
#: the client's own objects. Reading the file whole would cost BIG at least.
MEMORY_BOUND = 8 * 1024 * 1024


@pytest.fixture(scope="module")
def separate_simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A simulator in its own process accepting large uploads, so that this process's
    memory is the client's alone; yields its base URL and alice's key file."""
    folder = tmp_path_factory.mktemp("separate-sim")
    key = folder / "alice.pem"
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "sfapi_sim.cli",
        "serve",
        "--port",
        str(port),
        "--key-out",
        str(key),
        "--max-file-bytes",
        str(2 * BIG),
        "--data-dir",
        str(folder / "data"),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        started = time.monotonic()
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() - started > 30:
                    raise RuntimeError("the simulator did not start") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/api/v1.2", key
    finally:
        server.terminate()
        server.wait(timeout=15)
        assert server.stderr is not None
        server.stderr.close()


def test_a_large_file_streams_with_bounded_memory(
    separate_simulator: tuple[str, Path], tmp_path: Path
) -> None:
    base_url, key = separate_simulator
    local = tmp_path / "big.bin"
    with local.open("wb") as sparse:
        sparse.truncate(BIG)  # a sparse file: no disk blocks, no memory to make it
    with Client(
        key=str(key), api_base_url=base_url, token_url=base_url.rsplit("/api", 1)[0] + TOKEN_PATH
    ) as client:
        perlmutter = client.compute("perlmutter")
        (home,) = perlmutter.ls(HOME, directory=True)
        home.upload(b"warm-up", filename="warm.txt")  # token, connection, imports
        tracemalloc.start()
        try:
            uploaded = home.upload(local, max_bytes=2 * BIG)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        (listed,) = perlmutter.ls(str(uploaded))
    assert str(uploaded) == f"{HOME}/big.bin" and listed.size == BIG
    assert peak < MEMORY_BOUND, f"uploading {BIG} bytes took a peak of {peak} bytes"


def test_an_upload_over_the_limit_is_refused_before_any_request(
    client: Client, sim: RunningSimulator, tmp_path: Path
) -> None:
    local = tmp_path / "over.bin"
    with local.open("wb") as sparse:
        sparse.truncate(MAX_UPLOAD_BYTES + 1)
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    before = sim.stats()["requests"]
    for content in (local, local.open("rb"), b"x" * (MAX_UPLOAD_BYTES + 1)):
        with pytest.raises(UploadTooLargeError, match="over the upload limit") as caught:
            home.upload(content, filename="over.bin")
        assert isinstance(caught.value, ValueError) and isinstance(caught.value, SfApiError)
        if isinstance(content, io.IOBase):
            content.close()
    with pytest.raises(UploadTooLargeError):
        home.upload(io.StringIO("é" * 6), filename="t.txt", max_bytes=10)
    assert sim.stats()["requests"] == before


def test_files_at_the_limit_and_open_files_upload_whole(client: Client, tmp_path: Path) -> None:
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    local = tmp_path / "edge.bin"
    local.write_bytes(b"a" * 1000)
    with local.open("rb") as opened:
        opened.read(10)  # an open file goes whole, from its start
        uploaded = home.upload(opened, max_bytes=1000)
    assert uploaded.name == "edge.bin"
    content = (uploaded.download(binary=True)).read()
    assert content == b"a" * 1000


def test_a_device_is_read_up_to_the_limit_and_refused(
    client: Client, sim: RunningSimulator
) -> None:
    """``/dev/zero`` seeks and says it holds nothing: measured by its size it was sent
    without end, and the HTTP library's protocol error escaped the client's errors."""
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    before = sim.stats()["requests"]
    with (
        open("/dev/zero", "rb") as zeros,
        pytest.raises(UploadTooLargeError, match="more than 1000 bytes"),
    ):
        home.upload(zeros, filename="zeros.bin", max_bytes=1000)
    with pytest.raises(SfApiError, match="not a regular file"):
        home.upload(Path("/dev/zero"), filename="zeros.bin")
    assert sim.stats()["requests"] == before


def test_a_file_made_up_as_it_is_read_uploads_what_it_reads(
    client: Client,
) -> None:
    """Files of ``/proc`` have size 0 and content: they are read, not measured."""
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    uploaded = home.upload(Path("/proc/self/status"), filename="status.txt")
    content = (uploaded.download()).read()
    assert content.startswith("Name:")


def test_a_file_growing_while_it_uploads_sends_the_bytes_measured(
    client: Client, tmp_path: Path
) -> None:
    """A log still being written grows between measuring and sending: the upload sends
    the bytes it was measured to hold instead of failing on a protocol error."""
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    log = tmp_path / "run.log"
    log.write_bytes(b"line\n" * 100)

    class Growing(io.FileIO):
        """A file that another writer extends as soon as it is first read."""

        def read(self, size: int = -1) -> bytes:
            with log.open("ab") as writer:
                writer.write(b"more\n" * 1000)
            return super().read(size)

    with Growing(log, "rb") as growing:
        uploaded = home.upload(growing, filename="run.log")  # type: ignore[arg-type]
    content = (uploaded.download(binary=True)).read()
    assert content == b"line\n" * 100
