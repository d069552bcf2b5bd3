"""The maintainers' performance page and the README's summary show what
``bench/results_table.py`` writes from ``bench/results.json``: no figure in them is typed
by hand or left from an older run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "maintainers" / "performance.md"


def test_the_performance_tables_are_rendered_from_the_results_file() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import results_table
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert results_table.PAGE == PAGE
    results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    page = PAGE.read_text(encoding="utf-8")
    _, rest = page.split(results_table.START + "\n", 1)
    table, _ = rest.split("\n" + results_table.END, 1)
    assert table == results_table.render(results)
    readme = results_table.README.read_text(encoding="utf-8")
    _, rest = readme.split(results_table.SUMMARY_START + "\n", 1)
    summary, _ = rest.split("\n" + results_table.SUMMARY_END, 1)
    assert summary == results_table.summary(results)
    assert "codegen `--force`, `spec/openapi.json`: CPU time" in summary
    wall = results["figures"]["codegen_cold_s"]
    cpu = results["figures"]["codegen_cold_cpu_s"]
    assert wall["peer"] is not None and wall["target"] and "met" in wall
    assert cpu["peer"] is not None and cpu["target"] and "met" in cpu
    assert cpu["timeline"]["cpu_by_stage"]
