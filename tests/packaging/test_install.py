"""The generated package is an ordinary library: built as a wheel, installed into a
fresh virtual environment, imported from there with its low-level clients.

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


def test_installed_wheel_imports_in_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    fresh_site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
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

    result = subprocess.run(
        [str(python), "-c", IMPORT_CHECK],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    found = json.loads(result.stdout)
    assert Path(found["file"]).is_relative_to(fresh_site)
    assert found["typed"] is True
    assert {"account", "compute", "meta", "status", "storage", "tasks", "utilities"} <= set(
        found["endpoints"]
    )
    assert found["machines"] == ["dtn01", "dtns", "perlmutter"]
