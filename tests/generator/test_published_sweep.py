"""The sweep of published descriptions (``published_sweep.py``), run as a maintainer
runs it: a document that passes every step, one the generator refuses, and a step
that outlives its bound."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.generator.conftest import CORPUS
from tests.generator.published_sweep import main, run_measured

INVALID = Path(__file__).parent / "invalid"


def test_the_sweep_prints_a_row_per_document_and_the_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = CORPUS / "oai" / "petstore.yaml"
    bad = INVALID / "bad-model-default.yaml"
    code = main([str(good), str(bad), "--out", str(tmp_path), "--timeout", "300"])
    out = capsys.readouterr().out
    assert code == 1
    rows = {line.split("|")[1].strip(): line for line in out.splitlines() if line.startswith("| ")}
    cells = [cell.strip() for cell in rows["petstore.yaml"].split("|")[1:-1]]
    # document, openapi, size, operations, 3 codegen measures, import, models, mypy errors
    assert cells[1] == "3.0.0" and cells[3] == "3"
    assert float(cells[4]) > 0 and float(cells[6]) > 0
    assert cells[7] == "ok" and cells[8] == "3/3" and cells[9] == "0"
    refused = [cell.strip() for cell in rows["bad-model-default.yaml"].split("|")[1:-1]]
    assert refused[3] == "-" and refused[7:] == ["-", "-", "-", "-", "-"]
    assert f"{bad}:\n  codegen exit 2\n  error: {bad}#/components/schemas/Order" in out
    assert (tmp_path / "published_petstore" / "published_petstore" / "models").is_dir()


def test_a_step_is_killed_at_its_bound() -> None:
    start = time.monotonic()
    measured = run_measured([sys.executable, "-c", "import time; time.sleep(60)"], timeout=0.5)
    assert measured.timed_out and measured.code != 0
    assert time.monotonic() - start < 10
