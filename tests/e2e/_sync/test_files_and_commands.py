# Generated from tests/e2e/_async/test_files_and_commands.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Files and commands on a machine, end to end: ls, download, upload, open, run."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pytest

from sfapi_client import ApiErrorStatus, Client, TaskFailedError
from sfapi_client.compute import TaskStatus
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"


def test_ls_directory_file_and_symlink(client: Client, sim: RunningSimulator) -> None:
    filesystem = sim.world.filesystems["perlmutter"]
    data = f"{HOME}/data-{uuid.uuid4().hex[:8]}"
    filesystem.mkdir(data, "alice", parents=True)
    filesystem.write(f"{data}/a.txt", "alice", b"12345")
    (filesystem.host_path(data) / "link").symlink_to("a.txt")
    perlmutter = client.compute("perlmutter")
    entries = {p.name: p for p in perlmutter.ls(data)}
    assert set(entries) == {"a.txt", "link"}
    assert (
        entries["a.txt"].is_file()
        and entries["a.txt"].size == 5
        and entries["a.txt"].user == "alice"
    )
    assert entries["link"].is_symlink()
    (directory,) = perlmutter.ls(data, directory=True)
    assert directory.is_dir() and str(directory) == data
    (single,) = perlmutter.ls(f"{data}/a.txt")
    assert single.is_file() and single.parent.path.as_posix() == data
    assert (single.parent / "b.txt").name == "b.txt"


def test_ls_of_a_missing_path_surfaces_the_server_message(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    with pytest.raises(ApiErrorStatus, match="No such file or directory"):
        perlmutter.ls(f"{HOME}/absent")


def test_upload_download_and_open(client: Client, tmp_path: Path) -> None:
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    local = tmp_path / "notes.txt"
    local.write_text("line one\n")
    uploaded = home.upload(local)
    assert str(uploaded) == f"{HOME}/notes.txt"
    assert (uploaded.download()).read() == "line one\n"
    blob = bytes(range(256))
    binary = home.upload(io.BytesIO(blob), filename="blob.bin")
    assert (binary.download(binary=True)).read() == blob
    with (home / "written.txt").open("w") as handle:
        handle.write("via open\n")
    with (home / "written.txt").open("r") as handle:
        assert handle.read() == "via open\n"


def test_directories_cannot_be_uploaded_or_downloaded(
    client: Client, sim: RunningSimulator, tmp_path: Path
) -> None:
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    sim.reset_stats()
    with pytest.raises(ValueError, match="is a directory"):
        home.upload(tmp_path)
    with pytest.raises(IsADirectoryError, match="is a directory"):
        home.download()
    assert sim.stats()["total_requests"] == 0


def test_run_commands(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    assert perlmutter.run("echo hello world") == "hello world\n"
    assert (perlmutter.run("whoami")).strip() == "alice"
    task = perlmutter.run_task("hostname")
    assert (task.complete()).startswith("perlmutter")
    with pytest.raises(TaskFailedError, match="curl: command not found"):
        perlmutter.run("curl http://example.org")
    with pytest.raises(TaskFailedError, match="No such file"):
        perlmutter.run("cat /global/homes/a/alice/none.txt")


def test_a_command_task_can_be_read_and_cancelled(client: Client, sim: RunningSimulator) -> None:
    sim.configure(task_delay=30.0)  # the task stays new long enough to be cancelled
    perlmutter = client.compute("perlmutter")
    task = perlmutter.run_task("hostname")
    assert (task.update()).status is TaskStatus.NEW and not task.ended
    task.cancel()
    assert task.status is TaskStatus.CANCELLED and task.ended
    with pytest.raises(TaskFailedError, match="was cancelled"):
        task.complete()


def test_open_in_binary_modes_and_upload_to_a_file_path(client: Client, tmp_path: Path) -> None:
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    target = home / f"bytes-{uuid.uuid4().hex[:8]}.bin"
    with target.open("wb") as handle:
        handle.write(b"\x00\xffraw")
    with target.open("rb") as handle:
        assert handle.read() == b"\x00\xffraw"
    local = tmp_path / "replacement.bin"
    local.write_bytes(b"replaced")
    written = target.upload(local)  # a file path: the file is replaced, not entered
    assert str(written) == str(target)
    assert (written.download(binary=True)).read() == b"replaced"
