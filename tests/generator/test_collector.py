"""The generator's processes pause the garbage collector while they load libraries and
then leave what they loaded out of later collections; a process that only calls the
generator (this test run) keeps its collector untouched."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from generator.collector import loading
from generator.workers import started

ROOT = Path(__file__).resolve().parents[2]


def test_a_caller_s_collector_is_left_as_it_was() -> None:
    frozen = gc.get_freeze_count()
    with loading():
        assert gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_a_generator_process_loads_without_collecting_then_skips_what_it_loaded() -> None:
    probe = """
import gc
from generator.collector import loading, own_this_process
own_this_process()
with loading():
    paused = not gc.isenabled()
    import json, decimal  # something to load
print(paused, gc.isenabled(), gc.get_freeze_count() > 0)
"""
    ran = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert ran.stdout.split() == ["True", "True", "True"]


def test_the_workers_own_their_processes_and_the_caller_keeps_its_own() -> None:
    """Workers started from this (a caller's) process freeze what they loaded; this
    process, which loaded black for the run, froze nothing."""
    frozen = gc.get_freeze_count()
    with started() as workers:
        # Each worker's first task loads its libraries; this one runs after it.
        in_models = workers.models.submit(gc.get_freeze_count).result(timeout=60)
        in_checks = workers.checks.submit(gc.get_freeze_count).result(timeout=60)
    assert in_models > 0 and in_checks > 0
    assert gc.get_freeze_count() == frozen


def test_the_command_line_owns_its_process(tmp_path: Path) -> None:
    """``python -m generator`` runs in a process of its own: it freezes what it loaded."""
    (tmp_path / "sitecustomize.py").write_text(
        "import atexit, gc, sys\n"
        "atexit.register(lambda: sys.stderr.write(f'frozen {gc.get_freeze_count() > 0}\\n'))\n"
    )
    command = [sys.executable, "-m", "generator", "codegen", "--force"]
    command += ["--out", str(tmp_path / "out")]
    env = {"SFAPI_CODEGEN_CACHE": "", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)}
    ran = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    assert "frozen True" in ran.stderr.splitlines(), ran.stderr
