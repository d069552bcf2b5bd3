"""Helpers of the packaging tests: copies of the project's sources as a clone holds
them, and fresh virtual environments filled by pip as a user's are."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: What a build needs of the project: the wheel and the sdist are made from a copy of
#: these, so that building leaves nothing (``build/``, ``*.egg-info``) in the checkout.
SOURCES = ("pyproject.toml", "README.md", "Makefile", "generated", "simulator", "cli")


@dataclass(frozen=True)
class Built:
    """A copy of the sources (``clone``) after ``make dist``, and what it built."""

    clone: Path
    wheel: Path
    sdist: Path


def copy_sources(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, destination / name)
    return destination


def fresh_venv(folder: Path) -> Path:
    """The python of a new, empty virtual environment in ``folder``."""
    env_dir = folder / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    return env_dir / "bin" / "python"


def pip_into(python: Path, *arguments: str, cwd: Path | None = None) -> None:
    """This environment's pip, installing into the environment of ``python``."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def site_of(python: Path) -> Path:
    return Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
