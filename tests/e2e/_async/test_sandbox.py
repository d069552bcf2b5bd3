"""The simulator's sandbox seen through the client: another user's private files are
refused, project groups share, planted links never take a transfer out of the data
folder, names too long and full quotas are errors the client reports (never a 5xx)."""

from __future__ import annotations

import io
import os
import uuid
from pathlib import Path

import pytest

from sfapi_client import ApiErrorStatus, AsyncClient, TaskFailedError
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"
PROJECT = "/global/cfs/cdirs/m1234"


def _below(folder: Path) -> set[str]:
    return {
        os.path.relpath(os.path.join(parent, name), folder)
        for parent, dirs, files in os.walk(folder, followlinks=False)
        for name in dirs + files
    }


async def test_another_users_private_files_are_refused(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    (home,) = await perlmutter.ls(HOME, directory=True)
    name = f"secret-{uuid.uuid4().hex[:8]}.txt"
    await home.upload(io.BytesIO(b"secret\n"), filename=name)
    async with sim.async_client(key=sim.user_key("bob")) as bob:
        machine = await bob.compute("perlmutter")
        with pytest.raises(ApiErrorStatus, match="Permission denied"):
            await machine.ls(HOME)
        with pytest.raises(ApiErrorStatus, match="Permission denied"):
            await machine.ls(f"{HOME}/{name}")
        with pytest.raises(TaskFailedError, match="Permission denied"):
            await machine.run(f"cat {HOME}/{name}")


async def test_project_groups_share_group_readable_files(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    folder = f"{PROJECT}/shared-{uuid.uuid4().hex[:8]}"
    await perlmutter.run(
        f"mkdir {folder} && echo shared > {folder}/r.txt && chmod 640 {folder}/r.txt"
    )
    async with sim.async_client(key=sim.user_key("bob")) as bob:
        machine = await bob.compute("perlmutter")
        (entry,) = await machine.ls(f"{folder}/r.txt")
        assert (entry.perms, entry.user, entry.group) == ("-rw-r-----", "alice", "m1234")
        assert (await entry.download()).read() == "shared\n"
        await perlmutter.run(f"chmod g-r {folder}/r.txt")
        with pytest.raises(ApiErrorStatus, match="Permission denied"):
            await entry.download()


async def test_a_transfer_into_a_planted_link_stays_in_the_sandbox(
    async_client: AsyncClient, sim: RunningSimulator, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    source, target = sim.world.filesystems["perlmutter"], sim.world.filesystems["dtns"]
    run = f"{HOME}/run-{uuid.uuid4().hex[:8]}"
    source.mkdir(run, "alice")
    source.write(f"{run}/result.dat", "alice", b"x" * 1000)
    landing = f"{HOME}/landing-{uuid.uuid4().hex[:8]}"
    target.mkdir(landing, "alice")
    (target.host_path(landing) / "result.dat").symlink_to(outside / "result.dat")
    (target.host_path(landing) / "up").symlink_to(outside)
    globus = await async_client.storage.globus()
    for destination in (landing, f"{landing}/up/copy"):
        transfer = await globus.start_transfer("perlmutter", "dtns", run, destination)
        with pytest.raises(TaskFailedError, match="No such file or directory"):
            await transfer.complete(timeout=30)
    assert _below(outside) == set()


async def test_names_too_long_are_reported_not_server_errors(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute("perlmutter")
    (home,) = await perlmutter.ls(HOME, directory=True)
    long_name = "n" * 300
    with pytest.raises(ApiErrorStatus, match="File name too long"):
        await perlmutter.ls(f"{HOME}/{long_name}")
    with pytest.raises(ApiErrorStatus, match="File name too long"):
        await home.upload(io.BytesIO(b"x"), filename=long_name)
    with pytest.raises(TaskFailedError, match="File name too long"):
        await perlmutter.run(f"echo x > {long_name}")


async def test_uploads_beyond_the_quota_are_refused(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    before = sim.world.config.disk_quota
    sim.configure(disk_quota=sim.world.quota.used("alice") + 1024 * 1024)
    try:
        perlmutter = await async_client.compute("perlmutter")
        (home,) = await perlmutter.ls(HOME, directory=True)
        name = f"big-{uuid.uuid4().hex[:8]}.bin"
        with pytest.raises(ApiErrorStatus, match="Disk quota exceeded"):
            await home.upload(io.BytesIO(b"b" * (2 * 1024 * 1024)), filename=name)
        assert not sim.world.filesystems["perlmutter"].host_path(f"{HOME}/{name}").exists()
    finally:
        sim.configure(disk_quota=before)
