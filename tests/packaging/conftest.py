"""The packaging tests share one build: the wheel and sdist ``make dist`` makes in a
copy of the sources, once per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.environments import Built, copy_sources


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """``make dist`` in a copy of the sources, run with this environment's tools (the
    copy's own ``.venv`` is taken as made: ``-o`` keeps make from creating it)."""
    clone = copy_sources(tmp_path_factory.mktemp("build") / "sfapi-client-codegen")
    result = subprocess.run(
        ["make", "-o", ".venv/.installed", "dist", f"BIN={Path(sys.executable).parent}"],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (clone / "dist").glob("sfapi_client_codegen-*-py3-none-any.whl")
    (sdist,) = (clone / "dist").glob("sfapi_client_codegen-*.tar.gz")
    return Built(clone=clone, wheel=wheel, sdist=sdist)
