"""What one run of the shell works with: the machine, the user, the clock, the limits,
the scheduler, and the switches that stop it (cancellation, deadlines)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ..clock import Clock
from ..state.filesystem import Filesystem
from .errors import Stopped


@dataclass(frozen=True)
class Limits:
    """Caps of one run: characters per output stream, simulated and real seconds, steps
    (commands and loop rounds), and nesting (functions, ``bash -c``, substitutions)."""

    max_output: int = 1024 * 1024
    max_seconds: float = 3600.0
    max_wall_seconds: float = 600.0
    max_steps: int = 200_000
    max_depth: int = 64


class SlurmError(Exception):
    """A Slurm command refused (the message is the command's own)."""


class SlurmPort(Protocol):
    """The scheduler as the Slurm commands of the shell see it."""

    def submit(
        self,
        user: str,
        *,
        script: str,
        script_path: str | None,
        work_dir: str,
        args: list[str],
        options: dict[str, str],
    ) -> str:
        """Submit a batch script; the job id. SlurmError when sbatch refuses it."""
        ...

    def rows(
        self, user: str, *, sacct: bool, jobids: set[str] | None, users: set[str] | None
    ) -> list[dict[str, str]]:
        """squeue (pending and running) or sacct rows."""
        ...

    def cancel(self, user: str, jobid: str) -> None:
        """scancel one job; SlurmError with scancel's message when it cannot."""
        ...


#: What a command the simulator cannot run does: fail as bash does (``missing``), or
#: succeed and say on stderr what would have run (``pretend``, for job scripts).
UnknownCommands = Literal["missing", "pretend"]


@dataclass
class Session:
    """Shared by a shell and all its subshells during one run."""

    filesystem: Filesystem
    user: str
    uid: int
    clock: Clock
    #: (gid, name) of the user's groups besides their own.
    groups: tuple[tuple[int, str], ...] = ()
    #: The host name commands print (a compute node's inside a job).
    host: str = ""
    limits: Limits = field(default_factory=Limits)
    unknown: UnknownCommands = "missing"
    slurm: SlurmPort | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    #: The simulated time the run has reached (0: now): ``sleep`` moves it and waits for
    #: the clock to get there.
    cursor: float = 0.0
    #: Called before ``sleep`` waits (a job writes out its output so far).
    before_wait: Callable[[], None] | None = None
    steps: int = 0
    depth: int = 0
    started_wall: float = field(default_factory=time.monotonic)
    started_at: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        if not self.cursor:
            self.cursor = self.clock.now()
        #: Where the run's simulated time began (its time limit counts from here).
        self.started_at = self.cursor

    @property
    def machine(self) -> str:
        return self.filesystem.machine

    @property
    def hostname(self) -> str:
        return self.host or f"{self.machine}-login01"

    def step(self) -> None:
        """Count one command or loop round; stop when cancelled or past a limit."""
        self.steps += 1
        if self.cancel.is_set():
            raise Stopped("cancelled", "cancelled")
        if self.steps > self.limits.max_steps:
            raise Stopped("limit", f"more than {self.limits.max_steps} commands ran")
        if time.monotonic() - self.started_wall > self.limits.max_wall_seconds:
            raise Stopped("time", f"ran longer than {self.limits.max_wall_seconds:g} s")

    def sleep(self, seconds: float) -> None:
        """Move simulated time on by ``seconds`` and wait until the clock gets there.

        Tests move the clock forward instead of waiting; cancellation ends the wait.
        """
        if self.before_wait is not None:
            self.before_wait()
        deadline = self.started_at + self.limits.max_seconds
        target = self.cursor + seconds
        stop_at = min(target, deadline)
        while True:
            remaining = stop_at - self.clock.now()
            if remaining <= 0:
                break
            if self.cancel.wait(min(remaining, 0.02)):
                raise Stopped("cancelled", "cancelled")
            if time.monotonic() - self.started_wall > self.limits.max_wall_seconds:
                raise Stopped("time", f"ran longer than {self.limits.max_wall_seconds:g} s")
        self.cursor = max(self.cursor, stop_at)
        if target > deadline:
            raise Stopped("time", f"ran longer than {self.limits.max_seconds:g} s")

    def now(self) -> float:
        """The time commands such as ``date`` see."""
        return max(self.cursor, self.clock.now())
