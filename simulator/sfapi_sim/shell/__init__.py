"""The simulated login node's shell: bash's language, run in Python over the simulated
filesystem and scheduler. No host process is ever started.

One package, one job per module: ``syntax`` (the parser adapter over tree-sitter's bash
grammar, where its quirks are handled), ``tree`` (the interpreter's own tree of simple
commands and redirections, made from the parser's nodes), ``expansion`` (words, in
bash's order) with ``braces``, ``parameters`` (``${…}``) and ``words`` (splitting,
quote removal), ``arithmetic`` (numbers), ``patterns`` (globs), ``executor`` (dispatch,
simple commands), ``redirections``, ``control`` (compound statements), ``pipes``
(pipeline stages run together over bounded pipes), ``declarations`` (assignments and
tests), ``streams`` (bounded outputs), ``session`` (the machine, clock and cancellation
of a run), ``budget`` (what a run may spend, checked inside programs, and the processor
shared between runs), ``commands`` (the programs by group, and the context each is
handed).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

from ..state.filesystem import home_of, scratch_of
from .budget import STOP_CODES, Limits
from .errors import Stopped
from .executor import Shell
from .session import Session, SlurmError, SlurmPort
from .state import ShellState
from .streams import IO, Capture, Input, Sink

__all__ = [
    "STOP_CODES",
    "Limits",
    "RunResult",
    "Session",
    "SlurmError",
    "SlurmPort",
    "login_state",
    "run_script",
]

logger = logging.getLogger("sfapi_sim")


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
    state = ShellState(
        variables=variables,
        exported=set(variables),
        cwd=cwd or home,
        max_size=session.limits.max_memory,
    )
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
    stopped: str | None = None
    try:
        with session.budget.running():
            status = Shell(session, state).run_source(source, IO(Input(), out, err))
    except Stopped as stop:
        stopped = stop.kind
        status = STOP_CODES[stop.kind]
        # When the error output itself is full, the reason stays in ``stopped`` only.
        if report_stop:
            with contextlib.suppress(Stopped):
                err.write(f"sfapi-sim: stopped: {stop.reason}\n")
    except RecursionError:
        # Nesting the parser let through but Python's stack cannot hold: bash would
        # crash with a segmentation fault; here the run ends with that status.
        logger.warning("a shell run of %s nested too deeply", session.user)
        stopped, status = "limit", 139
        with contextlib.suppress(Stopped):
            err.write(f"{state.script_name}: maximum nesting level exceeded\n")
    except Exception:  # a defect of the simulator: logged, and reported as such
        logger.exception("a shell run of %s failed inside the simulator", session.user)
        stopped, status = "limit", 70
        with contextlib.suppress(Stopped):
            err.write("sfapi-sim: simulator error (logged by the server)\n")
    return RunResult(
        stdout=out.text() if isinstance(out, Capture) else "",
        stderr=err.text() if isinstance(err, Capture) else "",
        exit_code=status,
        stopped=stopped,
    )
