"""The generated package is an ordinary library: built as a wheel, installed into
fresh virtual environments as a user installs it, and used there.

- With the base package alone (and pytest), the package imports, and a user's own
  tests run as before: the simulator's pytest plugin is registered but inert, and a
  test that asks for its ``sim`` fixture fails saying which extra to install.
- With the ``sim`` extra, a user's test file gets the ``sim`` fixture from the
  installed plugin, without any conftest.

The wheel is the one ``make dist`` builds (once per session, without a network: the
dev extra brings setuptools); each environment gets it with its dependencies through
pip's ordinary resolution, so it holds only what the wheel's metadata asks for.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.packaging.environments import ROOT, Built, fresh_venv, pip_into, site_of

IMPORT_CHECK = """
import json, sys
import sfapi_client
from sfapi_client import ApiClient, AsyncApiClient, Client, AsyncClient, Machines
from sfapi_client.models import JobSacct, JobSqueue, ComputeStatus
client = ApiClient("http://127.0.0.1:9/api/v1.2")
print(json.dumps({
    "file": sfapi_client.__file__,
    "typed": __import__("importlib.resources").resources.files("sfapi_client")
        .joinpath("py.typed").is_file(),
    "endpoints": sorted(n for n in dir(client) if not n.startswith("_")),
    "machines": [m.value for m in Machines],
}))
"""


@pytest.fixture(scope="module")
def wheel(built: Built) -> Path:
    return built.wheel


def test_wheel_holds_the_packages_and_no_tests_or_generator(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.startswith("sfapi_client_codegen")}
    assert tops == {"sfapi_client", "sfapi_sim", "sfapi_cli"}
    assert "sfapi_client/py.typed" in names
    assert "sfapi_client/_sync/api_client.py" in names
    assert "sfapi_client/_async/endpoints/compute.py" in names


def test_the_sdist_holds_what_a_build_needs(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"pyproject.toml", "README.md", "generated/sfapi_client/__init__.py"} <= names
    assert "simulator/sfapi_sim/pytest_plugin.py" in names and "cli/sfapi_cli/app.py" in names


def install_into_fresh_venv(folder: Path, *requirements: str) -> Path:
    """The python of a new virtual environment in ``folder`` holding ``requirements``
    and their dependencies, resolved by pip as for any user."""
    python = fresh_venv(folder)
    pip_into(python, *requirements)
    return python


@pytest.fixture(scope="module")
def base_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel, without extras, and pytest."""
    return install_into_fresh_venv(tmp_path_factory.mktemp("base"), str(wheel), "pytest")


@pytest.fixture(scope="module")
def sim_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel and its ``sim`` extra, which brings pytest."""
    return install_into_fresh_venv(tmp_path_factory.mktemp("sim"), f"{wheel}[sim]")


def test_installed_wheel_imports_in_a_fresh_environment(base_python: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(base_python), "-c", IMPORT_CHECK],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    found = json.loads(result.stdout)
    assert Path(found["file"]).is_relative_to(site_of(base_python))
    assert found["typed"] is True
    assert {"account", "compute", "meta", "status", "storage", "tasks", "utilities"} <= set(
        found["endpoints"]
    )
    assert found["machines"] == ["dtn01", "dtns", "perlmutter"]


def user_pytest(python: Path, folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """pytest of ``python`` in ``folder``, as a user runs it there."""
    return subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", *options],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=180,
        check=False,
    )


UNRELATED_TESTS = """
def add(a, b):
    return a + b


def test_add():
    assert add(2, 3) == 5


def test_text():
    assert "sfapi".upper() == "SFAPI"
"""

ASKS_FOR_SIM = """
def test_uses_the_simulator(sim):
    assert sim.base_url
"""


def test_the_base_package_leaves_a_users_tests_alone(base_python: Path, tmp_path: Path) -> None:
    """Installed without extras, the package must not break pytest in a project that
    never uses the simulator: the plugin loads without the simulator's dependencies."""
    missing = subprocess.run(
        [str(base_python), "-c", "import uvicorn"], capture_output=True, text=True, check=False
    )
    assert "No module named 'uvicorn'" in missing.stderr, "the base environment has uvicorn"
    project = tmp_path / "unrelated_project"
    project.mkdir()
    (project / "test_unrelated.py").write_text(UNRELATED_TESTS)
    result = user_pytest(base_python, project, "-W", "error")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
    # The plugin is there, registered by its entry point, and loaded without complaint.
    plugins = user_pytest(base_python, project, "--trace-config", "--co").stdout
    assert any("sfapi_sim" in line for line in plugins.splitlines()), plugins


def test_asking_for_sim_without_the_extra_names_the_extra(
    base_python: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "test_unrelated.py").write_text(UNRELATED_TESTS)
    (project / "test_sim.py").write_text(ASKS_FOR_SIM)
    result = user_pytest(base_python, project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "2 passed, 1 error" in result.stdout
    assert "pip install 'sfapi-client-codegen[sim]'" in result.stdout
    assert "No module named" in result.stdout
    assert "Traceback" not in result.stdout


def test_a_users_test_file_gets_the_sim_fixture_without_a_conftest(
    sim_python: Path, tmp_path: Path
) -> None:
    """The testing page's example, run as a user runs it: a folder holding only the
    test file, pytest from the fresh environment (brought by the ``sim`` extra), the
    plugin found by its entry point."""
    user_tests = tmp_path / "my_project"
    user_tests.mkdir()
    shutil.copy2(ROOT / "examples" / "test_with_simulator.py", user_tests)
    result = user_pytest(sim_python, user_tests, "-W", "error")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
    # The installed plugin provides it ...
    plugins = user_pytest(sim_python, user_tests, "--trace-config", "--co").stdout
    plugin_lines = [line for line in plugins.splitlines() if "sfapi_sim" in line]
    assert any(str(site_of(sim_python)) in line for line in plugin_lines), plugin_lines
    # ... through its entry point: with the plugin turned off, the fixture is missing.
    without = user_pytest(sim_python, user_tests, "-p", "no:sfapi_sim")
    assert without.returncode == 1 and "fixture 'sim' not found" in without.stdout


@pytest.mark.parametrize(
    ("command", "extra"),
    [(["sfapi", "status"], "cli"), (["sfapi-sim", "serve"], "sim")],
)
def test_the_commands_without_their_extras_say_which_to_install(
    base_python: Path, command: list[str], extra: str
) -> None:
    """The console scripts come with the package whatever its extras; without theirs they
    say which to install, in one line, rather than fail on an import."""
    name, *args = command
    done = subprocess.run(
        [str(base_python.parent / name), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert f"pip install 'sfapi-client-codegen[{extra}]'" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    assert done.stdout == ""
