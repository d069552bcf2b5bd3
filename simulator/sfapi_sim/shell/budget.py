"""What one shell run may spend, checked while it spends it: steps, real time, memory of
values and buffers, bytes written to disk; and the processor, shared fairly between runs.

Every program and builtin runs under the budget of the run it belongs to. Long loops
inside programs (``seq``, ``cat`` of large input, ``sort``, ``printf`` repetition, word
expansion of large values) call :meth:`Budget.tick`, so a cancellation or a limit stops
them within milliseconds, not only between commands. Sizes known before a value is
built (a ``printf`` width, a repeated string) are checked before anything is allocated.

Shell runs are threads of the simulator's process. Python runs one thread at a time, so
a busy run would delay every other run and the server's own event loop; the
:class:`CpuGate` lets one run compute at a time and makes each hand over after a short
slice, so other users' requests stay fast while someone runs a busy loop.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .errors import Stopped

#: Exit codes of a run stopped from outside or by a budget, as bash ends under the
#: matching real limit: SIGTERM's for a cancellation, ``timeout``'s for the time limits,
#: 2 for memory (bash's fatal ``xrealloc: cannot allocate``, as under ``ulimit -v``),
#: 1 for the other limits (steps, output, nesting). The bytes written do not stop the
#: run: the command that writes past them fails with SIGXFSZ's status, 153, as under
#: ``ulimit -f`` (see :data:`FILE_SIZE_STATUS`).
STOP_CODES = {"cancelled": 143, "time": 124, "memory": 2, "disk": 153, "limit": 1}
FILE_SIZE_STATUS = 153
#: Seconds a run computes before it lets the other runs and the server go on.
SLICE_SECONDS = 0.02
#: Seconds it then pauses (the server's event loop runs freely meanwhile).
PAUSE_SECONDS = 0.002
#: How many ticks pass between two checks of the clock and the cancel switch.
TICKS_PER_CHECK = 64


@dataclass(frozen=True)
class Limits:
    """Caps of one run.

    ``max_output``: characters per output stream and per pipe or substitution buffer.
    ``max_seconds``/``max_wall_seconds``: simulated and real seconds. ``max_steps``:
    commands and loop rounds. ``max_depth``: nesting of functions, ``bash -c`` and
    substitutions. ``max_memory``: characters one value may hold, all variables of a
    shell together, and all pipe and substitution buffers together. ``max_written``:
    bytes the run may write to files.
    """

    max_output: int = 1024 * 1024
    max_seconds: float = 3600.0
    max_wall_seconds: float = 600.0
    max_steps: int = 200_000
    max_depth: int = 64
    max_memory: int = 16 * 1024 * 1024
    max_written: int = 64 * 1024 * 1024


class CpuGate:
    """One run computes at a time; the others wait their turn in order (no barging).

    A run waiting for its turn still sees its cancel switch, so a cancelled run that
    never got the processor ends at once.
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._queue: list[threading.Event] = []

    def acquire(self, cancel: threading.Event) -> None:
        """Wait for this run's turn; Stopped when ``cancel`` is set meanwhile."""
        with self._mutex:
            if not self._held:
                self._held = True
                return
            turn = threading.Event()
            self._queue.append(turn)
        while not turn.wait(0.05):
            if cancel.is_set():
                with self._mutex:
                    if turn in self._queue:
                        self._queue.remove(turn)
                        raise Stopped("cancelled", "cancelled")
                break  # the turn came just now: it is ours to pass on
        if cancel.is_set():
            self.release()
            raise Stopped("cancelled", "cancelled")

    def idle(self) -> bool:
        """Whether no run holds the processor and none waits for it."""
        with self._mutex:
            return not self._held and not self._queue

    def release(self) -> None:
        """Hand the processor to the run that waited longest (or to nobody)."""
        with self._mutex:
            if self._queue:
                self._queue.pop(0).set()
            else:
                self._held = False


#: The gate of this process: every shell run of every user and job goes through it.
GATE = CpuGate()


class Budget:
    """The budgets of one run, shared by its shell and all its subshells."""

    def __init__(
        self,
        limits: Limits,
        cancel: threading.Event,
        gate: CpuGate | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.limits = limits
        self.cancel = cancel
        self.gate = gate or GATE
        #: The simulated clock, and its time at the run's first check: a busy run stops
        #: once the clock has moved past its simulated limit while it runs (tests move
        #: the clock rather than wait), as ``sleep`` does.
        self.clock = clock
        self.clock_started: float | None = None
        self.steps = 0
        self.written = 0
        #: Characters held by pipe and substitution buffers right now.
        self.buffered = 0
        self.started = time.monotonic()
        self._ticks = 0
        self._holding = 0
        self._slice_started = 0.0

    # Time and cancellation --------------------------------------------------------------

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        """Hold the processor while the run computes (re-entrant within one run)."""
        if self._holding:
            self._holding += 1
            try:
                yield
            finally:
                self._holding -= 1
            return
        self.gate.acquire(self.cancel)
        self._holding = 1
        self._slice_started = time.monotonic()
        try:
            yield
        finally:
            # Not held when a cancellation came while the run waited to get it back.
            if self._holding:
                self._holding = 0
                self.gate.release()

    @contextlib.contextmanager
    def waiting(self) -> Iterator[None]:
        """Let the processor go while the run waits (``sleep``)."""
        if not self._holding:
            yield
            return
        depth, self._holding = self._holding, 0
        self.gate.release()
        try:
            yield
        finally:
            self.gate.acquire(self.cancel)
            self._holding = depth
            self._slice_started = time.monotonic()

    def step(self) -> None:
        """Count one command or loop round; stop when cancelled or past a limit."""
        self.steps += 1
        if self.steps > self.limits.max_steps:
            raise Stopped("limit", f"more than {self.limits.max_steps} commands ran")
        self.check()

    def tick(self, count: int = 1) -> None:
        """A unit of work inside a program (a line, an item): cheap, checks now and then."""
        self._ticks += count
        if self._ticks >= TICKS_PER_CHECK:
            self._ticks = 0
            self.check()

    def check(self) -> None:
        """Stop when cancelled or past the time limits (real, and simulated when the run
        has a clock); hand over the processor when this run's slice is used up."""
        if self.cancel.is_set():
            raise Stopped("cancelled", "cancelled")
        now = time.monotonic()
        if now - self.started > self.limits.max_wall_seconds:
            raise Stopped("time", f"ran longer than {self.limits.max_wall_seconds:g} s")
        if self.clock is not None:
            simulated = self.clock()
            if self.clock_started is None:
                self.clock_started = simulated
            elif simulated - self.clock_started > self.limits.max_seconds:
                raise Stopped("time", f"ran longer than {self.limits.max_seconds:g} s")
        if self._holding and now - self._slice_started > SLICE_SECONDS:
            with self.waiting():
                time.sleep(PAUSE_SECONDS)
            if self.cancel.is_set():
                raise Stopped("cancelled", "cancelled")

    # Memory -----------------------------------------------------------------------------

    def reserve(self, size: int, what: str = "a value") -> None:
        """Before building a value of ``size`` characters: stop when it cannot fit."""
        if size > self.limits.max_memory:
            raise Stopped(
                "memory",
                f"xrealloc: cannot allocate {size} bytes for {what} "
                f"(values may hold at most {self.limits.max_memory} characters)",
            )

    def hold(self, size: int, what: str) -> None:
        """``size`` more characters buffered (a pipe, a substitution); stop past the cap."""
        self.buffered += size
        if self.buffered > self.limits.max_memory:
            total, self.buffered = self.buffered, self.buffered - size
            raise Stopped(
                "memory",
                f"xrealloc: cannot allocate {total} bytes for {what} "
                f"(buffers may hold at most {self.limits.max_memory} characters)",
            )

    def drop(self, size: int) -> None:
        """A buffer of ``size`` characters was let go."""
        self.buffered = max(0, self.buffered - size)

    # Disk -------------------------------------------------------------------------------

    def write(self, size: int, path: str) -> None:
        """Before writing ``size`` more bytes to ``path``: stop past the run's cap."""
        if self.written + size > self.limits.max_written:
            raise Stopped(
                "disk",
                f"{path}: File size limit exceeded "
                f"(a run may write at most {self.limits.max_written} bytes)",
            )
        self.written += size
