"""The simulator's files are a sandbox: links planted in the data folder never lead a
route or a program out of it, users see only what their permissions allow, every
user's writes meet a disk quota, and bad input is answered 4xx, never 5xx."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

from sfapi_sim.testing import RunningSimulator

from .sim_api import HOME, MACHINE, SimApi

BOB_HOME = "/global/homes/b/bob"
PROJECT = "/global/cfs/cdirs/m1234"


def _files_below(folder: Path) -> set[str]:
    """Every path below ``folder`` on the host (links not followed)."""
    found = set()
    for parent, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            found.add(os.path.relpath(os.path.join(parent, name), folder))
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Iterator[Path]:
    """A folder of the host outside the simulator's data folder, empty but for a bait
    file; the test checks that it stays so."""
    folder = tmp_path / "host-outside"
    folder.mkdir()
    (folder / "bait.txt").write_bytes(b"host file\n")
    yield folder
    assert _files_below(folder) == {"bait.txt"}
    assert (folder / "bait.txt").read_bytes() == b"host file\n"


@pytest.fixture
def trap(sim: RunningSimulator, outside: Path) -> str:
    """A folder in alice's home holding links a hostile user planted straight in the data
    folder: to the host folder ``outside`` (absolute), to it by climbing with ``..``,
    and into bob's home."""
    filesystem = sim.world.filesystems[MACHINE]
    folder = f"{HOME}/trap-{uuid.uuid4().hex[:8]}"
    filesystem.mkdir(folder, "alice")
    host = filesystem.host_path(folder)
    (host / "absolute").symlink_to(outside)
    depth = len(host.relative_to("/").parts)
    (host / "climb").symlink_to("/".join([".."] * depth) + str(outside))
    (host / "bobs").symlink_to(filesystem.host_path(BOB_HOME))
    (host / "bait.txt").symlink_to(outside / "bait.txt")
    return folder


def _upload(api: SimApi, path: str, data: bytes, name: str = "f.txt") -> dict[str, object]:
    answer = httpx2.put(
        f"{api.sim.base_url}/utilities/upload/{MACHINE}/{path}",
        files={"file": (name, data)},
        headers=api.headers,
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _download(api: SimApi, path: str) -> dict[str, object]:
    answer = httpx2.get(
        f"{api.sim.base_url}/utilities/download/{MACHINE}/{path}", headers=api.headers
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _ls(api: SimApi, path: str) -> dict[str, object]:
    answer = httpx2.get(f"{api.sim.base_url}/utilities/ls/{MACHINE}/{path}", headers=api.headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _transfer(api: SimApi, source: str, target: str, target_machine: str = "dtns") -> object:
    answer = httpx2.post(
        f"{api.sim.base_url}/storage/globus/transfer",
        data={
            "source_uuid": MACHINE,
            "target_uuid": target_machine,
            "source_dir": source,
            "target_dir": target,
        },
        headers=api.headers,
    )
    assert answer.status_code == 200, answer.text
    api.sim.world.clock.advance(5)
    result = api.get(f"/storage/globus/transfer/{answer.json()['transfer_id']}")
    return result["globus_status"]


def test_globus_transfers_into_planted_links_stay_in_the_sandbox(
    sim: RunningSimulator, outside: Path
) -> None:
    api = SimApi(sim)
    source = f"{HOME}/payload-{uuid.uuid4().hex[:8]}"
    perlmutter, dtns = sim.world.filesystems[MACHINE], sim.world.filesystems["dtns"]
    perlmutter.mkdir(f"{source}/inner", "alice", parents=True)
    perlmutter.write(f"{source}/evil.txt", "alice", b"evil\n")
    perlmutter.write(f"{source}/inner/deep.txt", "alice", b"deep\n")
    # The target folder on dtns holds links, planted on disk, where the files will land.
    target = f"{HOME}/landing-{uuid.uuid4().hex[:8]}"
    dtns.mkdir(target, "alice")
    host = dtns.host_path(target)
    (host / "evil.txt").symlink_to(outside / "evil.txt")
    (host / "inner").symlink_to(outside)
    (host / "bob").symlink_to(dtns.host_path(BOB_HOME))
    bob_before = _files_below(dtns.host_path(BOB_HOME))
    # Into the folder (files meet the links), through a link, and into bob's home.
    assert _transfer(api, source, target) in ("SUCCEEDED", "FAILED")
    assert _transfer(api, source, f"{target}/bob/stolen") == "FAILED"
    assert _transfer(api, f"{source}/evil.txt", f"{target}/inner/evil.txt") in (
        "SUCCEEDED",
        "FAILED",
    )
    assert _files_below(dtns.host_path(BOB_HOME)) == bob_before


def test_routes_and_programs_never_follow_planted_links_out(
    sim: RunningSimulator, trap: str, outside: Path
) -> None:
    api = SimApi(sim)
    for link in ("absolute", "climb", "bobs"):
        assert _upload(api, f"{trap}/{link}/up.txt", b"x")["status"] == "ERROR"
        assert _download(api, f"{trap}/{link}/bait.txt")["status"] == "ERROR"
        listed = _ls(api, f"{trap}/{link}/")
        assert (
            listed["status"] == "ERROR"
            or listed["entries"] == []
            or all(
                e["name"] != "bait.txt"
                for e in listed["entries"]  # type: ignore[attr-defined]
            )
        )
    assert _download(api, f"{trap}/bait.txt")["status"] == "ERROR"
    assert _upload(api, f"{trap}/bait.txt", b"overwritten")["status"] == "ERROR"
    script = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho escaped > out.txt\n"
    assert _upload(api, f"{trap}/run.sh", script.encode(), "run.sh")["status"] == "OK"
    for link in ("absolute", "climb"):
        error = api.submit_error_path(f"{trap}/{link}/bait.txt")
        assert "sbatch: error" in error
    lines = [
        f"cd {trap}; echo x > absolute/shell.txt",
        f"cd {trap}; echo x >> climb/shell.txt",
        f"cd {trap}; cat absolute/bait.txt climb/bait.txt bait.txt",
        f"cd {trap}; cp run.sh absolute/; cp run.sh climb/copied.sh; mv run.sh climb/",
        f"cd {trap}; mkdir -p absolute/made climb/made; touch absolute/t climb/t",
        f"cd {trap}; ln -s ../../../../../../../../../../tmp escape; echo x > escape/f",
        f"cd {trap}; ls -l absolute/ climb/; rm -rf absolute/bait.txt climb/bait.txt",
        f"cd {trap}; chmod 777 absolute/bait.txt; echo y > bobs/y",
    ]
    for line in lines:
        result = api.run(line)
        assert "escaped" not in result["output"]
        assert "host file" not in result["output"]
    # ``outside`` is checked by its fixture; bob's home holds nothing of alice's.
    assert not sim.world.filesystems[MACHINE].host_path(f"{BOB_HOME}/y").exists()


def test_links_made_in_the_shell_are_paths_of_the_machine(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    folder = f"{HOME}/links-{uuid.uuid4().hex[:8]}"
    result = api.run(
        f"mkdir {folder} && cd {folder} && echo inside > a.txt && ln -s {folder}/a.txt abs "
        "&& ln -s a.txt rel && cat abs rel && ls -l abs"
    )
    assert result["exit_code"] == 0, result
    assert result["output"].startswith("inside\ninside\nlrwxrwxrwx")
    assert f"abs -> {folder}/a.txt" in result["output"]


def test_other_users_private_files_are_refused(sim: RunningSimulator) -> None:
    alice, bob = SimApi(sim), SimApi(sim, sim.user_key("bob"))
    name = f"private-{uuid.uuid4().hex[:8]}.txt"
    assert _upload(alice, f"{HOME}/{name}", b"secret\n")["status"] == "OK"
    for answer in (_download(bob, f"{HOME}/{name}"), _ls(bob, HOME), _ls(bob, f"{HOME}/{name}")):
        assert answer["status"] == "ERROR" and "Permission denied" in str(answer["error"])
    assert _upload(bob, f"{HOME}/{name}", b"overwritten")["status"] == "ERROR"
    result = bob.run(f"cat {HOME}/{name}; ls {HOME}; echo x > {HOME}/{name}")
    assert "secret" not in result["output"]
    assert result["error"].count("Permission denied") == 3, result
    assert sim.world.filesystems[MACHINE].read(f"{HOME}/{name}", "alice") == b"secret\n"


def test_job_output_is_private_to_its_owner(sim: RunningSimulator) -> None:
    alice, bob = SimApi(sim), SimApi(sim, sim.user_key("bob"))
    jobid = alice.submit(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho confidential\n"
    )
    alice.wait_state(jobid, "COMPLETED")
    output = f"{HOME}/slurm-{jobid}.out"
    assert alice.wait_output(output, "confidential\n")
    answer = _download(bob, output)
    assert answer["status"] == "ERROR" and "Permission denied" in str(answer["error"])
    assert "confidential" not in bob.run(f"cat {output}")["output"]


def test_chmod_shares_files_through_a_project_group(sim: RunningSimulator) -> None:
    alice, bob = SimApi(sim), SimApi(sim, sim.user_key("bob"))
    folder = f"{PROJECT}/shared-{uuid.uuid4().hex[:8]}"
    made = alice.run(f"mkdir {folder} && echo results > {folder}/r.txt && ls -ld {folder}")
    assert made["exit_code"] == 0, made
    assert made["output"].startswith("drwxr-sr-x") and " alice m1234 " in made["output"]
    assert _download(bob, f"{folder}/r.txt")["file"] == "results\n"
    steps = {
        "chmod go-r r.txt": (False, "-rw-------"),
        "chmod 640 r.txt": (True, "-rw-r-----"),
        "chmod g=,u+x r.txt": (False, "-rwx------"),
        "chmod a+rX r.txt": (True, "-rwxr-xr-x"),
        "chmod u=rw,g=r,o= r.txt": (True, "-rw-r-----"),
        "chmod 0600 r.txt": (False, "-rw-------"),
    }
    for command, (readable, perms) in steps.items():
        result = alice.run(f"cd {folder} && {command} && ls -l r.txt")
        assert result["exit_code"] == 0, (command, result)
        assert result["output"].startswith(perms), (command, result)
        answer = _download(bob, f"{folder}/r.txt")
        assert (answer["status"] == "OK") is readable, (command, answer)
        listed = _ls(bob, f"{folder}/r.txt")
        assert listed["entries"][0]["perms"] == perms  # type: ignore[index]
    refused = bob.run(f"chmod 666 {folder}/r.txt")
    assert refused["exit_code"] == 1
    assert "Operation not permitted" in refused["error"]
    bad = alice.run(f"chmod q+z {folder}/r.txt")
    assert bad["exit_code"] == 1 and "invalid mode" in bad["error"]
    # A private folder hides what it holds, whatever the files' own modes.
    hidden = alice.run(f"chmod 644 {folder}/r.txt && chmod 700 {folder}")
    assert hidden["exit_code"] == 0, hidden
    assert "Permission denied" in str(_download(bob, f"{folder}/r.txt")["error"])


def test_test_operators_follow_permissions(sim: RunningSimulator) -> None:
    bob = SimApi(sim, sim.user_key("bob"))
    alice = SimApi(sim)
    folder = f"{PROJECT}/modes-{uuid.uuid4().hex[:8]}"
    alice.run(f"mkdir {folder} && echo x > {folder}/f && chmod 750 {folder}/f")
    result = bob.run(
        f"f={folder}/f; test -r $f && echo r; test -w $f || echo not-w; test -x $f && echo x"
    )
    assert result["output"] == "r\nnot-w\nx\n", result


@pytest.mark.parametrize("where", ["ls", "download", "upload", "submit", "command"])
def test_names_too_long_are_refused_without_a_server_error(
    sim: RunningSimulator, where: str
) -> None:
    api = SimApi(sim)
    long_path = f"{HOME}/{'n' * 300}/{'m' * 5000}"
    for path in (f"{HOME}/{'n' * 300}", long_path):
        if where == "ls":
            answer = httpx2.get(
                f"{sim.base_url}/utilities/ls/{MACHINE}/{path}", headers=api.headers
            )
        elif where == "download":
            answer = httpx2.get(
                f"{sim.base_url}/utilities/download/{MACHINE}/{path}", headers=api.headers
            )
        elif where == "upload":
            answer = httpx2.put(
                f"{sim.base_url}/utilities/upload/{MACHINE}/{path}",
                files={"file": ("x", b"x")},
                headers=api.headers,
            )
        elif where == "submit":
            error = api.submit_error_path(path)
            assert "File name too long" in error
            continue
        else:
            result = api.run(f"echo x > {path}; cat {path}; mkdir {path}")
            assert result["exit_code"] != 0 and "File name too long" in result["error"]
            continue
        assert answer.status_code < 500, answer.text
        body = answer.json()
        assert body["status"] == "ERROR" and "File name too long" in body["error"]


def test_deeply_nested_json_is_refused_without_a_server_error(sim: RunningSimulator) -> None:
    import base64

    nested = ("[" * 100_000 + "]" * 100_000).encode()
    payload = base64.urlsafe_b64encode(nested).rstrip(b"=").decode()
    answer = httpx2.post(
        sim.token_url,
        data={
            "grant_type": "client_credentials",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": f"eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln",
        },
    )
    assert answer.status_code == 401 and answer.json()["error"] == "invalid_client"
    as_json = httpx2.post(
        sim.token_url, content=nested, headers={"Content-Type": "application/json"}
    )
    assert 400 <= as_json.status_code < 500
    admin = httpx2.post(
        sim.base_url.split("/api/")[0] + "/_sim/faults",
        content=b'{"latency": ' + nested + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert 400 <= admin.status_code < 500
    # The simulator still answers.
    assert sim.access_token()


def test_hard_links_and_special_files_planted_on_disk_are_not_read(
    sim: RunningSimulator,
) -> None:
    """The simulator makes no hard links: a file with a second name was linked in from
    outside (here to a host file beside the machines' roots) and is neither read nor
    touched; a pipe is not opened."""
    api = SimApi(sim)
    folder = f"{HOME}/planted-{uuid.uuid4().hex[:8]}"
    filesystem = sim.world.filesystems[MACHINE]
    filesystem.mkdir(folder, "alice")
    host = filesystem.host_path(folder)
    bait = sim.root / f"host-{uuid.uuid4().hex[:8]}.txt"  # same host filesystem, outside
    bait.write_bytes(b"host file\n")
    os.link(bait, host / "hard.txt")
    os.mkfifo(host / "pipe")
    before = os.stat(bait).st_mtime_ns
    assert _download(api, f"{folder}/hard.txt")["status"] == "ERROR"
    assert _download(api, f"{folder}/pipe")["status"] == "ERROR"
    result = api.run(f"cd {folder}; cat hard.txt pipe; touch hard.txt; cp hard.txt copy.txt")
    assert "host file" not in result["output"] and result["exit_code"] != 0
    assert os.stat(bait).st_mtime_ns == before
    # Writing over the planted name replaces it; the host file keeps its content.
    assert _upload(api, f"{folder}/hard.txt", b"replaced")["status"] == "OK"
    assert _download(api, f"{folder}/hard.txt")["file"] == "replaced"
    assert bait.read_bytes() == b"host file\n"
    os.unlink(host / "pipe")
    bait.unlink()


def test_cd_into_a_folder_the_user_may_not_search_fails(sim: RunningSimulator) -> None:
    alice, bob = SimApi(sim), SimApi(sim, sim.user_key("bob"))
    folder = f"{PROJECT}/listed-{uuid.uuid4().hex[:8]}"
    made = alice.run(f"mkdir {folder} && chmod 744 {folder} && cd {folder} && pwd")
    assert made["output"] == f"{folder}\n", made
    # Bash's words and status; the shell stays where it was and the script goes on.
    for target in (HOME, folder):
        result = bob.run(f"cd {target}; echo $? $PWD")
        assert result["error"] == f"bash: line 1: cd: {target}: Permission denied\n", result
        assert result["output"].split()[0] == "1"
        assert result["output"].split()[1] != target
    # Reading the folder's names (r) without searching it (x) is not enough either.
    assert bob.run(f"ls {folder} >/dev/null && echo listed")["output"] == "listed\n"
    owner = alice.run(f"chmod 600 {folder}; cd {folder}; echo $?; chmod 700 {folder}")
    assert owner["output"] == "1\n" and "Permission denied" in owner["error"], owner


def test_a_name_planted_on_disk_that_is_not_utf8_leaves_the_folder_listable(
    sim: RunningSimulator,
) -> None:
    """A reused data folder may hold a file whose name is not UTF-8: its listing
    answered 500; it is written as a JSON escape (``\\udcff``), as a service written in
    Python writes it, and the rest of the folder is listed."""
    api = SimApi(sim)
    folder = f"{HOME}/planted-{uuid.uuid4().hex[:8]}"
    filesystem = sim.world.filesystems[MACHINE]
    filesystem.mkdir(folder, "alice")
    host = filesystem.host_path(folder)
    (host / b"caf\xe9.txt".decode("utf-8", "surrogateescape")).write_bytes(b"x")
    (host / "good.txt").write_bytes(b"y")
    answer = httpx2.get(f"{sim.base_url}/utilities/ls/{MACHINE}/{folder}", headers=api.headers)
    assert answer.status_code == 200
    assert b'"caf\\udce9.txt"' in answer.content
    names = {entry["name"] for entry in answer.json()["entries"]}
    assert {"good.txt", "caf\udce9.txt"} <= names
