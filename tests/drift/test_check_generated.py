"""``python -m generator check`` (make check-generated) notices an edited template."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def test_edited_template_fails_the_check_and_names_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    endpoints = templates / "endpoints.py.jinja"
    endpoints.write_text(endpoints.read_text() + "\n# a line the committed package lacks\n")

    assert main(["check", "--templates", str(templates)]) == 1
    out = capsys.readouterr().out
    assert "differs from what spec/, templates/ and generator/ produce" in out
    for module in ("_async/endpoints/compute.py", "_sync/endpoints/tasks.py"):
        assert f"  changed: {module}" in out
    assert "-# a line the committed package lacks" in out
    assert "  changed: models/_schemas.py" not in out  # only what the template makes


def test_unedited_inputs_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "matches its inputs" in capsys.readouterr().out
