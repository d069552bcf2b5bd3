"""The figures the benchmark reports, with what each means and the target it must meet.

One table serves ``run.py`` (which records ``target`` and ``met`` beside each figure in
results.json) and ``results_table.py`` (which renders the maintainers' performance page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Entry = dict[str, Any]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    target: str = ""
    met: Callable[[Entry], bool] | None = None


def _ours(entry: Entry) -> float:
    return float(entry["ours"]["median"])


def _ratio_at_most(bound: float) -> Callable[[Entry], bool]:
    return lambda entry: entry["ratio"] is not None and entry["ratio"] <= bound


FIGURES = (
    Figure(
        "codegen_cold_s",
        "codegen `--force`, `spec/openapi.json`: wall time",
        "s",
        "≤ 1.0 x openapi-python-client",
        _ratio_at_most(1.0),
    ),
    Figure(
        "codegen_cold_cpu_s",
        "codegen `--force`, `spec/openapi.json`: CPU time, child processes included",
        "s",
        "≤ 1.0 x openapi-python-client",
        _ratio_at_most(1.0),
    ),
    Figure(
        "large_codegen_wall_s",
        "codegen `--force`, GitHub's whole description (1,223 operations): wall time",
        "s",
        "≤ 1.0 x openapi-python-client",
        _ratio_at_most(1.0),
    ),
    Figure(
        "large_codegen_cpu_s",
        "codegen, GitHub's whole description: CPU time, child processes included",
        "s",
    ),
    Figure(
        "large_codegen_rss_mib",
        "codegen, GitHub's whole description: peak memory of the process and its children",
        "MiB",
    ),
    Figure(
        "large_first_call_s",
        "GitHub's generated package: script up to its first answer (import, client, one call)",
        "s",
    ),
    Figure(
        "large_examples_parsed_pct",
        "GitHub's documented examples of answers that parse, with `lenient_answers`",
        "%",
        "≥ 95 %",
        lambda entry: _ours(entry) >= 95.0,
    ),
    Figure(
        "codegen_unchanged_s",
        "codegen on unchanged inputs",
        "s",
        "≤ 0.2 s",
        lambda e: _ours(e) <= 0.2,
    ),
    Figure(
        "startup_import_s",
        "`from sfapi_client import Client, Machine`, byte-code cached",
        "s",
        "≤ 0.16 s and ≤ 0.5 x sfapi_client 0.6.0",
        lambda e: _ours(e) <= 0.16 and _ratio_at_most(0.5)(e),
    ),
    Figure(
        "startup_first_call_s",
        "script up to its first answer (import, client, one status call)",
        "s",
        "≤ 1.0 x sfapi_client 0.6.0 (no slower first call)",
        _ratio_at_most(1.0),
    ),
    Figure("startup_import_rss_mib", "peak memory after the import line", "MiB"),
    Figure("cli_help_s", "`sfapi --help`", "s", "≤ 0.2 s", lambda e: _ours(e) <= 0.2),
    Figure("call_sync_ergonomic_us", "sync `resources.status` per call, MockTransport", "µs"),
    Figure("call_async_ergonomic_us", "async `resources.status` per call, MockTransport", "µs"),
    Figure(
        "call_sync_over_floor",
        "sync call / its HTTP library's floor (request + `json()` + pydantic)",
        "x",
        "≤ 1.15",
        lambda e: _ours(e) <= 1.15,
    ),
    Figure(
        "call_async_over_floor",
        "async call / its HTTP library's floor",
        "x",
        "≤ 1.15",
        lambda e: _ours(e) <= 1.15,
    ),
    Figure(
        "monitor_requests_per_round",
        "status requests per monitoring round while {jobs} waiting jobs are queued",
        "",
        "≤ 1 per machine",
        lambda e: _ours(e) <= 1.0,
    ),
    Figure(
        "monitor_requests_per_round_overall",
        "status requests per round over the whole wait ({jobs} jobs queued, then ending)",
        "",
    ),
    Figure("monitor_requests", "status requests until all {jobs} jobs completed", ""),
    Figure(
        "monitor_5000_requests_per_round",
        "status requests per round while 5,000 waiting jobs are queued",
        "",
        "≤ 1 per machine",
        lambda e: _ours(e) <= 1.0,
    ),
    Figure(
        "monitor_10000_requests_per_round",
        "status requests per round while 10,000 waiting jobs are queued",
        "",
        "≤ 1 per machine",
        lambda e: _ours(e) <= 1.0,
    ),
    Figure(
        "monitor_10000_requests",
        "status requests until 10,000 queued jobs that end at once completed",
        "",
    ),
)


def judge(figures: dict[str, Entry]) -> None:
    """Add ``target`` and ``met`` to each figure that has a target."""
    for figure in FIGURES:
        entry = figures.get(figure.key)
        if entry is not None and figure.met is not None:
            entry["target"] = figure.target
            entry["met"] = figure.met(entry)
