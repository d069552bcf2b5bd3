"""An opt-in timeline of a run: each stage, when it started, its wall and CPU time
(``python -m generator codegen --timeline FILE``).

It shows where a run's time goes, stage by stage. Off by default, a stage costs a check
of one variable. Records are JSON lines, one per stage, written as each stage ends;
times are seconds from the start of the run.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_file: Path | None = None
_origin = 0.0


def record_to(path: Path | None) -> None:
    """Record the stages of this run to ``path``; None turns recording off. The run's
    start is now; what came before (starting Python, importing the generator) is the
    first record where the system tells the process's age (Linux)."""
    global _file, _origin
    _file, _origin = path, time.perf_counter()
    if path is None:
        return
    path.write_text("", encoding="utf-8")
    age = _process_age()
    if age is not None:
        _write(
            {"stage": "start Python, import the generator"}
            | {"start": round(-age, 4), "wall": round(age, 4)}
            | {"cpu": round(time.process_time(), 4)}
        )


def _process_age() -> float | None:
    """Seconds since this process started, from ``/proc`` (None where there is none)."""
    try:
        stat = Path("/proc/self/stat").read_text(encoding="utf-8")
        started = int(stat.rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _write(record: dict[str, Any]) -> None:
    assert _file is not None
    with open(_file, "a", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the enclosed work as stage ``name``. The CPU time includes that of the
    child processes the stage waited for (``ruff format``)."""
    if _file is None:
        yield
        return
    wall, cpu = time.perf_counter(), _cpu()
    try:
        yield
    finally:
        _write(
            {
                "stage": name,
                "start": round(wall - _origin, 4),
                "wall": round(time.perf_counter() - wall, 4),
                "cpu": round(_cpu() - cpu, 4),
            }
        )


def _cpu() -> float:
    """CPU seconds of this process and of its finished children."""
    children = os.times()  # whole clock ticks, enough for a child process
    return time.process_time() + children.children_user + children.children_system


def read(path: Path) -> list[dict[str, Any]]:
    """The records of a timeline file, in order of their start."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted((json.loads(line) for line in lines if line), key=lambda r: r["start"])
