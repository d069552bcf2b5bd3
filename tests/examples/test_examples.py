"""Every script under examples/ runs green against the simulator, as a user runs it:
a separate Python process, configured only by the SFAPI_* environment variables,
talking to the simulator over HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sfapi_sim.testing import RunningSimulator

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

#: Modules the scripts import rather than scripts to run.
HELPERS = {"connection.py"}

SCRIPTS = sorted(
    path
    for path in EXAMPLES.glob("*.py")
    if path.name not in HELPERS and not path.name.startswith("test_")
)
SHELL_SCRIPTS = sorted(EXAMPLES.glob("*.sh"))

#: Each script ends well within this; it bounds a hang, it is not a speed target.
TIME_LIMIT = 120


def example_environment(sim: RunningSimulator) -> dict[str, str]:
    """The variables a user exports to point the examples at a simulator."""
    return {
        **os.environ,
        "SFAPI_KEY": str(sim.key_file),
        "SFAPI_BASE_URL": sim.base_url,
        "SFAPI_TOKEN_URL": sim.token_url,
        "SFAPI_WAIT_INTERVAL": "0.1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def run(command: list[str], sim: RunningSimulator, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command,
        env=example_environment(sim),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        check=False,
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def test_there_are_examples() -> None:
    assert len(SCRIPTS) >= 10


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_example_runs_against_the_simulator(
    script: Path, sim: RunningSimulator, tmp_path: Path
) -> None:
    result = run([sys.executable, str(script)], sim, cwd=tmp_path)
    assert result.stdout.strip(), f"{script.name} printed nothing"
    assert result.stderr == "", result.stderr


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda path: path.name)
def test_shell_example_runs_against_the_simulator(
    script: Path, sim: RunningSimulator, tmp_path: Path
) -> None:
    result = run(["bash", str(script)], sim, cwd=tmp_path)
    assert result.stdout.strip(), f"{script.name} printed nothing"
