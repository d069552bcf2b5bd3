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
    if path.name not in HELPERS
    and not path.name.startswith("test_")
    # Prefect's flows need a Prefect server: the integration's tests run them with one.
    and "prefect" not in path.name
)
SHELL_SCRIPTS = sorted(EXAMPLES.glob("*.sh"))

#: Each script ends well within this; it bounds a hang, it is not a speed target.
TIME_LIMIT = 120


def environment(**variables: str) -> dict[str, str]:
    """This process's environment with ``variables``, and this environment's scripts
    (``python``, ``sfapi``) first on the PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": path, **variables}


def example_environment(sim: RunningSimulator) -> dict[str, str]:
    """The variables a user exports to point the examples at a simulator."""
    return environment(
        SFAPI_KEY=str(sim.key_file),
        SFAPI_BASE_URL=sim.base_url,
        SFAPI_TOKEN_URL=sim.token_url,
        SFAPI_WAIT_INTERVAL="0.1",
    )


def run(
    command: list[str], variables: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command,
        env=variables,
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
    result = run([sys.executable, str(script)], example_environment(sim), cwd=tmp_path)
    assert result.stdout.strip(), f"{script.name} printed nothing"
    assert result.stderr == "", result.stderr


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda path: path.name)
def test_shell_example_runs_against_the_simulator(
    script: Path, sim: RunningSimulator, tmp_path: Path
) -> None:
    result = run(["bash", str(script)], example_environment(sim), cwd=tmp_path)
    assert result.stdout.strip(), f"{script.name} printed nothing"


def test_every_shell_example_parses() -> None:
    """Shell examples not run here (installs, edits of the repository) are valid bash."""
    for script in EXAMPLES.rglob("*.sh"):
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script}: {result.stderr}"


def test_the_drift_example_reports_no_drift_against_the_committed_document() -> None:
    variables = environment(SFAPI_SPEC_URL=str(ROOT / "spec" / "openapi.json"))
    result = run(["bash", str(EXAMPLES / "maintainers" / "drift.sh")], variables, cwd=ROOT)
    assert "**no drift: 0 change(s), 0 breaking**" in result.stdout
    assert result.stdout.rstrip().endswith("no drift")


def test_the_generator_example_makes_a_package_for_another_api(tmp_path: Path) -> None:
    script = EXAMPLES / "maintainers" / "generate_petstore.sh"
    result = run(["bash", str(script), str(tmp_path)], environment(), cwd=ROOT)
    assert "id=1 name='Rex' tag=None" in result.stdout
    assert "https://pets.example.org/v1 ['list_pets', 'show_pet']" in result.stdout
