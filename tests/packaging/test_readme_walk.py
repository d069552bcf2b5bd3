"""README's user section, walked as a new user walks it: its install commands run in
fresh virtual environments, then its simulator command starts a simulator, and its
first script runs with the ``export`` lines the simulator printed.

Every command and the script come from README itself (``tests/docs/readme.py``); the
test only says where things are: the clone is a copy of the sources (``make dist``
already ran in it), ``<clone URL>`` is a git repository made from that copy, and the
simulator gets a free port instead of its default, so that a running one cannot clash.
"""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from queue import Empty, Queue

import pytest

from sfapi_sim.testing import free_port
from tests.docs.readme import install_commands, readme_block, simulator_command
from tests.packaging.environments import Built, fresh_venv, site_of

#: Each step ends well within this; it bounds a hang, it is not a speed target.
STEP_LIMIT = 120.0


def run_as_user(
    line: str, python: Path, cwd: Path, *pip_options: str
) -> subprocess.CompletedProcess[str]:
    """``line`` in bash, in ``cwd``, with ``pip`` installing into ``python``'s
    environment (this environment's pip, as the fresh ones have none)."""
    pip = shlex.join([sys.executable, "-m", "pip", "--python", str(python)])
    script = f'pip() {{ {pip} "$@" {shlex.join(pip_options)}; }}\n{line}\n'
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def git_repository_of(folder: Path) -> str:
    """A ``file://`` URL of a git repository holding ``folder``'s files at one commit."""
    for arguments in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "sources"],
    ):
        subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True)
    return folder.as_uri()


def installed_packages(python: Path) -> set[str]:
    site = site_of(python)
    return {name for name in ("sfapi_client", "sfapi_sim", "sfapi_cli") if (site / name).is_dir()}


def test_readme_shows_the_three_ways_to_install() -> None:
    clone, git_url, wheel = install_commands()
    assert "<clone URL>" in git_url and "dist/" in wheel and '"."' not in clone


def test_install_from_a_git_url(built: Built, tmp_path: Path) -> None:
    """README's git URL line, with the URL of a repository made from the sources;
    ``--no-deps``: the dependencies are the same as the clone's, installed below."""
    sources = tmp_path / "repository"
    subprocess.run(["cp", "-a", str(built.clone), str(sources)], check=True)
    subprocess.run(["rm", "-rf", str(sources / "dist"), str(sources / "build")], check=True)
    url = git_repository_of(sources)
    line = install_commands()[1].replace("<clone URL>", url)
    python = fresh_venv(tmp_path)
    result = run_as_user(line, python, tmp_path, "--no-deps")
    assert result.returncode == 0, result.stdout + result.stderr
    assert installed_packages(python) == {"sfapi_client", "sfapi_sim", "sfapi_cli"}


def test_install_from_the_built_wheel(built: Built, tmp_path: Path) -> None:
    """README's wheel line, in the clone where ``make dist`` ran."""
    python = fresh_venv(tmp_path)
    result = run_as_user(install_commands()[2], python, built.clone, "--no-deps")
    assert result.returncode == 0, result.stdout + result.stderr
    assert installed_packages(python) == {"sfapi_client", "sfapi_sim", "sfapi_cli"}


@pytest.fixture(scope="module")
def user_python(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment after README's first install line, run in the clone, with
    the dependencies pip resolves for it."""
    python = fresh_venv(tmp_path_factory.mktemp("user"))
    result = run_as_user(install_commands()[0], python, built.clone)
    assert result.returncode == 0, result.stdout + result.stderr
    return python


def read_until(lines: Queue[str], marker: str, limit: float) -> list[str]:
    """Lines from ``lines`` (a process's output, put there by a thread) up to the one
    holding ``marker``, waiting at most ``limit`` seconds."""
    seen: list[str] = []
    deadline = time.monotonic() + limit
    while not seen or marker not in seen[-1]:
        try:
            seen.append(lines.get(timeout=max(deadline - time.monotonic(), 0.01)))
        except Empty:
            raise AssertionError(f"no {marker!r} within {limit} s; printed: {seen}") from None
    return seen


def exported(lines: list[str]) -> dict[str, str]:
    """The variables of the ``export NAME=VALUE`` lines, read as a shell reads them."""
    found: dict[str, str] = {}
    for line in lines:
        if line.startswith("export "):
            name, _, value = line.removeprefix("export ").strip().partition("=")
            (found[name],) = shlex.split(value)
    return found


def wait_for_port(port: int, limit: float) -> None:
    deadline = time.monotonic() + limit
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.fixture
def simulator_exports(user_python: Path, tmp_path: Path) -> Iterator[dict[str, str]]:
    """README's simulator command, run from the user's environment in a folder of
    their own; the variables it tells the user to export."""
    folder = tmp_path / "terminal-1"
    folder.mkdir()
    port = free_port()
    command = [*shlex.split(simulator_command()), "--port", str(port)]
    command[0] = str(user_python.parent / command[0])
    process = subprocess.Popen(
        command,
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    stdout = process.stdout
    output: Queue[str] = Queue()
    reader = threading.Thread(target=lambda: [output.put(line) for line in stdout], daemon=True)
    reader.start()
    try:
        lines = read_until(output, "Ctrl-C", STEP_LIMIT)
        wait_for_port(port, STEP_LIMIT)
        yield exported(lines)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=15)
        stdout.close()


def test_readme_first_job_runs_against_the_simulator(
    user_python: Path, simulator_exports: dict[str, str], tmp_path: Path
) -> None:
    assert set(simulator_exports) == {
        "SFAPI_BASE_URL",
        "SFAPI_TOKEN_URL",
        "SFAPI_KEY",
        "SFAPI_WAIT_INTERVAL",
    }
    key = Path(simulator_exports["SFAPI_KEY"])
    assert key.is_absolute() and key.is_file() and key.name == "sim-key.pem"
    folder = tmp_path / "terminal-2"
    folder.mkdir()
    (folder / "first_job.py").write_text(readme_block("first_job.py"))
    # The user's shell: no SFAPI_* of this machine's, the exports pasted in.
    variables = {k: v for k, v in os.environ.items() if not k.startswith("SFAPI_")}
    result = subprocess.run(
        [str(user_python), "first_job.py"],
        cwd=folder,
        env={**variables, **simulator_exports},
        capture_output=True,
        text=True,
        timeout=STEP_LIMIT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    first, second = result.stdout.splitlines()
    assert first.startswith("job ") and first.endswith(" ended COMPLETED"), first
    assert second == "hello from nid001234"
