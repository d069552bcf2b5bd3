"""The generator's processes pause the garbage collector while they load libraries and
then leave what they loaded out of later collections, and the command line ends without
tearing its interpreter down; a process that only calls the generator (this test run)
keeps its collector untouched."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from generator.collector import loading
from generator.workers import started
from tests.generator.exit_probe import codegen_reports

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


def test_the_model_worker_owns_its_process_and_the_caller_keeps_its_own() -> None:
    """The ``models`` worker, started from this (a caller's) process, freezes what it
    loaded; this process, which loaded black for the run, froze nothing."""
    frozen = gc.get_freeze_count()
    with started() as workers:
        # The worker's first task loads its libraries; this one runs after it.
        in_models = workers.models.submit(gc.get_freeze_count).result(timeout=60)
    assert in_models > 0
    assert gc.get_freeze_count() == frozen


def test_the_command_line_owns_its_process(tmp_path: Path) -> None:
    """``python -m generator`` runs in a process of its own: it freezes what it loaded."""
    main, frozen = codegen_reports(tmp_path, "gc.get_freeze_count() > 0")
    assert frozen[main] == "True", frozen


def test_the_command_line_ends_at_once_with_its_output_and_status(tmp_path: Path) -> None:
    """Skipping the interpreter's teardown loses no output (stdout is a pipe, so it is
    buffered) and keeps the exit status, on success and on a failed run alike."""
    env = {"SFAPI_CODEGEN_CACHE": "", "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "generator", "codegen", "--force"]
    done = subprocess.run(
        [*command, "--out", str(tmp_path / "out")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wrote ") and done.stdout.endswith("s\n"), done.stdout
    failed = subprocess.run(
        [*command, "--spec", str(tmp_path / "missing.json"), "--out", str(tmp_path / "x")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode == 2
    assert "missing.json" in failed.stderr and "not found" in failed.stderr, failed.stderr
