"""The simulated login node's shell: bash's language, run in Python over the simulated
filesystem and scheduler. No host process is ever started.

One package, one job per module: ``syntax`` (the parser adapter over tree-sitter's bash
grammar), ``expansion`` and ``arithmetic`` (words and numbers), ``patterns`` (globs),
``executor`` (statements and redirections), ``streams`` (bounded outputs), ``session`` (the
machine, clock, limits and cancellation of a run), ``commands`` (the programs by group).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from ..state.filesystem import home_of, scratch_of
from .errors import Stopped
from .executor import Shell
from .session import Limits, Session, SlurmError, SlurmPort
from .state import ShellState
from .streams import IO, Capture, Input, Sink

__all__ = [
    "Limits",
    "RunResult",
    "Session",
    "SlurmError",
    "SlurmPort",
    "login_state",
    "run_script",
]

#: Exit codes of a run stopped from outside: SIGTERM's for a cancellation, ``timeout``'s
#: for the run-time limit, 1 for other limits.
STOP_CODES = {"cancelled": 143, "time": 124, "limit": 1}


@dataclass(frozen=True)
class RunResult:
    """What a run printed, its exit code, and why it stopped early (None: it ended)."""

    stdout: str
    stderr: str
    exit_code: int
    stopped: str | None = None


def login_state(session: Session, *, cwd: str | None = None) -> ShellState:
    """A login shell's variables for the session's user (``bash -l`` on the machine)."""
    user = session.user
    home = home_of(user)
    variables = {
        "HOME": home,
        "USER": user,
        "LOGNAME": user,
        "SHELL": "/bin/bash",
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOSTNAME": session.hostname,
        "NERSC_HOST": session.machine,
        "LANG": "C.UTF-8",
    }
    if session.machine == "perlmutter":
        variables["SCRATCH"] = scratch_of(user)
    state = ShellState(variables=variables, exported=set(variables), cwd=cwd or home)
    state.set("PWD", state.cwd, export=True)
    return state


def run_script(
    source: str,
    session: Session,
    state: ShellState,
    *,
    stdout: Sink | None = None,
    stderr: Sink | None = None,
    report_stop: bool = True,
) -> RunResult:
    """Run ``source`` as ``bash -c`` would (or as a batch script, given its state).

    Output goes to the sinks given, else into captures bounded by the session's limits;
    the captured text is returned. A stop (cancellation, a limit) ends the run with a
    last line on stderr saying why (unless ``report_stop`` is false: the caller says it).
    """
    out = stdout or Capture(session.limits.max_output, "output")
    err = stderr or Capture(session.limits.max_output, "error output")
    shell = Shell(session, state)
    stopped: str | None = None
    try:
        status = shell.run_source(source, IO(Input(), out, err))
    except Stopped as stop:
        stopped = stop.kind
        status = STOP_CODES[stop.kind]
        # When the error output itself is full, the reason stays in ``stopped`` only.
        if report_stop:
            with contextlib.suppress(Stopped):
                err.write(f"sfapi-sim: stopped: {stop.reason}\n")
    return RunResult(
        stdout=out.text() if isinstance(out, Capture) else "",
        stderr=err.text() if isinstance(err, Capture) else "",
        exit_code=status,
        stopped=stopped,
    )
