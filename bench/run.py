"""``make bench``: ours against the peers in one run; writes bench/results.json and
rewrites the performance tables of docs/maintainers/performance.md from it.

Peers are installed into side environments under ``bench/.peers/`` (see peers.py):
openapi-python-client for codegen on the same spec, NERSC's sfapi_client 0.6.0 for
start-up, per-call overhead and monitoring requests. Runs alternate, ours then the
peer's. A peer that cannot be installed is reported and our side is still measured.
Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(1, str(ROOT))  # the generator, whose timeline files the bench reads

import large  # noqa: E402
import peers  # noqa: E402
import results_table  # noqa: E402
import sidebyside  # noqa: E402
from targets import FIGURES, judge  # noqa: E402


def import_profile(repeats: int) -> dict[str, Any]:
    """Our start-up line compiled from source, and the ten slowest imports (self time)."""
    line = sidebyside.OURS_STARTUP
    with sidebyside.cached_env(dict(os.environ)) as env:
        subprocess.run([sys.executable, "-c", line], check=True, env=env)
        trace = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", line],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stderr
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": empty}
        uncached = sidebyside.alternate(
            sidebyside.wall([sys.executable, "-c", line], env=env), None, repeats
        )[0]
    rows = []
    for row in trace.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s+(.*)", row)
        if match:
            rows.append((match.group(3).strip(), int(match.group(1))))
    return {
        "startup_import_uncached_s": sidebyside.summary(uncached),
        "import_slowest_self_us": sorted(rows, key=lambda r: -r[1])[:10],
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
    parser.add_argument(
        "--codegen-repeats",
        type=int,
        default=11,
        help="rounds of the codegen comparison, whose ratio swings most with the machine",
    )
    parser.add_argument(
        "--large-repeats",
        type=int,
        default=1,
        help="rounds of codegen on GitHub's whole description (about a minute a side each)",
    )
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and calls")
    parser.add_argument(
        "--no-page", action="store_true", help="leave docs/maintainers/performance.md as it is"
    )
    parser.add_argument(
        "--codegen-only",
        action="store_true",
        help="measure codegen alone and replace only its figures in bench/results.json",
    )
    args = parser.parse_args(argv)
    repeats, calls = (2, 500) if args.quick else (args.repeats, args.calls)
    codegen_repeats = 2 if args.quick else args.codegen_repeats
    if args.codegen_only:
        return codegen_only(codegen_repeats, args.large_repeats, page=not args.no_page)

    load_before = os.getloadavg()
    outcomes = {
        spec.name: peers.prepare(spec) for spec in (peers.OPENAPI_PYTHON_CLIENT, peers.SFAPI_CLIENT)
    }
    for outcome in outcomes.values():
        if isinstance(outcome, peers.Unavailable):
            print(
                f"peer {outcome.requirement} not installed, ours measured alone: {outcome.reason}"
            )
    generator_peer = outcomes[peers.OPENAPI_PYTHON_CLIENT.name]
    client_peer = outcomes[peers.SFAPI_CLIENT.name]

    figures: dict[str, Any] = {}
    figures.update(sidebyside.codegen(generator_peer, codegen_repeats))
    figures.update(large.measure(generator_peer, args.large_repeats))
    figures.update(sidebyside.startup(client_peer, repeats))
    figures.update(sidebyside.overhead(client_peer, calls, repeats))
    figures.update(
        sidebyside.monitoring(
            client_peer, 300 if args.quick else 1000, 2.0, 0.25, 1.5, min(repeats, 3)
        )
    )
    figures.update(sidebyside.monitoring_scale(client_peer, (5000, 10000), 0.25, 3.0))
    judge(figures)
    memory = sidebyside.monitoring_memory(10000, (2, 5, 10) if args.quick else (2, 5, 10, 20, 40))

    from simulated import run_all

    simulator = run_all(quick=args.quick)
    profile = import_profile(repeats)
    results: dict[str, Any] = {
        "metadata": {
            "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
            "repeats": repeats,
            "codegen_repeats": codegen_repeats,
            "calls": calls,
            "peers": {name: peers.describe(outcome) for name, outcome in outcomes.items()},
        },
        "figures": figures,
        "monitoring_memory": memory,
        "simulator": simulator,
        "profile": profile,
    }
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    _print(results)
    if not args.no_page:
        results_table.rewrite()
        print("docs/maintainers/performance.md tables rewritten")
    shutil.rmtree(ROOT / "bench" / "__pycache__", ignore_errors=True)
    return 0


def codegen_only(repeats: int, large_repeats: int, *, page: bool) -> int:
    """The codegen comparison alone: its figures replace those of the last full run in
    results.json (the metadata's ``codegen_run`` says when and under what load)."""
    load_before = os.getloadavg()
    outcome = peers.prepare(peers.OPENAPI_PYTHON_CLIENT)
    if isinstance(outcome, peers.Unavailable):
        print(f"peer {outcome.requirement} not installed, ours measured alone: {outcome.reason}")
    figures = sidebyside.codegen(outcome, repeats)
    figures.update(large.measure(outcome, large_repeats))
    judge(figures)
    results: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8"))
    kept = {k: v for k, v in results["figures"].items() if not k.startswith(("codegen_", "large_"))}
    results["figures"] = figures | kept
    results["metadata"].pop("large_run", None)  # the large figures are this run's now
    results["metadata"]["codegen_run"] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "codegen_repeats": repeats,
        "peer": peers.describe(outcome),
    }
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    _print(results)
    if page:
        results_table.rewrite()
    shutil.rmtree(ROOT / "bench" / "__pycache__", ignore_errors=True)
    return 0


def _print(results: dict[str, Any]) -> None:
    figures = results["figures"]
    width = max(len(f.key) for f in FIGURES)
    print(f"{'measure':{width}}  {'ours':>10}  {'peer':>10}  {'ratio':>6}  target")
    for figure in FIGURES:
        entry = figures.get(figure.key)
        if entry is None:
            continue
        peer = "—" if entry["peer"] is None else f"{entry['peer']['median']:.4g}"
        ratio = "—" if entry["ratio"] is None else f"{entry['ratio']:.2f}"
        verdict = "" if "met" not in entry else ("met" if entry["met"] else "MISSED")
        print(
            f"{figure.key:{width}}  {entry['ours']['median']:>10.4g}  {peer:>10}  {ratio:>6}  "
            f"{figure.target} {verdict}"
        )
    print("\nslowest imports of our start-up line (self time, µs):")
    for module, micros in results["profile"]["import_slowest_self_us"]:
        print(f"  {micros:8d}  {module}")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
