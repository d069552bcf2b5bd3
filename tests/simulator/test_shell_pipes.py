"""Pipelines run their stages together over bounded pipes: a reader that ends early
stops its writer (SIGPIPE, status 141) however much the writer had left to write, the
memory a pipeline holds stays within its pipes' capacity whatever flows through it, and
the budgets and a cancellation reach every stage. (Output and statuses are compared
with real bash in ``shell_cases.py``.)"""

from __future__ import annotations

import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from sfapi_sim.clock import Clock
from sfapi_sim.shell import Limits, RunResult, Session, login_state, run_script
from sfapi_sim.shell.commands import COMMAND_NAMES
from sfapi_sim.shell.pipes import PIPE_CAPACITY
from sfapi_sim.state.filesystem import Account, Filesystem

#: A bound on behaviour ("ends quickly"), measured by the test's own clock.
PROMPT = 5.0


@pytest.fixture
def filesystem(tmp_path: Path) -> Filesystem:
    accounts = [Account("alice", 12345, ("m1234",))]
    return Filesystem(tmp_path / "perlmutter", "perlmutter", accounts, 10_000_000, COMMAND_NAMES)


def _session(filesystem: Filesystem, **limits: float) -> Session:
    return Session(
        filesystem=filesystem,
        user="alice",
        uid=12345,
        clock=Clock(),
        limits=Limits(**limits),  # type: ignore[arg-type]
    )


def _run(session: Session, script: str) -> RunResult:
    return run_script(script, session, login_state(session))


def _stage_threads() -> list[threading.Thread]:
    """The threads of pipeline stages still alive (none once a run has ended)."""
    return [t for t in threading.enumerate() if t.name.startswith("sfapi-sim-pipe-")]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("seq 1 100000000000 | head -3; echo ${PIPESTATUS[@]}", "1\n2\n3\n141 0\n"),
        ("yes | head -3; echo ${PIPESTATUS[@]}", "y\ny\ny\n141 0\n"),
        ("yes | cat | cat | head -1; echo ${PIPESTATUS[@]}", "y\n141 141 141 0\n"),
        ("set -o pipefail; seq 1 100000000000 | head -1; echo $?", "1\n141\n"),
        ("while true; do seq 1 1000; done | head -2; echo ${PIPESTATUS[@]}", "1\n2\n141 0\n"),
    ],
)
def test_an_endless_writer_stops_when_its_reader_ends(
    filesystem: Filesystem, script: str, expected: str
) -> None:
    started = time.monotonic()
    result = _run(_session(filesystem), script)
    assert time.monotonic() - started < PROMPT
    assert (result.stdout, result.stderr, result.exit_code) == (expected, "", 0)


def test_a_pipeline_holds_no_more_than_its_pipes(filesystem: Filesystem) -> None:
    # Seven million characters flow through three pipes under a budget of 300,000.
    session = _session(filesystem, max_memory=300_000)
    tracemalloc.start()
    try:
        result = _run(session, "seq 1 1000000 | cat | cat > /dev/null; echo ${PIPESTATUS[@]}")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (result.stdout, result.stderr, result.exit_code) == ("0 0 0\n", "", 0)
    assert session.budget.buffered == 0
    assert peak < 2_000_000 + 4 * PIPE_CAPACITY


def test_a_whole_read_of_a_pipe_counts_toward_memory(filesystem: Filesystem) -> None:
    session = _session(filesystem, max_memory=500_000, max_output=10_000_000)
    result = _run(session, "seq 1 1000000 | sort -n | tail -1; echo unreachable")
    assert (result.exit_code, result.stopped) == (2, "memory")
    assert "unreachable" not in result.stdout


def test_the_time_limit_stops_every_stage(filesystem: Filesystem) -> None:
    started = time.monotonic()
    result = _run(
        _session(filesystem, max_wall_seconds=0.5),
        "yes | cat | while read line; do :; done; echo unreachable",
    )
    assert time.monotonic() - started < 0.5 + PROMPT
    assert (result.exit_code, result.stopped) == (124, "time")
    assert "unreachable" not in result.stdout
    assert _stage_threads() == []


def test_a_cancel_stops_every_stage_promptly(filesystem: Filesystem) -> None:
    session = _session(filesystem, max_steps=10**9)
    box: list[RunResult] = []
    runner = threading.Thread(
        target=lambda: box.append(_run(session, "yes | cat | cat > /dev/null")), daemon=True
    )
    runner.start()
    time.sleep(0.3)
    assert runner.is_alive(), "the pipeline should still be busy"
    asked = time.monotonic()
    session.cancel.set()
    runner.join(PROMPT * 2)
    assert not runner.is_alive(), "the pipeline went on after its cancellation"
    assert time.monotonic() - asked < PROMPT
    assert (box[0].exit_code, box[0].stopped) == (143, "cancelled")
    assert _stage_threads() == []


def test_a_stage_past_the_step_budget_stops_the_pipeline(filesystem: Filesystem) -> None:
    result = _run(
        _session(filesystem, max_steps=500),
        "while true; do echo x; done | while read l; do :; done; echo unreachable",
    )
    assert (result.exit_code, result.stopped) == (1, "limit")
    assert "more than 500 commands ran" in result.stderr


def test_yes_alone_is_bounded_by_the_output_budget(filesystem: Filesystem) -> None:
    result = _run(_session(filesystem, max_output=10_000), "yes hello; echo unreachable")
    assert (result.exit_code, result.stopped) == (1, "limit")
    assert result.stdout.startswith("hello\nhello\n")
    assert len(result.stdout) <= 10_000


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("seq 1 400000 | wc -l", "400000\n"),
        ("seq 1 400000 | tail -1", "400000\n"),
        ("seq 1 400000 | grep -c 0$", "40000\n"),
    ],
)
def test_streaming_programs_read_more_than_a_buffer_holds(
    filesystem: Filesystem, script: str, expected: str
) -> None:
    # 2.7 million characters pass through a pipe into a program capped at 100,000.
    result = _run(_session(filesystem, max_output=100_000, max_memory=400_000), script)
    assert (result.stdout, result.stderr, result.exit_code) == (expected, "", 0)


def test_a_line_reader_needs_no_more_than_a_line_under_a_small_cap(
    filesystem: Filesystem,
) -> None:
    result = _run(_session(filesystem, max_output=1000), "seq 1 100000 | head -2")
    assert (result.stdout, result.exit_code) == ("1\n2\n", 0)
