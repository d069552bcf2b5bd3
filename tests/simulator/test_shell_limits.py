"""Every run of the login node's shell is bounded: commands and loop rounds, output,
nesting, simulated and real time; cancellation stops it at once. Each bound ends the run
with a clear reason instead of hanging or growing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from sfapi_sim.clock import Clock
from sfapi_sim.shell import Limits, Session, login_state, run_script
from sfapi_sim.shell.commands import COMMAND_NAMES
from sfapi_sim.state.filesystem import Account, Filesystem


@pytest.fixture
def filesystem(tmp_path: Path) -> Filesystem:
    accounts = [Account("alice", 12345, ("m1234",))]
    return Filesystem(tmp_path / "perlmutter", "perlmutter", accounts, 100_000, COMMAND_NAMES)


def _session(filesystem: Filesystem, clock: Clock | None = None, **limits: float) -> Session:
    return Session(
        filesystem=filesystem,
        user="alice",
        uid=12345,
        clock=clock or Clock(),
        limits=Limits(**limits),  # type: ignore[arg-type]
    )


def _run(session: Session, script: str) -> tuple[str, str, int, str | None]:
    result = run_script(script, session, login_state(session))
    return result.stdout, result.stderr, result.exit_code, result.stopped


def test_an_endless_loop_stops_after_the_step_limit(filesystem: Filesystem) -> None:
    _, error, code, stopped = _run(_session(filesystem, max_steps=1000), "while true; do :; done")
    assert (code, stopped) == (1, "limit")
    assert error == "sfapi-sim: stopped: more than 1000 commands ran\n"


def test_output_past_its_cap_stops_the_run(filesystem: Filesystem) -> None:
    session = _session(filesystem, max_output=1000)
    output, error, code, stopped = _run(session, "while true; do echo 0123456789; done | cat")
    assert (output, code, stopped) == ("", 1, "limit")
    assert "the output exceeds the 1000-character limit" in error
    # A program that reads its whole input holds at most the cap of it.
    session = _session(filesystem, max_output=1000)
    output, error, code, stopped = _run(session, "while true; do echo 0123456789; done | sort")
    assert (output, code, stopped) == ("", 1, "limit")
    assert "the pipe exceeds the 1000-character limit" in error


def test_runaway_recursion_stops_at_the_nesting_limit(filesystem: Filesystem) -> None:
    _, error, code, stopped = _run(_session(filesystem, max_depth=20), "f() { f; }; f")
    assert (code, stopped) == (1, "limit") and "nesting deeper than 20" in error


def test_sleeping_past_the_time_limit_stops_when_the_clock_gets_there(
    filesystem: Filesystem,
) -> None:
    clock = Clock()
    session = _session(filesystem, clock, max_seconds=60)
    clock.advance(100)  # the clock is already past the limit: no real waiting
    output, error, code, stopped = _run(session, "echo before; sleep 30; echo middle; sleep 60")
    assert (output, code, stopped) == ("before\nmiddle\n", 124, "time")
    assert error == "sfapi-sim: stopped: ran longer than 60 s\n"


def test_a_file_written_past_the_file_limit_stops_the_run(filesystem: Filesystem) -> None:
    output, error, code, stopped = _run(
        _session(filesystem), "for i in $(seq 20000); do echo line-$i; done > big.txt; echo $?"
    )
    assert (output, code, stopped) == ("", 1, "limit")
    assert "exceeds the 100000-character limit" in error
    assert filesystem.size("/global/homes/a/alice/big.txt", "alice") <= 100_000


def test_cancellation_stops_a_sleeping_run_at_once(filesystem: Filesystem) -> None:
    session = _session(filesystem)
    outcome: list[tuple[str, str, int, str | None]] = []
    runner = threading.Thread(target=lambda: outcome.append(_run(session, "echo a; sleep 500")))
    runner.start()
    time.sleep(0.1)
    session.cancel.set()
    runner.join(10)
    assert not runner.is_alive()
    assert outcome == [("a\n", "sfapi-sim: stopped: cancelled\n", 143, "cancelled")]
