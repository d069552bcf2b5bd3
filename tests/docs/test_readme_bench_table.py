"""README's performance table is what ``bench/readme_table.py`` writes from
``bench/results.json``: no figure in it is typed by hand or left from an older run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_table_is_rendered_from_the_results_file() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import readme_table
    finally:
        sys.path.remove(str(ROOT / "bench"))
    results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    _, rest = readme.split(readme_table.START + "\n", 1)
    table, _ = rest.split("\n" + readme_table.END, 1)
    assert table == readme_table.render(results)
    cold = results["figures"]["codegen_cold_s"]
    assert cold["peer"] is not None and cold["timeline"]["cpu_by_stage"]
