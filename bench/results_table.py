"""Rewrite the performance tables from bench/results.json: the maintainers' site page
(every figure) and the README (the figures that have a target).

Each table sits between two marker comments (docs/maintainers/performance.md,
README.md); everything between them is replaced, nothing else is touched. ``make
bench`` runs this after writing the results; ``python bench/results_table.py`` redoes
it alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from targets import FIGURES

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "maintainers" / "performance.md"
README = ROOT / "README.md"
RESULTS = ROOT / "bench" / "results.json"
START = "<!-- bench-table:start (written by bench/results_table.py from bench/results.json) -->"
END = "<!-- bench-table:end -->"
SUMMARY_START = "<!-- bench-summary:start (written by bench/results_table.py) -->"
SUMMARY_END = "<!-- bench-summary:end -->"


def _number(value: float, unit: str) -> str:
    text = f"{value:.3g}" if value < 100 else f"{value:.0f}"
    return f"{text} {unit}".strip()


def _median(stats: dict[str, float] | None, unit: str) -> str:
    if not stats:
        return "—"
    return f"{_number(stats['median'], unit)} ({stats['min']:.3g}-{stats['max']:.3g})"


def _met(entry: dict[str, Any]) -> str:
    if "met" not in entry:
        return ""
    return "yes" if entry["met"] else "**no**"


def render(results: dict[str, Any]) -> str:
    meta = results["metadata"]
    peers = ", ".join(
        f"{name} {'(' + ', '.join(f'{k} {v}' for k, v in peer['versions'].items()) + ')'}"
        if peer["installed"]
        else f"{name}: not installed ({peer['reason']})"
        for name, peer in meta["peers"].items()
    )
    lines = [
        f"Run of {meta['date']}, {meta['machine']['cores']} cores, Python "
        f"{meta['machine']['python']}, load average {meta['load_average_before'][0]:.2f} "
        f"before and {meta['load_average_after'][0]:.2f} after (shared machine); "
        f"{meta['repeats']} alternating runs per side ({meta['codegen_repeats']} for codegen), "
        f"median (min-max). Peers: {peers}.",
        *_codegen_run(meta),
        *_large_run(meta),
        "",
        "| measure | ours | peer | ours / peer | target | met |",
        "|---|---|---|---|---|---|",
    ]
    figures = results["figures"]
    jobs = figures.get("monitor_setup", {}).get("jobs", "")
    for figure in FIGURES:
        entry = figures.get(figure.key)
        if entry is None:
            continue
        ratio = "—" if entry["ratio"] is None else f"{entry['ratio']:.2f}"
        peer = _median(entry["peer"], figure.unit)
        if entry.get("peer_failed"):
            peer = f"fails: `{entry['peer_failed']}`"
        lines.append(
            f"| {figure.label.format(jobs=f'{jobs:,}')} | {_median(entry['ours'], figure.unit)} | "
            f"{peer} | {ratio} | {figure.target} | {_met(entry)} |"
        )
    lines += _codegen_profile(figures.get("codegen_cold_cpu_s", {}))
    memory = results.get("monitoring_memory")
    if memory:
        after = memory["peak_rss_mib_after_rounds"]
        lines += [
            "",
            f"Peak memory of our process while {memory['jobs']:,} queued jobs are waited "
            f"on (in-memory job table, a process of its own; "
            f"{memory['rss_before_waits_mib']:.1f} MiB before the waits), after round:",
            "",
            "| " + " | ".join(after) + " |",
            "|" + "---|" * len(after),
            "| " + " | ".join(f"{value:.1f} MiB" for value in after.values()) + " |",
        ]
    ours_alone = results.get("simulator", {})
    if ours_alone:
        lines += ["", "Ours alone, over real HTTP against the local simulator:", ""]
        lines += ["| measure | figure |", "|---|---|"]
        for key, value in ours_alone.items():
            text = _median(value, "") if isinstance(value, dict) else f"{value:.4g}"
            lines.append(f"| `{key}` | {text} |")
    return "\n".join(lines)


def summary(results: dict[str, Any]) -> str:
    """The README's table: each figure that has a target, ours beside the peer's."""
    lines = [
        "| measure | ours | peer | ours / peer | target | met |",
        "|---|---|---|---|---|---|",
    ]
    figures = results["figures"]
    for figure in FIGURES:
        entry = figures.get(figure.key)
        if entry is None or "met" not in entry:
            continue
        ratio = "—" if entry["ratio"] is None else f"{entry['ratio']:.2f}"
        ours = _number(entry["ours"]["median"], figure.unit)
        peer = _number(entry["peer"]["median"], figure.unit) if entry["peer"] else "—"
        jobs = figures.get("monitor_setup", {}).get("jobs", "")
        label = figure.label.format(jobs=f"{jobs:,}")
        lines.append(f"| {label} | {ours} | {peer} | {ratio} | {figure.target} | {_met(entry)} |")
    return "\n".join(lines)


def _codegen_run(meta: dict[str, Any]) -> list[str]:
    """The sentence that dates the codegen figures when they come from a run of their
    own (``bench/run.py --codegen-only``)."""
    run = meta.get("codegen_run")
    if not run:
        return []
    return [
        "",
        f"The codegen figures are from a later run of their own ({run['date']}, "
        f"`python bench/run.py --codegen-only`, {run['codegen_repeats']} alternating runs "
        f"per side, load average {run['load_average_before'][0]:.2f} before and "
        f"{run['load_average_after'][0]:.2f} after).",
    ]


def _large_run(meta: dict[str, Any]) -> list[str]:
    """The sentence that dates the large-document figures when they come from a run of
    their own (``python bench/large.py --record``)."""
    run = meta.get("large_run")
    if not run:
        return []
    return [
        "",
        f"The figures on GitHub's whole description are from a run of their own "
        f"({run['date']}, `python bench/large.py --record`, {run['rounds']} run(s) per side "
        f"for codegen, 3 for the first call, load average "
        f"{run['load_average_before'][0]:.2f} before and {run['load_average_after'][0]:.2f} "
        "after).",
    ]


def _codegen_profile(cpu: dict[str, Any]) -> list[str]:
    """Where a codegen run spends its CPU: the stages of one of ours (``--timeline``), so
    that a missed target comes with the profile that explains it."""
    timeline = cpu.get("timeline")
    if not timeline:
        return []
    lines = [
        "",
        "Ours by stage, one run of `python -m generator codegen --force --timeline FILE` "
        "(one process; `format` includes its `ruff format` child):",
        "",
        "| stage | CPU | wall |",
        "|---|---|---|",
    ]
    for stage, entry in timeline["cpu_by_stage"].items():
        if entry["cpu"] < 0.005:
            continue
        lines.append(f"| {stage} | {entry['cpu']:.3f} s | {entry['wall']:.3f} s |")
    return lines


def rewrite(page: Path = PAGE, results_file: Path = RESULTS, readme: Path = README) -> None:
    results = json.loads(results_file.read_text(encoding="utf-8"))
    _replace_between(page, START, END, render(results))
    _replace_between(readme, SUMMARY_START, SUMMARY_END, summary(results))


def _replace_between(path: Path, start: str, end: str, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise SystemExit(f"{path.name}: the markers {start!r} and {end!r} are missing")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{start}\n{table}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    rewrite()
    sys.exit(0)
