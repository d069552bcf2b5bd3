"""The generated package is an ordinary library: built as a wheel, installed into a
fresh virtual environment, imported from there with its low-level clients; and a user's
own test file gets the simulator's ``sim`` fixture from the installed plugin, without
any conftest.

The wheel is built without a network (``--no-build-isolation``, the dev extra brings
setuptools) and installed with ``--no-deps``; the fresh environment reaches httpx2
and pydantic through a path entry to this environment's site-packages, placed after
its own, so that every ``sfapi_client`` module is the installed copy and not the
source tree.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

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


#: What a source distribution of the project holds; the wheel is built from a copy
#: of these, so that building leaves nothing (``build/``, ``*.egg-info``) in the checkout.
SOURCES = ("pyproject.toml", "README.md", "generated", "simulator", "cli")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("sfapi_client_codegen-*.whl")
    return built


def test_wheel_holds_the_packages_and_no_tests_or_generator(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.startswith("sfapi_client_codegen")}
    assert tops == {"sfapi_client", "sfapi_sim", "sfapi_cli"}
    assert "sfapi_client/py.typed" in names
    assert "sfapi_client/_sync/api_client.py" in names
    assert "sfapi_client/_async/endpoints/compute.py" in names


def site_of(python: Path) -> Path:
    return Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )


@pytest.fixture(scope="module")
def fresh_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a new virtual environment with the wheel installed."""
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    fresh_site = site_of(python)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # Dependencies only: a plain path entry is not a site dir, so the editable
    # install of this checkout (a .pth finder in our site-packages) stays inactive.
    (fresh_site / "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return python


def test_installed_wheel_imports_in_a_fresh_environment(fresh_python: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(fresh_python), "-c", IMPORT_CHECK],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    found = json.loads(result.stdout)
    assert Path(found["file"]).is_relative_to(site_of(fresh_python))
    assert found["typed"] is True
    assert {"account", "compute", "meta", "status", "storage", "tasks", "utilities"} <= set(
        found["endpoints"]
    )
    assert found["machines"] == ["dtn01", "dtns", "perlmutter"]


def user_pytest(python: Path, folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """pytest of ``python`` in ``folder``, as a user runs it there. This environment's
    pytest-asyncio is reachable through the path entry; a user's project need not have
    an async plugin, so it is turned off."""
    return subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:asyncio", *options],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=180,
        check=False,
    )


def test_a_users_test_file_gets_the_sim_fixture_without_a_conftest(
    fresh_python: Path, tmp_path: Path
) -> None:
    """The testing page's example, run as a user runs it: a folder holding only the
    test file, pytest from the fresh environment, the plugin found by its entry point."""
    user_tests = tmp_path / "my_project"
    user_tests.mkdir()
    shutil.copy2(ROOT / "examples" / "test_with_simulator.py", user_tests)
    result = user_pytest(fresh_python, user_tests, "-W", "error")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
    # The installed plugin provides it ...
    plugins = user_pytest(fresh_python, user_tests, "--trace-config", "--co").stdout
    plugin_lines = [line for line in plugins.splitlines() if "sfapi_sim" in line]
    assert any(str(site_of(fresh_python)) in line for line in plugin_lines), plugin_lines
    # ... through its entry point: with the plugin turned off, the fixture is missing.
    without = user_pytest(fresh_python, user_tests, "-p", "no:sfapi_sim")
    assert without.returncode == 1 and "fixture 'sim' not found" in without.stdout
