"""``make bench``: a repeatable benchmark suite; prints a table, writes bench/results.json.

Each figure is the median of repeated runs, with min and max beside it. Speed is
measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
sys.path.insert(0, str(ROOT / "bench"))


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def timed(run: Callable[[], Any], repeats: int) -> list[float]:
    values = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        values.append(time.perf_counter() - started)
    return values


def codegen_times(repeats: int) -> list[float]:
    """Wall time of the whole pipeline (fresh process, forced, into a scratch folder)."""
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "generator", "codegen", "--force", "--out", scratch]
        return timed(
            lambda: subprocess.run(command, cwd=ROOT, check=True, capture_output=True), repeats
        )


def import_times(repeats: int) -> dict[str, Any]:
    """``import sfapi_client`` in a fresh process, and the ten slowest imports.

    ``cached``: with byte-code caches in place, as after ``pip install`` or any earlier
    run (caches go to a scratch ``PYTHONPYCACHEPREFIX``, written by one warm-up run).
    ``uncached``: every module compiled from source, as under PYTHONDONTWRITEBYTECODE=1.
    """
    command = [sys.executable, "-c", "import sfapi_client"]
    with tempfile.TemporaryDirectory() as caches:
        cached_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached_env["PYTHONPYCACHEPREFIX"] = caches
        subprocess.run(command, check=True, env=cached_env)
        cached = timed(lambda: subprocess.run(command, check=True, env=cached_env), repeats)
        trace = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import sfapi_client"],
            check=True,
            capture_output=True,
            text=True,
            env=cached_env,
        ).stderr
    with tempfile.TemporaryDirectory() as empty:
        uncached_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": empty}
        uncached = timed(lambda: subprocess.run(command, check=True, env=uncached_env), repeats)
    rows = []
    for line in trace.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s+(.*)", line)
        if match:
            rows.append((match.group(3).strip(), int(match.group(1))))
    return {
        "cached": cached,
        "uncached": uncached,
        "slowest": sorted(rows, key=lambda r: -r[1])[:10],
    }


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and calls")
    args = parser.parse_args(argv)
    repeats, calls = (2, 500) if args.quick else (args.repeats, args.calls)

    results: dict[str, Any] = {"machine": machine(), "repeats": repeats}
    rows: list[tuple[str, str, str]] = []

    values = codegen_times(repeats)
    results["codegen_s"] = summary(values)
    rows.append(("codegen_s", "s", _fmt(results["codegen_s"])))

    imports = import_times(repeats)
    results["import_s"] = summary(imports["cached"])
    results["import_uncached_s"] = summary(imports["uncached"])
    results["import_slowest_us"] = imports["slowest"]
    rows.append(("import_s", "s", _fmt(results["import_s"])))
    rows.append(("import_uncached_s", "s", _fmt(results["import_uncached_s"])))

    from overhead import measure

    figures = measure(calls, repeats)
    results["calls"] = calls
    for name, values in figures.items():
        results[f"{name}_us"] = summary(values)
        rows.append((f"{name}_us", "µs/call", _fmt(results[f"{name}_us"])))
    for side in ("async", "sync"):
        floor = statistics.median(figures[f"{side}_floor"])
        low = statistics.median(figures[f"{side}_low_level"]) / floor
        high = statistics.median(figures[f"{side}_ergonomic"]) / floor
        results[f"overhead_ratio_{side}_low_level"] = low
        results[f"overhead_ratio_{side}"] = max(low, high)
        rows.append((f"overhead_ratio_{side}", "x floor", f"{max(low, high):.3f}"))

    from simulated import run_all

    for key, value in run_all(quick=args.quick).items():
        results[key] = value
        rows.append((key, "", _fmt(value) if isinstance(value, dict) else f"{value:.4g}"))

    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'unit':8}  median [min - max]")
    for name, unit, text in rows:
        print(f"{name:{width}}  {unit:8}  {text}")
    print("\nslowest imports (self time, µs):")
    for module, micros in imports["slowest"]:
        print(f"  {micros:8d}  {module}")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    shutil.rmtree(ROOT / "bench" / "__pycache__", ignore_errors=True)
    return 0


def _fmt(stats: dict[str, float]) -> str:
    return f"{stats['median']:.4g} [{stats['min']:.4g} - {stats['max']:.4g}]"


if __name__ == "__main__":
    sys.exit(main())
