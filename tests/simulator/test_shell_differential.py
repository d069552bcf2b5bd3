"""The simulated login node's shell against real bash: each case of ``shell_cases.py``
runs in ``bash -c`` (in an empty temporary folder, C locale) and in the interpreter (in
an empty folder of the simulated home); stdout, stderr and the exit code must agree,
except where ``DIFFERENCES`` says what differs on purpose and why."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sfapi_sim.clock import Clock
from sfapi_sim.shell import Limits, Session, login_state, run_script
from sfapi_sim.shell.commands import COMMAND_NAMES
from sfapi_sim.state.filesystem import Account, Filesystem, home_of

from .shell_cases import CASES

BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="real bash is the oracle here")

#: Cases whose output differs on purpose: the reason, and what is still compared.
DIFFERENCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "echo 'unterminated": (
        "a syntax error: bash names the missing quote, this shell the line and token "
        "tree-sitter stopped at; both exit 2 without running anything",
        ("stdout", "exit_code"),
    ),
    "if true; then echo missing fi": (
        "a syntax error, worded differently (see above); both exit 2",
        ("stdout", "exit_code"),
    ),
    "type cd; command -v echo": (
        "commands live in /usr/bin here; a host's bash may find some in /bin first",
        ("stdout", "exit_code"),
    ),
}
_counter = itertools.count()


@pytest.fixture(scope="module")
def filesystem(tmp_path_factory: pytest.TempPathFactory) -> Filesystem:
    root = tmp_path_factory.mktemp("shell-sim")
    accounts = [Account("alice", 12345, ("m1234",))]
    return Filesystem(root / "perlmutter", "perlmutter", accounts, 1024 * 1024, COMMAND_NAMES)


def _in_bash(script: str, folder: Path) -> tuple[str, str, int]:
    assert BASH is not None
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LC_ALL": "C",
        "HOME": str(folder),
    }
    done = subprocess.run(
        ["bash", "-c", script],
        executable=BASH,
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=20,
        stdin=subprocess.DEVNULL,
    )
    return done.stdout, done.stderr, done.returncode


def _in_simulator(script: str, filesystem: Filesystem) -> tuple[str, str, int]:
    folder = f"{home_of('alice')}/case-{next(_counter)}"
    filesystem.mkdir(folder, "alice")
    session = Session(filesystem=filesystem, user="alice", uid=12345, clock=Clock())
    result = run_script(script, session, login_state(session, cwd=folder))
    return result.stdout, result.stderr, result.exit_code


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len(set(CASES)) == len(CASES)
    assert set(DIFFERENCES) <= set(CASES)


@pytest.mark.parametrize("script", CASES)
def test_same_as_bash(script: str, filesystem: Filesystem, tmp_path: Path) -> None:
    expected = dict(zip(("stdout", "stderr", "exit_code"), _in_bash(script, tmp_path), strict=True))
    actual = dict(
        zip(("stdout", "stderr", "exit_code"), _in_simulator(script, filesystem), strict=True)
    )
    compared = DIFFERENCES.get(script, ("", ("stdout", "stderr", "exit_code")))[1]
    assert {k: actual[k] for k in compared} == {k: expected[k] for k in compared}


#: Budgets against the real limits they stand for: (script, how bash is limited, the
#: simulator's limits, words both error outputs hold). Standard output and the exit code
#: must agree: 124 past the time limit (as under ``timeout``), 2 past the memory budget
#: (bash's fatal ``xrealloc`` under ``ulimit -v``), 153 for the command that writes past
#: the write budget (SIGXFSZ under ``ulimit -f``; the script goes on).
BUDGETS: dict[str, tuple[str, list[str], dict[str, float], str]] = {
    "a busy program past the time limit": (
        "echo start; seq 1 100000000000 > /dev/null; echo never",
        ["timeout", "1"],
        {"max_wall_seconds": 1, "max_steps": 10**9},
        "",
    ),
    "a busy loop past the time limit": (
        "echo start; x=0; while true; do x=$((x + 1)); done",
        ["timeout", "1"],
        {"max_wall_seconds": 1, "max_steps": 10**9},
        "",
    ),
    "a printf width past the memory": (
        'echo start; printf -v v "%400000000s" 1; echo never',
        ["bash", "-c", 'ulimit -v 300000; exec bash -c "$0"'],
        {},
        "xrealloc: cannot allocate",
    ),
    "a doubling value past the memory": (
        "echo start; v=x; while true; do v=$v$v; done",
        ["bash", "-c", 'ulimit -v 300000; exec bash -c "$0"'],
        {},
        "xrealloc: cannot allocate",
    ),
    "a file past the write budget": (
        'echo start; seq 1 100000 > big; echo "after $?"; echo small > s; cat s',
        ["bash", "-c", 'ulimit -f 100; exec bash -c "$0"'],
        {"max_written": 102400},
        "File size limit exceeded",
    ),
}


@pytest.mark.parametrize("case", list(BUDGETS.values()), ids=list(BUDGETS))
def test_budgets_end_runs_as_real_limits_end_bash(
    case: tuple[str, list[str], dict[str, float], str], filesystem: Filesystem, tmp_path: Path
) -> None:
    script, limiter, limits, words = case
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
    command = [*limiter, script] if limiter[0] == "bash" else [*limiter, "bash", "-c", script]
    real = subprocess.run(
        command, cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=30
    )
    folder = f"{home_of('alice')}/case-{next(_counter)}"
    filesystem.mkdir(folder, "alice")
    session = Session(
        filesystem=filesystem,
        user="alice",
        uid=12345,
        clock=Clock(),
        limits=Limits(**limits),  # type: ignore[arg-type]
    )
    simulated = run_script(script, session, login_state(session, cwd=folder))
    assert (simulated.stdout, simulated.exit_code) == (real.stdout, real.returncode)
    assert words in real.stderr and words in simulated.stderr
