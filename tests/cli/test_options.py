"""Global options of ``sfapi``: credentials and their refusals, URLs, --verbose, --debug,
--version, completion; and the command run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sfapi_client import __version__
from sfapi_sim.testing import RunningSimulator

from ..runtime.keys import rsa_key, write_key_file
from .conftest import Sfapi

NO_CREDENTIALS: dict[str, str | None] = {"SFAPI_KEY": None}


def test_an_empty_key_variable_is_named_as_the_library_names_it(
    sfapi: Sfapi, sim: RunningSimulator
) -> None:
    sim.reset_stats()
    out = sfapi("whoami", env={"SFAPI_KEY": ""})
    assert out.exit_code == 3
    assert out.stderr.startswith("error: the SFAPI_KEY environment variable is set but empty")
    assert "Traceback" not in out.stderr
    assert sim.stats()["total_requests"] == 0


def test_a_protected_command_without_credentials_exits_3_before_any_request(
    sfapi: Sfapi, sim: RunningSimulator
) -> None:
    sim.reset_stats()
    out = sfapi("jobs", "perlmutter", env=NO_CREDENTIALS)
    assert out.exit_code == 3
    first, hint = out.stderr.splitlines()
    assert first.startswith("error: read_jobs needs credentials")
    assert hint.startswith("hint: pass --key FILE (or set SFAPI_KEY)")
    assert out.stdout == ""
    assert list(sim.stats()["requests"]) == ["GET /status/{name}"]  # public; jobs never asked


def test_key_file_refusals_exit_3(sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path) -> None:
    missing = sfapi("--key", str(tmp_path / "absent.pem"), "whoami", env=NO_CREDENTIALS)
    assert missing.exit_code == 3
    error, hint = missing.stderr.splitlines()
    assert error == f"error: key file {tmp_path / 'absent.pem'} not found"
    assert hint.startswith("hint: the key file comes from --key, else SFAPI_KEY")
    assert "sfapi-sim serve --key-out FILE" in hint
    readable = tmp_path / "readable.pem"
    readable.write_text(sim.key_file.read_text())
    readable.chmod(0o644)
    opened = sfapi("--key", str(readable), "whoami", env=NO_CREDENTIALS)
    assert opened.exit_code == 3 and f"chmod 600 {readable}" in opened.stderr
    unknown = write_key_file(tmp_path, rsa_key(), name="unknown.pem")
    refused = sfapi("--key", str(unknown), "whoami", env=NO_CREDENTIALS)
    assert refused.exit_code == 3 and refused.stderr.startswith("error: ")


def test_client_id_with_secret_file(sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path) -> None:
    client_id, pem = sim.key_file.read_text().split("\n", 1)
    secret = tmp_path / "secret.pem"
    secret.write_text(pem)
    secret.chmod(0o600)
    out = sfapi(
        "--json",
        "--client-id",
        client_id,
        "--secret-file",
        str(secret),
        "whoami",
        env=NO_CREDENTIALS,
    )
    assert out.exit_code == 0, out.stderr
    assert out.json()["name"] == "alice"
    from_env = sfapi(
        "--json",
        "whoami",
        env={"SFAPI_KEY": None, "SFAPI_CLIENT_ID": client_id, "SFAPI_SECRET_FILE": str(secret)},
    )
    assert from_env.exit_code == 0 and from_env.json()["name"] == "alice"
    alone = sfapi("--secret-file", str(secret), "whoami", env=NO_CREDENTIALS)
    assert alone.exit_code == 3 and "needs --client-id" in alone.stderr
    absent = sfapi(
        "--client-id", client_id, "--secret-file", str(tmp_path / "x"), "whoami", env=NO_CREDENTIALS
    )
    assert absent.exit_code == 3 and "cannot read the secret file" in absent.stderr


def test_urls_and_key_as_options(sfapi: Sfapi, sim: RunningSimulator) -> None:
    env: dict[str, str | None] = {
        "SFAPI_KEY": None,
        "SFAPI_BASE_URL": None,
        "SFAPI_TOKEN_URL": None,
    }
    out = sfapi(
        "--json",
        "--base-url",
        sim.base_url,
        "--token-url",
        sim.token_url,
        "--key",
        str(sim.key_file),
        "whoami",
        env=env,
    )
    assert out.exit_code == 0, out.stderr
    assert out.json()["name"] == "alice"


def test_verbose_logs_requests_without_secrets(sfapi: Sfapi, sim: RunningSimulator) -> None:
    out = sfapi("--verbose", "whoami")
    assert out.exit_code == 0, out.stderr
    assert f"GET {sim.base_url}/account/ → 200" in out.stderr
    key_line = sim.key_file.read_text().splitlines()[2]
    for secret in ("Bearer", "eyJ", "PRIVATE KEY", "client_assertion", key_line):
        assert secret not in out.stderr
    quiet = sfapi("whoami")  # the handler of the verbose run is gone
    assert quiet.stderr == ""


def test_version_help_and_completion(sfapi: Sfapi) -> None:
    assert sfapi("--version").stdout == f"sfapi {__version__}\n"
    helped = sfapi("--help")
    assert helped.exit_code == 0 and "Exit codes: 0 success" in helped.stdout
    for command in ("status", "submit", "wait", "download", "whoami"):
        assert command in helped.stdout


def _process(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sfapi_cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_as_a_process_json_debug_and_completion(sim: RunningSimulator) -> None:
    env = {
        "SFAPI_BASE_URL": sim.base_url,
        "SFAPI_TOKEN_URL": sim.token_url,
        "SFAPI_KEY": str(sim.key_file),
    }
    status = _process(["status", "perlmutter", "--json"], env)
    assert status.returncode == 0, status.stderr
    assert '"name": "perlmutter"' in status.stdout
    quiet = _process(["job", "perlmutter", "999"], env)
    assert quiet.returncode == 1
    assert quiet.stderr == "error: Job not found: 999 (on perlmutter)\n"
    loud = _process(["--debug", "job", "perlmutter", "999"], env)
    assert loud.returncode == 1
    assert loud.stderr.startswith("Traceback (most recent call last):")
    assert "JobNotFoundError: Job not found: 999 (on perlmutter)" in loud.stderr
    completion = _process(
        [], {"_SFAPI_COMPLETE": "complete_bash", "COMP_WORDS": "sfapi jobs d", "COMP_CWORD": "2"}
    )
    assert completion.stdout.split() == ["dtn01", "dtns"]


def test_global_options_are_accepted_after_the_command(
    sfapi: Sfapi, sim: RunningSimulator, remote_dir: str
) -> None:
    after = sfapi("status", "perlmutter", "--json")
    assert after.exit_code == 0, after.stderr
    assert after.json()["name"] == "perlmutter"
    assert sfapi("status", "--json", "perlmutter").json() == after.json()
    listed = sfapi("ls", "perlmutter", remote_dir, "--json", "--verbose")
    assert listed.exit_code == 0, listed.stderr
    assert [e["name"] for e in listed.json()] == ["data.txt"]
    assert "GET " in listed.stderr  # --verbose took effect too
    keyed = sfapi("whoami", "--key", str(sim.key_file), "--json", env=NO_CREDENTIALS)
    assert keyed.exit_code == 0, keyed.stderr
    assert keyed.json()["name"] == "alice"


def test_after_the_command_its_own_options_and_arguments_win(sfapi: Sfapi) -> None:
    # run's command line is its own, and an option's value is never a global option.
    echoed = sfapi("run", "perlmutter", "--", "echo", "--json")
    assert echoed.exit_code == 0, echoed.stderr
    assert echoed.stdout == "--json\n"
    # submit --timeout is the wait's timeout, not the per-call one: 0.5 s is enough for
    # every call here, and the wait ends on it with exit code 4.
    script = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=60\necho slow\n"
    Path("slow.sh").write_text(script, encoding="utf-8")
    waited = sfapi("submit", "perlmutter", "slow.sh", "--local", "--wait", "--timeout", "0.5")
    assert waited.exit_code == 4, waited.stderr


def test_a_world_readable_secret_file_is_refused_like_a_key_file(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    client_id, pem = sim.key_file.read_text().split("\n", 1)
    secret = tmp_path / "secret.pem"
    secret.write_text(pem)
    secret.chmod(0o644)
    sim.reset_stats()
    out = sfapi(
        "--client-id", client_id, "--secret-file", str(secret), "whoami", env=NO_CREDENTIALS
    )
    assert out.exit_code == 3
    assert str(secret) in out.stderr and f"chmod 600 {secret}" in out.stderr
    assert sim.stats()["total_requests"] == 0


def test_an_oversized_or_special_secret_file_is_refused_unread(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    client_id = sim.key_file.read_text().split("\n", 1)[0]
    big = tmp_path / "big.pem"
    with big.open("wb") as handle:  # sparse: 1 GB on paper, nothing on disk
        handle.truncate(1 << 30)
    big.chmod(0o600)
    out = sfapi("--client-id", client_id, "--secret-file", str(big), "whoami", env=NO_CREDENTIALS)
    assert out.exit_code == 3
    assert f"secret file {big} is {1 << 30} bytes" in out.stderr
    device = sfapi(
        "--client-id", client_id, "--secret-file", "/dev/zero", "whoami", env=NO_CREDENTIALS
    )
    assert device.exit_code == 3
    assert "secret file /dev/zero is not a regular file" in device.stderr
