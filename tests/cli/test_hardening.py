"""What ``sfapi`` does with unreadable files, folder targets and servers that hang: the
documented exit code, a message naming the file, nothing sent, nothing written."""

from __future__ import annotations

import time
from pathlib import Path

from sfapi_sim.testing import RunningSimulator
from tests.runtime.hostile_server import Hang, hostile

from .conftest import Sfapi

HOME = "/global/homes/a/alice"


def test_submit_local_with_a_latin1_script_names_the_file_and_sends_nothing(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    script = tmp_path / "caf\u00e9.sh"
    script.write_bytes(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho caf\u00e9\n".encode(
            "latin-1"
        )
    )
    sim.reset_stats()
    out = sfapi("submit", "perlmutter", str(script), "--local")
    assert out.exit_code == 2
    assert out.stderr.startswith(f"error: local script {script} is not UTF-8 text: byte 0xe9")
    assert sim.stats()["total_requests"] == 0


def test_submit_local_without_an_interpreter_line_says_so_and_sends_nothing(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    script = tmp_path / "hello.sh"
    script.write_text("echo hello\n", encoding="utf-8")
    sim.reset_stats()
    out = sfapi("submit", "perlmutter", str(script), "--local")
    assert out.exit_code == 2
    assert out.stderr == (
        f"error: local script {script} does not start with '#!': a job script's first line "
        "names its interpreter, such as #!/bin/bash\n"
    )
    assert sim.stats()["total_requests"] == 0


def test_download_into_a_missing_folder_writes_nothing(
    sfapi: Sfapi, sim: RunningSimulator, remote_dir: str, tmp_path: Path
) -> None:
    sim.reset_stats()
    out = sfapi("download", "perlmutter", f"{remote_dir}/data.txt", "dir/")
    assert out.exit_code == 2
    assert out.stderr == "error: local folder dir/ does not exist\n"
    assert list(tmp_path.iterdir()) == []
    assert sim.stats()["total_requests"] == 0
    (tmp_path / "dir").mkdir()
    into = sfapi("download", "perlmutter", f"{remote_dir}/data.txt", "dir/")
    assert into.exit_code == 0, into.stderr
    assert (tmp_path / "dir" / "data.txt").read_bytes() == b"line one\nline two\n"


def test_a_key_file_that_is_not_utf8_exits_3_naming_it(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    latin1 = tmp_path / "latin1.key"
    latin1.write_bytes(sim.key_file.read_bytes().replace(b"\n", b"\n\xe9", 1))
    latin1.chmod(0o600)
    for option in (["--key", str(latin1)], ["--client-id", "x" * 13, "--secret-file", str(latin1)]):
        out = sfapi(*option, "whoami", env={"SFAPI_KEY": None})
        assert out.exit_code == 3, out.stderr
        assert str(latin1) in out.stderr and "not UTF-8" in out.stderr


def test_a_hanging_token_endpoint_ends_at_the_timeout_with_exit_1(
    sfapi: Sfapi, tmp_path: Path
) -> None:
    with hostile({"/token": [Hang()]}) as (server, root):
        env = {"SFAPI_BASE_URL": root + "/api/v1.2", "SFAPI_TOKEN_URL": root + "/token"}
        started = time.monotonic()
        out = sfapi("--timeout", "1.5", "whoami", env=env)
        elapsed = time.monotonic() - started
    assert out.exit_code == 1
    assert "did not finish within" in out.stderr or "no token within" in out.stderr
    assert elapsed < 1.5 + 1.5
    assert [a.path for a in server.arrivals] == ["/token"]


def test_a_timeout_that_is_not_positive_is_a_usage_error(sfapi: Sfapi) -> None:
    out = sfapi("--timeout", "0", "status")
    assert out.exit_code == 2
    assert "timeout must be a positive number of seconds" in out.stderr
