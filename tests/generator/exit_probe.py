"""Runs of the generator's command line in which every Python process notes that it
started and that its ``atexit`` handlers ran.

A ``sitecustomize`` module on ``PYTHONPATH`` is imported by every Python process the
run starts (the command line, and any process it would start): it writes
``start <pid>`` to a log, and registers an ``atexit`` handler that writes
``atexit <pid>``. A process that ends without the interpreter's teardown
(``os._exit``) leaves no ``atexit`` line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SITECUSTOMIZE = """\
import atexit, os

def _note(event):
    with open(os.environ["GENERATOR_EXIT_PROBE"], "a", encoding="utf-8") as log:
        log.write(f"{event} {os.getpid()}\\n")

_note("start")
atexit.register(_note, "atexit")
"""


@dataclass(frozen=True)
class Probed:
    """A finished run: its exit status and output, and the pids of the Python
    processes that started and of those whose ``atexit`` handlers ran."""

    returncode: int
    stdout: str
    stderr: str
    started: list[int]
    torn_down: list[int]


def run_probed(folder: Path, code: str, timeout: float = 180.0) -> Probed:
    """Run ``python -c code`` from the repository's root with the probe installed
    (``folder`` holds it and the log)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = folder / "exit-probe.log"
    env = {**os.environ, "PYTHONPATH": str(folder), "GENERATOR_EXIT_PROBE": str(log)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = log.read_text(encoding="utf-8").split() if log.exists() else []
    events = list(zip(lines[::2], map(int, lines[1::2]), strict=True))
    return Probed(
        done.returncode,
        done.stdout,
        done.stderr,
        sorted(pid for event, pid in events if event == "start"),
        sorted(pid for event, pid in events if event == "atexit"),
    )
