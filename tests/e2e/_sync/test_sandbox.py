# Generated from tests/e2e/_async/test_sandbox.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""The simulator's sandbox seen through the client: another user's private files are
refused, project groups share, planted links never take a transfer out of the data
folder, names too long and full quotas are errors the client reports (never a 5xx)."""

from __future__ import annotations

import io
import os
import uuid
from pathlib import Path

import pytest

from sfapi_client import ApiErrorStatus, Client, TaskFailedError
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"
PROJECT = "/global/cfs/cdirs/m1234"


def _below(folder: Path) -> set[str]:
    return {
        os.path.relpath(os.path.join(parent, name), folder)
        for parent, dirs, files in os.walk(folder, followlinks=False)
        for name in dirs + files
    }


def test_another_users_private_files_are_refused(client: Client, sim: RunningSimulator) -> None:
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    name = f"secret-{uuid.uuid4().hex[:8]}.txt"
    home.upload(io.BytesIO(b"secret\n"), filename=name)
    with sim.client(key=sim.user_key("bob")) as bob:
        machine = bob.compute("perlmutter")
        with pytest.raises(ApiErrorStatus, match="Permission denied"):
            machine.ls(HOME)
        with pytest.raises(ApiErrorStatus, match="Permission denied"):
            machine.ls(f"{HOME}/{name}")
        with pytest.raises(TaskFailedError, match="Permission denied"):
            machine.run(f"cat {HOME}/{name}")


def test_project_groups_share_group_readable_files(client: Client, sim: RunningSimulator) -> None:
    perlmutter = client.compute("perlmutter")
    folder = f"{PROJECT}/shared-{uuid.uuid4().hex[:8]}"
    perlmutter.run(f"mkdir {folder} && echo shared > {folder}/r.txt && chmod 640 {folder}/r.txt")
    with sim.client(key=sim.user_key("bob")) as bob:
        machine = bob.compute("perlmutter")
        (entry,) = machine.ls(f"{folder}/r.txt")
        assert (entry.perms, entry.user, entry.group) == ("-rw-r-----", "alice", "m1234")
        assert (entry.download()).read() == "shared\n"
        perlmutter.run(f"chmod g-r {folder}/r.txt")
        with pytest.raises(ApiErrorStatus, match="Permission denied"):
            entry.download()


def test_a_transfer_into_a_planted_link_stays_in_the_sandbox(
    client: Client, sim: RunningSimulator, tmp_path: Path
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
    globus = client.storage.globus()
    for destination in (landing, f"{landing}/up/copy"):
        transfer = globus.start_transfer("perlmutter", "dtns", run, destination)
        with pytest.raises(TaskFailedError, match="No such file or directory"):
            transfer.complete(timeout=30)
    assert _below(outside) == set()


def test_names_too_long_are_reported_not_server_errors(client: Client) -> None:
    perlmutter = client.compute("perlmutter")
    (home,) = perlmutter.ls(HOME, directory=True)
    long_name = "n" * 300
    with pytest.raises(ApiErrorStatus, match="File name too long"):
        perlmutter.ls(f"{HOME}/{long_name}")
    with pytest.raises(ApiErrorStatus, match="File name too long"):
        home.upload(io.BytesIO(b"x"), filename=long_name)
    with pytest.raises(TaskFailedError, match="File name too long"):
        perlmutter.run(f"echo x > {long_name}")


def test_uploads_beyond_the_quota_are_refused(client: Client, sim: RunningSimulator) -> None:
    before = sim.world.config.disk_quota
    sim.configure(disk_quota=sim.world.quota.used("alice") + 1024 * 1024)
    try:
        perlmutter = client.compute("perlmutter")
        (home,) = perlmutter.ls(HOME, directory=True)
        name = f"big-{uuid.uuid4().hex[:8]}.bin"
        with pytest.raises(ApiErrorStatus, match="Disk quota exceeded"):
            home.upload(io.BytesIO(b"b" * (2 * 1024 * 1024)), filename=name)
        assert not sim.world.filesystems["perlmutter"].host_path(f"{HOME}/{name}").exists()
    finally:
        sim.configure(disk_quota=before)
