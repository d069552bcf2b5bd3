"""What one run of the shell works with: the machine, the user, the clock, the budgets
(``budget.py``), the scheduler, and the switch that stops it (cancellation)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ..clock import Clock
from ..state.filesystem import Filesystem
from .budget import Budget, Limits
from .errors import Stopped


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
    depth: int = 0
    started_at: float = field(init=False, default=0.0)
    #: What the run may still spend (steps, time, memory, disk), and its processor turn.
    budget: Budget = field(init=False)

    def __post_init__(self) -> None:
        self.budget = Budget(self.limits, self.cancel, clock=self.clock.now)
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

    @property
    def steps(self) -> int:
        return self.budget.steps

    def step(self) -> None:
        """Count one command or loop round; stop when cancelled or past a limit."""
        self.budget.step()

    def sleep(self, seconds: float) -> None:
        """Move simulated time on by ``seconds`` and wait until the clock gets there.

        Tests move the clock forward instead of waiting; cancellation ends the wait.
        """
        if self.before_wait is not None:
            self.before_wait()
        deadline = self.started_at + self.limits.max_seconds
        target = self.cursor + seconds
        stop_at = min(target, deadline)
        with self.budget.waiting():
            while True:
                remaining = stop_at - self.clock.now()
                if remaining <= 0:
                    break
                if self.cancel.wait(min(remaining, 0.02)):
                    raise Stopped("cancelled", "cancelled")
                self.budget.check()
        self.cursor = max(self.cursor, stop_at)
        if target > deadline:
            raise Stopped("time", f"ran longer than {self.limits.max_seconds:g} s")

    def now(self) -> float:
        """The time commands such as ``date`` see."""
        return max(self.cursor, self.clock.now())
