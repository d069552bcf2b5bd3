"""Bounds of the simulator as users run it: disk quotas, request bodies refused before
they are stored, admin settings in range, SIGTERM cleaning up, several users from the
command line."""

from __future__ import annotations

import math
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx2
import pytest

from sfapi_client import ApiErrorStatus, Client
from sfapi_sim.testing import RunningSimulator, free_port

from .sim_api import HOME, MACHINE, SimApi

QUOTA = 2 * 1024 * 1024


def _bytes_below(folder: Path) -> int:
    total = 0
    for parent, _dirs, files in os.walk(folder, followlinks=False):
        for name in files:
            total += os.lstat(os.path.join(parent, name)).st_size
    return total


@pytest.fixture
def small_quota(sim: RunningSimulator) -> Iterator[int]:
    """A quota of 2 MiB more than alice uses now; the default again afterwards."""
    before = sim.world.config.disk_quota
    limit = sim.world.quota.used("alice") + QUOTA
    sim.configure(disk_quota=limit)
    yield limit
    sim.configure(disk_quota=before)


def test_a_writing_loop_stops_at_the_quota(sim: RunningSimulator, small_quota: int) -> None:
    api = SimApi(sim)
    folder = f"{HOME}/flood-{uuid.uuid4().hex[:8]}"
    host = sim.world.filesystems[MACHINE].host_path(folder)
    result = api.run(
        f"mkdir {folder} && cd {folder} && i=0; "
        "while [ $i -lt 200 ]; do printf '%065536d' 0 > f$i || break; i=$((i+1)); done; echo $i"
    )
    assert "Disk quota exceeded" in result["error"], result
    written = int(result["output"].split()[-1])
    assert 0 < written < 200
    assert _bytes_below(host) <= QUOTA
    assert sim.world.quota.used("alice") <= small_quota
    # Removing files gives the space back.
    freed = api.run(f"rm -r {folder} && echo x > {HOME}/after-{uuid.uuid4().hex[:6]}")
    assert freed["exit_code"] == 0, freed


def test_many_empty_files_meet_the_quota_too(sim: RunningSimulator, small_quota: int) -> None:
    api = SimApi(sim)
    folder = f"{HOME}/empties-{uuid.uuid4().hex[:8]}"
    result = api.run(
        f"mkdir {folder} && cd {folder} && i=0; "
        "while [ $i -lt 1000 ]; do touch e$i || break; i=$((i+1)); done; echo $i"
    )
    assert "Disk quota exceeded" in result["error"], result
    assert int(result["output"].split()[-1]) <= QUOTA // 4096
    api.run(f"rm -r {folder}")


def test_uploads_and_transfers_meet_the_quota(sim: RunningSimulator, small_quota: int) -> None:
    api = SimApi(sim)
    name = f"{HOME}/quota-{uuid.uuid4().hex[:8]}"
    filesystem = sim.world.filesystems[MACHINE]
    chunk = b"q" * (1024 * 1024)
    answers = [
        httpx2.put(
            f"{sim.base_url}/utilities/upload/{MACHINE}/{name}-{i}",
            files={"file": ("q", chunk)},
            headers=api.headers,
        ).json()
        for i in range(3)
    ]
    assert [a["status"] for a in answers] == ["OK", "OK", "ERROR"]
    assert "Disk quota exceeded" in answers[2]["error"]
    assert not filesystem.host_path(f"{name}-2").exists()
    # A copy to another machine counts against the same quota.
    started = httpx2.post(
        f"{sim.base_url}/storage/globus/transfer",
        data={
            "source_uuid": MACHINE,
            "target_uuid": "dtns",
            "source_dir": f"{name}-0",
            "target_dir": f"{name}-copy",
        },
        headers=api.headers,
    ).json()
    sim.world.clock.advance(5)
    outcome = api.get(f"/storage/globus/transfer/{started['transfer_id']}")
    assert outcome["globus_status"] == "FAILED" and "Disk quota exceeded" in outcome["reason"]
    for i in range(2):
        filesystem.remove(f"{name}-{i}", "alice")


def _raw_request(url: str, head: str, body: bytes = b"") -> tuple[int, int]:
    """Send ``head`` then up to ``body`` on a socket until the server answers; (status,
    body bytes sent before the answer)."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=20) as connection:
        connection.sendall(head.encode())
        sent = 0
        connection.settimeout(0.05)
        answer = b""
        deadline = time.monotonic() + 20
        while b"\r\n" not in answer and time.monotonic() < deadline:
            if sent < len(body):
                try:
                    connection.sendall(body[sent : sent + 65536])
                    sent += min(65536, len(body) - sent)
                except OSError:
                    pass
            try:
                answer += connection.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
        return int(answer.split()[1]), sent


def test_an_announced_oversized_upload_is_refused_before_its_body(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    path = f"/api/v1.2/utilities/upload/{MACHINE}/{HOME}/huge.bin"
    head = (
        f"PUT {path} HTTP/1.1\r\nHost: x\r\nAuthorization: {api.headers['Authorization']}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {10 * 1024**3}\r\n\r\n"
    )
    status, sent = _raw_request(sim.base_url, head)
    assert status == 413 and sent == 0
    assert not sim.world.filesystems[MACHINE].host_path(f"{HOME}/huge.bin").exists()


def test_a_chunked_oversized_upload_is_refused_at_the_limit(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    limit = sim.world.config.max_file_bytes
    path = f"/api/v1.2/utilities/upload/{MACHINE}/{HOME}/chunked.bin"
    head = (
        f"PUT {path} HTTP/1.1\r\nHost: x\r\nAuthorization: {api.headers['Authorization']}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    piece = b"z" * 65536
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    body = chunk * (4 * limit // len(piece))
    status, sent = _raw_request(sim.base_url, head, body)
    assert status == 413
    assert sent < 2 * limit  # refused once past the limit, not after the whole body


def test_admin_settings_must_be_finite_and_in_range(sim: RunningSimulator) -> None:
    admin = sim.base_url.split("/api/")[0] + "/_sim"
    for value in ("NaN", "Infinity", "-1", "1e308"):
        answer = httpx2.post(
            f"{admin}/clock/advance",
            content=f'{{"seconds": {value}}}',
            headers={"Content-Type": "application/json"},
        )
        assert answer.status_code == 422, (value, answer.text)
    for field in ("latency", "queue_lag", "token_latency", "rate_limit_every", "error_rate"):
        for value in ("NaN", "1e308", "-1", '"x"'):
            answer = httpx2.post(
                f"{admin}/faults",
                content=f'{{"{field}": {value}}}',
                headers={"Content-Type": "application/json"},
            )
            assert answer.status_code == 422, (field, value, answer.text)
    # A setting the simulator does not have is named in words, not in Python's.
    unknown = httpx2.post(f"{admin}/faults", json={"retry_after": 1, "latency": 0})
    assert unknown.status_code == 422
    assert "unknown fault settings ['retry_after']" in unknown.text
    assert "__init__" not in unknown.text and "rate_limit_retry_after" in unknown.text
    assert math.isfinite(sim.world.clock.offset) and sim.world.clock.offset == 0
    api = SimApi(sim)
    assert api.get(f"/compute/jobs/{MACHINE}")["status"] == "OK"
    assert httpx2.post(f"{admin}/clock/advance", json={"seconds": 60}).status_code == 200


def _serve(*args: str, until: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """``sfapi-sim serve`` in a subprocess, once it printed the line starting ``until``;
    its start-up lines by what they name, and ``base``, its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "sfapi_sim.cli", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = {"base": f"http://127.0.0.1:{port}"}
    for line in process.stdout:
        key, _, value = line.rstrip("\n").rpartition(": ")
        lines[key] = value
        if key.startswith(until):
            break
    _wait_until_serving(lines["base"])
    return process, lines


def _stop(process: subprocess.Popen[str]) -> None:
    """End the server (SIGTERM, then SIGKILL after 20 s) and close its pipes."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()


def _wait_until_serving(base: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx2.get(f"{base}/api/v1.2/status").status_code == 200:
                return
        except httpx2.TransportError:
            assert time.monotonic() < deadline, "the simulator did not start"
            time.sleep(0.05)


def test_sigterm_removes_the_temporary_data_folder() -> None:
    process, lines = _serve(until="data folder")
    folder = Path(lines["data folder (removed on exit)"])
    try:
        assert folder.is_dir() and (folder / MACHINE).is_dir()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 128 + signal.SIGTERM
    finally:
        _stop(process)
    assert not folder.exists()


def test_serve_starts_with_several_users_and_their_keys(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    process, lines = _serve(
        "--user",
        "carol:m5678",
        "--key-dir",
        str(keys),
        "--user",
        "dave",
        until="read-write key for user dave",
    )
    try:
        assert {p.name for p in keys.iterdir()} == {"alice.key", "bob.key", "carol.key", "dave.key"}
        assert all(p.stat().st_mode & 0o077 == 0 for p in keys.iterdir())
        options = {
            "api_base_url": f"{lines['base']}/api/v1.2",
            "token_url": f"{lines['base']}/c2id/token",
        }
        with Client(key=keys / "carol.key", **options) as carol:
            assert carol.user().name == "carol"
            perlmutter = carol.compute("perlmutter")
            (home,) = perlmutter.ls("/global/homes/c/carol", directory=True)
            assert home.user == "carol" and home.perms == "drwx------"
            (project,) = perlmutter.ls("/global/cfs/cdirs/m5678", directory=True)
            assert project.group == "m5678"
        with (
            Client(key=keys / "dave.key", **options) as dave,
            pytest.raises(ApiErrorStatus, match="Permission denied"),
        ):
            dave.compute("perlmutter").ls("/global/cfs/cdirs/m5678")
    finally:
        _stop(process)


@pytest.mark.parametrize(
    "args",
    [["--user", "Alice!"], ["--user", "erin:nope"], ["--user", "bob"], ["--disk-quota", "lots"]],
)
def test_serve_refuses_bad_users_and_quotas(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sfapi_sim.cli", "serve", "--port", str(free_port()), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "sfapi-sim" in done.stderr


def test_serve_refuses_to_write_a_key_through_a_link(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (keys / "bob.key").symlink_to(victim)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sfapi_sim.cli",
            "serve",
            "--port",
            str(free_port()),
            "--key-dir",
            str(keys),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "cannot write the key file" in done.stderr
    assert victim.read_text() == "keep me\n"


def test_a_machine_root_replaced_by_a_link_is_refused(tmp_path: Path) -> None:
    """A data folder whose machine folder is a link (to / say) does not start."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "perlmutter").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sfapi_sim.cli",
            "serve",
            "--port",
            str(free_port()),
            "--data-dir",
            str(data),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "not a link" in done.stderr, done.stderr
    assert list((tmp_path / "elsewhere").iterdir()) == []
