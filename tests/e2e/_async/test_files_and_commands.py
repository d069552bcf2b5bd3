"""Files and commands on a machine, end to end: ls, download, upload, open, run."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pytest

from sfapi_client import ApiErrorStatus, AsyncClient, TaskFailedError
from sfapi_client.compute import TaskStatus
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"


async def test_ls_directory_file_and_symlink(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    filesystem = sim.world.filesystems["perlmutter"]
    data = f"{HOME}/data-{uuid.uuid4().hex[:8]}"
    filesystem.mkdir(data, "alice", parents=True)
    filesystem.write(f"{data}/a.txt", "alice", b"12345")
    (filesystem.host_path(data) / "link").symlink_to("a.txt")
    perlmutter = await async_client.compute("perlmutter")
    entries = {p.name: p for p in await perlmutter.ls(data)}
    assert set(entries) == {"a.txt", "link"}
    assert (
        await entries["a.txt"].is_file()
        and entries["a.txt"].size == 5
        and entries["a.txt"].user == "alice"
    )
    assert await entries["link"].is_symlink()
    (directory,) = await perlmutter.ls(data, directory=True)
    assert await directory.is_dir() and str(directory) == data
    (single,) = await perlmutter.ls(f"{data}/a.txt")
    assert await single.is_file() and single.parent.path.as_posix() == data
    assert (single.parent / "b.txt").name == "b.txt"


async def test_ls_of_a_missing_path_surfaces_the_server_message(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute("perlmutter")
    with pytest.raises(ApiErrorStatus, match="No such file or directory"):
        await perlmutter.ls(f"{HOME}/absent")


async def test_upload_download_and_open(async_client: AsyncClient, tmp_path: Path) -> None:
    perlmutter = await async_client.compute("perlmutter")
    (home,) = await perlmutter.ls(HOME, directory=True)
    local = tmp_path / "notes.txt"
    local.write_text("line one\n")
    uploaded = await home.upload(local)
    assert str(uploaded) == f"{HOME}/notes.txt"
    assert (await uploaded.download()).read() == "line one\n"
    blob = bytes(range(256))
    binary = await home.upload(io.BytesIO(blob), filename="blob.bin")
    assert (await binary.download(binary=True)).read() == blob
    async with (home / "written.txt").open("w") as handle:
        handle.write("via open\n")
    async with (home / "written.txt").open("r") as handle:
        assert handle.read() == "via open\n"


async def test_directories_cannot_be_uploaded_or_downloaded(
    async_client: AsyncClient, sim: RunningSimulator, tmp_path: Path
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    (home,) = await perlmutter.ls(HOME, directory=True)
    sim.reset_stats()
    with pytest.raises(ValueError, match="is a directory"):
        await home.upload(tmp_path)
    with pytest.raises(IsADirectoryError, match="is a directory"):
        await home.download()
    assert sim.stats()["total_requests"] == 0


async def test_run_commands(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute("perlmutter")
    assert await perlmutter.run("echo hello world") == "hello world\n"
    assert (await perlmutter.run("whoami")).strip() == "alice"
    task = await perlmutter.run_task("hostname")
    assert (await task.complete()).startswith("perlmutter")
    with pytest.raises(TaskFailedError, match="curl: command not found"):
        await perlmutter.run("curl http://example.org")
    with pytest.raises(TaskFailedError, match="No such file"):
        await perlmutter.run("cat /global/homes/a/alice/none.txt")


async def test_a_command_task_can_be_read_and_cancelled(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    sim.configure(task_delay=30.0)  # the task stays new long enough to be cancelled
    perlmutter = await async_client.compute("perlmutter")
    task = await perlmutter.run_task("hostname")
    assert (await task.update()).status is TaskStatus.NEW and not task.ended
    await task.cancel()
    assert task.status is TaskStatus.CANCELLED and task.ended
    with pytest.raises(TaskFailedError, match="was cancelled"):
        await task.complete()


async def test_open_in_binary_modes_and_upload_to_a_file_path(
    async_client: AsyncClient, tmp_path: Path
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    (home,) = await perlmutter.ls(HOME, directory=True)
    target = home / f"bytes-{uuid.uuid4().hex[:8]}.bin"
    async with target.open("wb") as handle:
        handle.write(b"\x00\xffraw")
    async with target.open("rb") as handle:
        assert handle.read() == b"\x00\xffraw"
    local = tmp_path / "replacement.bin"
    local.write_bytes(b"replaced")
    written = await target.upload(local)  # a file path: the file is replaced, not entered
    assert str(written) == str(target)
    assert (await written.download(binary=True)).read() == b"replaced"
