"""``sfapi ls``, ``download``, ``upload``, ``run``: files and commands on a machine."""

from __future__ import annotations

from pathlib import Path

from sfapi_sim.testing import RunningSimulator

from .conftest import Sfapi


def test_ls_lists_a_directory_and_shows_a_file(sfapi: Sfapi, remote_dir: str) -> None:
    table = sfapi("ls", "perlmutter", remote_dir)
    assert table.exit_code == 0, table.stderr
    assert "data.txt" in table.stdout and "-rw-r--r--" in table.stdout
    (entry,) = sfapi("--json", "ls", "perlmutter", f"{remote_dir}/data.txt").json()
    assert entry == {
        "name": "data.txt",
        "path": f"{remote_dir}/data.txt",
        "perms": "-rw-r--r--",
        "hardlinks": 1,
        "user": "alice",
        "group": "alice",
        "size": 18,
        "date": entry["date"],
    }
    assert isinstance(entry["size"], int)
    (listed,) = sfapi("--json", "ls", "perlmutter", remote_dir).json()
    assert listed == entry


def test_ls_of_a_missing_path_is_an_api_error(sfapi: Sfapi, remote_dir: str) -> None:
    out = sfapi("ls", "perlmutter", f"{remote_dir}/absent")
    assert out.exit_code == 1
    assert out.stderr.startswith(f"error: cannot list {remote_dir}/absent on perlmutter: ")
    assert "No such file or directory" in out.stderr


def test_errors_speak_of_the_command_not_of_the_calls_under_it(
    sfapi: Sfapi, remote_dir: str, tmp_path: Path
) -> None:
    local = tmp_path / "input.dat"
    local.write_bytes(b"data")
    failures = {
        "download": sfapi("download", "perlmutter", f"{remote_dir}/absent", "out.txt"),
        "upload": sfapi("upload", "perlmutter", str(local), f"{remote_dir}/no/such/x.dat"),
        "ls": sfapi("ls", "perlmutter", f"{remote_dir}/absent"),
        "job": sfapi("job", "perlmutter", "999"),
        "cancel": sfapi("cancel", "perlmutter", "999"),
        "status": sfapi("status", "cori"),
    }
    assert failures["download"].stderr == (
        f"error: cannot download {remote_dir}/absent from perlmutter: ls: cannot access "
        f"'{remote_dir}/absent': No such file or directory\n"
    )
    assert failures["upload"].stderr.startswith(f"error: cannot upload {local} to perlmutter: ")
    for command, out in failures.items():
        assert out.exit_code != 0, command
        assert out.stderr.startswith("error: "), command
        for internal in (" failed: ", "→", "http://", "read_", "[GET"):
            assert internal not in out.stderr, (command, out.stderr)


def test_download_to_a_name_a_folder_and_the_working_folder(
    sfapi: Sfapi, remote_dir: str, tmp_path: Path
) -> None:
    remote = f"{remote_dir}/data.txt"
    named = sfapi("download", "perlmutter", remote, str(tmp_path / "copy.txt"))
    assert named.exit_code == 0, named.stderr
    assert (tmp_path / "copy.txt").read_bytes() == b"line one\nline two\n"
    (tmp_path / "into").mkdir()
    into = sfapi("--json", "download", "perlmutter", remote, str(tmp_path / "into"))
    assert into.json() == {"remote": remote, "local": str(tmp_path / "into/data.txt"), "bytes": 18}
    here = sfapi("download", "perlmutter", remote)  # the fixture's working folder is tmp_path
    assert here.stdout == f"{remote} → data.txt (18 bytes)\n"
    assert (tmp_path / "data.txt").read_bytes() == b"line one\nline two\n"


def test_download_failures_leave_nothing_behind(
    sfapi: Sfapi, sim: RunningSimulator, remote_dir: str, tmp_path: Path
) -> None:
    missing = sfapi("download", "perlmutter", f"{remote_dir}/absent", "out.txt")
    assert missing.exit_code == 1 and "absent" in missing.stderr
    folder = sfapi("download", "perlmutter", remote_dir, "out.txt")
    assert folder.exit_code == 2 and "is a directory" in folder.stderr
    sim.reset_stats()
    nowhere = sfapi("download", "perlmutter", f"{remote_dir}/data.txt", "no/such/dir/out.txt")
    assert nowhere.exit_code == 2 and "no/such/dir" in nowhere.stderr
    assert sim.stats()["total_requests"] == 0
    assert list(tmp_path.iterdir()) == []


def test_upload_into_a_folder_and_to_a_new_name(
    sfapi: Sfapi, sim: RunningSimulator, remote_dir: str, tmp_path: Path
) -> None:
    local = tmp_path / "input.dat"
    local.write_bytes(b"\x00\x01binary\xff")
    into = sfapi("upload", "perlmutter", str(local), remote_dir)
    assert into.exit_code == 0, into.stderr
    assert into.stdout == f"{local} → perlmutter:{remote_dir}/input.dat\n"
    renamed = sfapi("--json", "upload", "perlmutter", str(local), f"{remote_dir}/renamed.dat")
    assert renamed.json() == {"local": str(local), "remote": f"{remote_dir}/renamed.dat"}
    filesystem = sim.world.filesystems["perlmutter"]
    for name in ("input.dat", "renamed.dat"):
        assert filesystem.read(f"{remote_dir}/{name}", "alice") == b"\x00\x01binary\xff"


def test_upload_refuses_missing_and_directory_sources_before_any_request(
    sfapi: Sfapi, sim: RunningSimulator, remote_dir: str, tmp_path: Path
) -> None:
    sim.reset_stats()
    missing = sfapi("upload", "perlmutter", str(tmp_path / "absent"), remote_dir)
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    folder = sfapi("upload", "perlmutter", str(tmp_path), remote_dir)
    assert folder.exit_code == 2 and "is a directory" in folder.stderr
    device = sfapi("upload", "perlmutter", "/dev/zero", remote_dir)
    assert device.exit_code == 2 and "/dev/zero is not a regular file" in device.stderr
    assert sim.stats()["total_requests"] == 0


def test_run_prints_the_output(sfapi: Sfapi, remote_dir: str) -> None:
    listed = sfapi("run", "perlmutter", "--", "ls", remote_dir)
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout == "data.txt\n"
    echoed = sfapi("--json", "run", "perlmutter", "echo", "two  words", "-x")  # quoting kept
    assert echoed.json() == {"output": "two  words -x\n"}


def test_run_refusals(sfapi: Sfapi) -> None:
    refused = sfapi("run", "perlmutter", "--", "reboot")
    assert refused.exit_code == 1 and "reboot: command not found" in refused.stderr
    empty = sfapi("run", "perlmutter", "--")
    assert empty.exit_code == 2 and "no command given" in empty.stderr
