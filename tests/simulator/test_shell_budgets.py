"""Every program and builtin runs under the budgets of its run, checked inside long
programs and not only between commands: a cancellation or the time limit stops them
within a bound, values past the memory budget are refused before they are built, bytes
past the write budget fail the writing command, and a busy run leaves the processor to
others often enough that they finish quickly."""

from __future__ import annotations

import threading
import time
import tracemalloc
from pathlib import Path

import httpx2
import pytest

from sfapi_sim.clock import Clock
from sfapi_sim.keys import write_key_file
from sfapi_sim.shell import Limits, RunResult, Session, login_state, run_script
from sfapi_sim.shell.budget import GATE
from sfapi_sim.shell.commands import COMMAND_NAMES
from sfapi_sim.shell.regexes import MATCH_SECONDS
from sfapi_sim.state.filesystem import Account, Filesystem, home_of
from sfapi_sim.testing import RunningSimulator

from .sim_api import HOME, MACHINE, SimApi

#: How long a stop may take once asked for (a bound on the behaviour, not a speed test).
PROMPT = 2.0


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


class _Background:
    """A run in a thread, and how long it took."""

    def __init__(self, session: Session, script: str) -> None:
        self.session = session
        self.result: RunResult | None = None
        self.ended_at = 0.0
        self.thread = threading.Thread(target=self._run, args=(script,), daemon=True)
        self.thread.start()

    def _run(self, script: str) -> None:
        self.result = _run(self.session, script)
        self.ended_at = time.monotonic()

    def stop(self) -> float:
        """Cancel the run; the seconds it took to end."""
        asked = time.monotonic()
        self.session.cancel.set()
        self.thread.join(PROMPT * 5)
        assert not self.thread.is_alive(), "the run went on after its cancellation"
        return self.ended_at - asked


BUSY = {
    "seq to /dev/null": "seq 1 100000000000 > /dev/null",
    "a shell loop": "while true; do :; done",
    "yes to /dev/null": "yes > /dev/null",
    "replacing in a large value": "v=$(printf '%900000s' x); echo ${v//[ ]/ab} > /dev/null",
    "stripping from a large value": "v=$(printf '%900000s' x); echo ${v#*y} > /dev/null",
    "grep over a large input": "seq 1 100000 > n; while true; do grep -c 7 n > /dev/null; done",
    "sorting a large input": "seq 1 100000 > n; while true; do sort -r n > /dev/null; done",
}


@pytest.mark.parametrize("script", list(BUSY.values()), ids=list(BUSY))
def test_a_cancel_stops_a_busy_program_promptly(filesystem: Filesystem, script: str) -> None:
    run = _Background(_session(filesystem, max_steps=10**9), script)
    time.sleep(0.3)
    assert run.thread.is_alive(), "the script should still be busy"
    assert run.stop() < PROMPT
    assert run.result is not None
    assert (run.result.exit_code, run.result.stopped) == (143, "cancelled")


def test_the_time_limit_stops_a_program_while_it_runs(filesystem: Filesystem) -> None:
    started = time.monotonic()
    result = _run(_session(filesystem, max_wall_seconds=0.5), "seq 1 100000000000 >/dev/null")
    assert time.monotonic() - started < 0.5 + PROMPT
    assert (result.exit_code, result.stopped) == (124, "time")
    assert result.stderr == "sfapi-sim: stopped: ran longer than 0.5 s\n"


def test_the_simulated_time_limit_stops_a_busy_program_when_the_clock_moves_past_it(
    filesystem: Filesystem,
) -> None:
    """Tests move the clock instead of waiting: a busy command went on for its whole
    real-time limit after the clock had passed its simulated one."""
    session = _session(filesystem, max_seconds=600)
    run = _Background(session, "seq 1 100000000000 >/dev/null")
    time.sleep(0.2)
    assert run.thread.is_alive()
    moved = time.monotonic()
    session.clock.advance(601)
    run.thread.join(PROMPT * 5)
    assert not run.thread.is_alive(), "the run went on past its simulated time limit"
    assert run.ended_at - moved < PROMPT
    assert run.result is not None
    assert (run.result.exit_code, run.result.stopped) == (124, "time")
    assert run.result.stderr == "sfapi-sim: stopped: ran longer than 600 s\n"


def test_a_run_begun_after_the_clock_moved_has_its_whole_simulated_time(
    filesystem: Filesystem,
) -> None:
    """The limit counts from when the run begins: a job that starts late, on a clock
    already far ahead, still runs."""
    clock = Clock()
    clock.advance(3600)
    session = Session(
        filesystem=filesystem, user="alice", uid=12345, clock=clock, limits=Limits(max_seconds=60)
    )
    result = _run(session, "seq 1 2000 | wc -l")
    assert (result.stdout, result.exit_code) == ("2000\n", 0)


def test_a_busy_run_leaves_the_processor_to_other_runs(filesystem: Filesystem) -> None:
    busy = [_Background(_session(filesystem, max_steps=10**9), BUSY["a shell loop"])]
    busy += [_Background(_session(filesystem), BUSY["seq to /dev/null"]) for _ in range(3)]
    time.sleep(0.2)
    started = time.monotonic()
    quick = _run(_session(filesystem), "for i in 1 2 3; do echo $i; done; seq 1000 | wc -l")
    took = time.monotonic() - started
    for run in busy:
        assert run.stop() < PROMPT
    assert (quick.stdout, quick.exit_code) == ("1\n2\n3\n1000\n", 0)
    assert took < 1.0


MEMORY = 1_000_000
GREEDY = {
    "a printf width": 'printf -v v "%400000000s" 1 2',
    "a printf precision": 'printf "%.400000000f" 1',
    "a printf star width": 'printf "%*d" 400000000 1',
    "a doubling loop": "v=x; while true; do v=$v$v; done",
    "a joined word": 'v=$(printf "%600000s" x); w="$v$v"',
    "echo of many copies": 'v=$(printf "%300000s" x); echo "$v" "$v" "$v" "$v" > /dev/null',
    "a here-document": 'v=$(printf "%600000s" x); cat <<EOF >/dev/null\n$v$v\nEOF',
    "a replacement": 'v=$(printf "%600000s" x); echo "${v// /xx}"',
    "variables together": 'a=$(printf "%600000s" x); b="$a"; c="$a"',
    "a whole read of a pipe": "while true; do echo 0123456789; done | sort > /dev/null",
    "a brace expansion": "echo {1..100000000000}",
    "brace combinations": "echo {1..100}{1..100}{1..1000}",
    "brace lists": "echo {a,b,c,d,e,f,g,h,i,j}{1..1000}{x,y,z}{a,b{c,d{e,f}}}{1..10}",
    "positional parameters": 'v=$(printf "%300000s" x); set -- "$v" "$v" "$v" "$v"; echo "$*"',
    # Each level of a recursion keeps its caller's arguments and hidden values alive.
    "arguments of nested calls": 'v=$(printf "%300000s" x); f() { f "$v$v"; }; f',
    "locals of nested calls": 'v=$(printf "%300000s" x); f() { local w="$v$v"; f; }; f',
}


@pytest.mark.parametrize("script", list(GREEDY.values()), ids=list(GREEDY))
def test_values_past_the_memory_budget_are_refused_before_they_are_built(
    filesystem: Filesystem, script: str
) -> None:
    session = _session(filesystem, max_memory=MEMORY, max_output=100 * MEMORY, max_steps=10**6)
    tracemalloc.start()
    try:
        result = _run(session, script + "; echo unreachable")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (result.exit_code, result.stopped) == (2, "memory")
    assert "xrealloc: cannot allocate" in result.stderr
    assert "unreachable" not in result.stdout
    assert peak < 8 * MEMORY


def test_nested_shells_share_the_memory_budget(filesystem: Filesystem) -> None:
    """A script that runs itself keeps every level's variables alive: 64 levels of
    ``bash script`` each holding a large value took the server past 1.6 GB."""
    session = _session(filesystem, max_memory=MEMORY, max_output=100 * MEMORY, max_steps=10**6)
    script = "export v=$(printf '%300000s' x); echo 'w=\"$v$v\"; bash ./r.sh' > r.sh; bash ./r.sh"
    tracemalloc.start()
    try:
        result = _run(session, script + "; echo unreachable")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (result.exit_code, result.stopped) == (2, "memory")
    assert "the variables of the calling shell" in result.stderr
    assert "unreachable" not in result.stdout
    # Each new shell parses its script and copies its environment (some 10 MB in all
    # here); unbounded, the levels held about 50 MB.
    assert peak < 16 * MEMORY


def test_a_printf_width_never_reaches_the_allocator(filesystem: Filesystem) -> None:
    """The reported case: one printf took the server from 66 MB to 1.6 GB."""
    tracemalloc.start()
    try:
        result = _run(_session(filesystem), 'printf -v v "%400000000s" 1 2; echo ${#v}')
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 2 and result.stdout == ""
    assert peak < 2_000_000


def test_replacing_plain_text_in_a_large_value_is_one_pass(filesystem: Filesystem) -> None:
    """A pattern without magic is found with string methods: replacing the spaces of a
    million-character value took 37 s of the server's processor, one match per place."""
    started = time.monotonic()
    script = (
        "v=$(printf '%1000000s' x); w=${v// /ab}; echo ${#w}; u=${v/ /-}; echo \"${u:0:3}\"; "
        'echo ${w//"ab"/} ${v//\\ /}'
    )
    result = _run(_session(filesystem), script)
    assert time.monotonic() - started < PROMPT
    assert result.stdout == "1999999\n-  \nx x\n"
    assert result.exit_code == 0


def test_values_within_the_budget_work(filesystem: Filesystem) -> None:
    session = _session(filesystem, max_memory=MEMORY)
    result = _run(session, 'v=$(printf "%300000s" x); w="$v$v"; echo ${#w} ${#v}')
    assert (result.stdout, result.exit_code) == ("600000 300000\n", 0)


def test_writes_past_the_disk_budget_fail_the_writing_command(filesystem: Filesystem) -> None:
    session = _session(filesystem, max_written=300_000)
    result = _run(
        session,
        'for i in 1 2 3 4 5; do printf "%100000s" x > f$i; echo "f$i $?"; done; '
        "cp f1 g; echo cp $?",
    )
    assert result.stdout == "f1 0\nf2 0\nf3 0\nf4 153\nf5 153\ncp 153\n"
    assert result.exit_code == 0
    assert "File size limit exceeded" in result.stderr
    home = home_of("alice")
    written = sum(filesystem.size(f"{home}/f{i}", "alice") for i in range(1, 6))
    assert written <= 300_000
    assert not filesystem.is_file(f"{home}/g", "alice")


# Through the API ------------------------------------------------------------------------


def test_a_cancelled_busy_command_stops_and_frees_its_slot(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    sim.configure(max_running_commands=1)
    try:
        task_id = api.command(BUSY["seq to /dev/null"])
        record = sim.world.tasks.get(task_id, "alice")
        assert record is not None
        time.sleep(0.3)
        assert not record.done.is_set(), "the command should still be busy"
        asked = time.monotonic()
        assert api.cancel_task(task_id)["status"] == "cancelled"
        assert record.done.wait(PROMPT * 5)
        took = time.monotonic() - asked
        accepted = api.run("echo accepted")
    finally:
        sim.configure(max_running_commands=16)
    assert took < PROMPT
    assert accepted["output"] == "accepted\n"


def test_scancel_stops_a_busy_job_script_promptly(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    jobid = api.submit(
        f"#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho start\n{BUSY['seq to /dev/null']}\necho never\n"
    )
    api.wait_state(jobid, "RUNNING")
    job = sim.world.schedulers[MACHINE].get(jobid)
    assert job is not None
    time.sleep(0.5)
    assert job.finished_at is None, "the script should still be busy"
    asked = time.monotonic()
    cancelled = api.run(f"scancel {jobid}")
    assert api.script_end(jobid) == (143, "cancelled")
    assert time.monotonic() - asked < PROMPT * 2
    assert cancelled["exit_code"] == 0
    output = api.read(f"{HOME}/slurm-{jobid}.out")
    assert output.startswith("start\n") and "never" not in output


def test_another_users_requests_stay_fast_while_commands_are_busy(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    api = SimApi(sim)
    client, pem = sim.world.authority.register("bob")
    key_file = write_key_file(tmp_path / "bob.pem", client.client_id, pem)
    bob = {"Authorization": f"Bearer {sim.access_token(key_file)}"}
    busy = [api.command(BUSY["seq to /dev/null"]) for _ in range(8)]
    records = [sim.world.tasks.get(task_id, "alice") for task_id in busy]
    slowest = 0.0
    try:
        time.sleep(0.3)
        for _ in range(10):
            started = time.monotonic()
            httpx2.get(f"{sim.base_url}/account/", headers=bob).raise_for_status()
            slowest = max(slowest, time.monotonic() - started)
    finally:
        for task_id in busy:
            api.cancel_task(task_id)
    assert all(r is not None and r.done.wait(PROMPT * 5) for r in records)
    assert slowest < 1.0


def test_a_greedy_command_leaves_the_servers_memory_alone(sim: RunningSimulator) -> None:
    """The server runs in this process: its allocations are traced too."""
    api = SimApi(sim)
    tracemalloc.start()
    try:
        width = api.run('printf -v v "%400000000s" 1 2; echo never')
        doubling = api.run("v=x; while true; do v=$v$v; done")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    for result in (width, doubling):
        assert (result["exit_code"], result["output"]) == (2, "")
        assert "xrealloc: cannot allocate" in result["error"]
    assert peak < 3 * 16 * 1024 * 1024


PATHOLOGICAL = "(.*){1,32000}[bc]"


def test_a_pathological_regular_expression_fails_instead_of_holding_the_server(
    filesystem: Filesystem,
) -> None:
    started = time.monotonic()
    result = _run(
        _session(filesystem),
        f"a=$(printf '%40s' '' | tr ' ' a); echo $a | grep -E '{PATHOLOGICAL}'; echo grep $?; "
        f"[[ $a =~ {PATHOLOGICAL} ]]; echo test $?",
    )
    assert time.monotonic() - started < 4 * MATCH_SECONDS + 2 * PROMPT
    assert result.stdout == "grep 2\ntest 2\n"
    assert result.stderr.count("regular expression too complex") == 2


def test_a_glob_pattern_that_backtracks_without_end_fails_the_command(
    filesystem: Filesystem,
) -> None:
    started = time.monotonic()
    result = _run(
        _session(filesystem),
        "v=$(printf '%20000s' '' | tr ' ' a); [[ $v == *a*a*a*a*b ]]; echo $?; "
        "case $v in *a*a*a*a*b) echo matched;; esac; echo case $?",
    )
    assert time.monotonic() - started < 4 * MATCH_SECONDS + 2 * PROMPT
    assert result.stdout == "2\ncase 2\n"
    assert result.stderr.count("regular expression too complex") == 2


def test_other_runs_go_on_while_a_regular_expression_matches(filesystem: Filesystem) -> None:
    """The match runs without Python's lock; another run waits at most one match's time
    for its turn at the processor."""
    slow = _Background(
        _session(filesystem, max_steps=10**9),
        f"a=$(printf '%40s' '' | tr ' ' a); while true; do echo $a | grep -E '{PATHOLOGICAL}'; done",
    )
    time.sleep(0.3)
    started = time.monotonic()
    quick = _run(_session(filesystem), "seq 1000 | wc -l")
    took = time.monotonic() - started
    assert slow.stop() < MATCH_SECONDS + PROMPT
    assert quick.stdout == "1000\n"
    assert took < MATCH_SECONDS + PROMPT


def test_a_run_cancelled_while_it_waits_for_its_turn_leaves_the_gate_sound(
    filesystem: Filesystem,
) -> None:
    """Cancelled in its pause, a run does not hand over a turn it no longer has."""
    runs = [
        _Background(_session(filesystem, max_steps=10**9), BUSY["a shell loop"]) for _ in range(3)
    ]
    time.sleep(0.3)
    for run in runs:
        assert run.stop() < PROMPT
    assert GATE.idle()
    assert _run(_session(filesystem), "echo after").stdout == "after\n"
