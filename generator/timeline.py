"""An opt-in timeline of a run: each stage, the process it ran in, when, and the CPU it
used (``python -m generator codegen --timeline FILE``).

A run spreads its work over the main process and two workers, so its wall time is not
the sum of its stages. The timeline shows where the time goes: which stage waits on
which, and how much of the run is loading libraries. Off by default, a stage costs a
check of one variable.

Records are JSON lines appended to the file, one per stage, by whichever process ran
it (workers are forked, so they inherit the file and the run's start). Times are
seconds from the start of the run on the monotonic clock, which all processes share.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_file: Path | None = None
_origin = 0.0
_process = "main"


def record_to(path: Path | None) -> None:
    """Record the stages of this run (and of the workers it starts) to ``path``; None
    turns recording off. The run's start is now; what came before (starting Python,
    importing the generator) is the first record, where the system tells the process's
    age."""
    global _file, _origin
    _file, _origin = path, time.perf_counter()
    if path is None:
        return
    path.write_text("", encoding="utf-8")
    age = _process_age()
    if age is not None:
        _write(
            {"process": _process, "stage": "start Python, import the generator"}
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
    with open(_file, "a", encoding="utf-8") as out:  # one short line: one write
        out.write(json.dumps(record) + "\n")


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the enclosed work as stage ``name`` of this process."""
    if _file is None:
        yield
        return
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        _write(
            {
                "process": _process,
                "stage": name,
                "start": round(wall - _origin, 4),
                "wall": round(time.perf_counter() - wall, 4),
                "cpu": round(time.process_time() - cpu, 4),
            }
        )


def name_this_process(name: str) -> None:
    """Name the process the records of this process carry from now on (a worker's
    first act)."""
    global _process
    _process = name


@dataclass(frozen=True)
class Timed:
    """``function`` as stage ``name``, to hand to a worker process (it pickles by
    reference)."""

    name: str
    function: Callable[..., Any]

    def __call__(self, *args: Any) -> Any:
        with stage(self.name):
            return self.function(*args)


def read(path: Path) -> list[dict[str, Any]]:
    """The records of a timeline file, in order of their start."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted((json.loads(line) for line in lines if line), key=lambda r: r["start"])
