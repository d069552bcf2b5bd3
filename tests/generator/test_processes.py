"""The generator's processes: a run works where new processes are spawned rather than
forked (Windows, macOS, Python 3.14's default), and every process it runs ends through
the interpreter's teardown, so ``atexit`` handlers run and files are flushed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generator.exit_probe import Probed, run_probed

#: ``codegen`` into a scratch folder, then ``check`` against it, in one interpreter
#: whose multiprocessing start method is forced to ``spawn`` first.
SPAWNED_RUN = """\
import multiprocessing, sys
multiprocessing.set_start_method("spawn", force=True)
from generator.__main__ import main
out = {out!r}
status = main(["codegen", "--force", "--out", out])
if status == 0:
    status = main(["check", "--out", out])
print("start method", multiprocessing.get_start_method())
sys.exit(status)
"""


@pytest.fixture(scope="module")
def spawned(tmp_path_factory: pytest.TempPathFactory) -> Probed:
    folder = tmp_path_factory.mktemp("spawned")
    return run_probed(folder, SPAWNED_RUN.format(out=str(folder / "out")))


def test_codegen_and_check_work_with_the_spawn_start_method(spawned: Probed) -> None:
    assert spawned.returncode == 0, spawned.stderr
    assert "start method spawn" in spawned.stdout
    assert "wrote " in spawned.stdout
    assert "matches its inputs, and black would change none of it" in spawned.stdout


def test_every_process_of_a_run_ends_through_the_interpreter_s_teardown(
    spawned: Probed,
) -> None:
    assert spawned.started, "the probe saw no process start"
    assert spawned.torn_down == spawned.started


def test_the_command_line_ends_through_teardown_on_failure_too(tmp_path: Path) -> None:
    """``python -m generator`` itself, on a run that fails: exit status 2, the error on
    stderr, and the ``atexit`` handlers run."""
    failed = run_probed(
        tmp_path,
        "import runpy, sys\n"
        f"sys.argv = ['generator', 'codegen', '--spec', {str(tmp_path / 'missing.json')!r}, "
        f"'--out', {str(tmp_path / 'out')!r}]\n"
        "runpy.run_module('generator', run_name='__main__')\n",
    )
    assert failed.returncode == 2
    assert "missing.json" in failed.stderr and "not found" in failed.stderr, failed.stderr
    assert failed.started and failed.torn_down == failed.started
