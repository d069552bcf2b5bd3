"""Pipelines as bash runs them: every stage at once, joined by bounded pipes.

``seq 1 100000000000 | head -3`` must print three lines and end: ``head`` stops reading,
and ``seq``, writing into a pipe nobody reads any more, is killed by SIGPIPE (status
141 in ``PIPESTATUS`` and under ``pipefail``). Running the stages one after the other
over an in-memory buffer cannot do that, so each stage runs in a thread of its own.

The threads take turns rather than run freely: exactly one stage computes at a time,
and the turn passes only where a real process would block. A writer whose pipe is full
(:data:`PIPE_CAPACITY` characters) hands the turn on and waits until its reader has
made room; a reader whose pipe is empty hands it on until its writer has written or
ended. When a stage ends, its end of each pipe closes: a reader then sees the end of
its input, and a writer gets :class:`PipeClosed` on its next write, which ends the
whole stage with status 141 (the stage is a subshell, and SIGPIPE ends the process).
Taking turns keeps the run deterministic, keeps the run's budget (steps, memory,
processor slice) with one stage at a time, and needs no locks in the interpreter; the
pipes hold at most their capacity, counted toward the run's memory, so a pipeline's
memory stays bounded however much flows through it.

A stage stopped by a budget or a cancellation ends the pipeline: each other stage,
when the turn reaches it, stops too (unwinding its commands, closing its files), and
the pipeline raises the first stage's stop. Some stage can always go on (a pipe is
either not full, or its reader can read), so the turns never deadlock.
"""

from __future__ import annotations

import contextvars
import threading
from collections import deque
from collections.abc import Callable, Iterator

from .budget import Budget
from .errors import Stopped
from .streams import Input

#: Characters a pipe holds before its writer waits (a Linux pipe holds 64 KiB).
PIPE_CAPACITY = 64 * 1024
#: The status of a stage ended by SIGPIPE (128 + 13), as bash reports it.
SIGPIPE_STATUS = 141


class PipeClosed(Exception):
    """Written to a pipe whose reader has ended (SIGPIPE): the writing stage ends.

    Not an ``OSError`` on purpose: no program's error handling may swallow it.
    """


class _Stage:
    def __init__(self) -> None:
        #: While the stage waits: what must hold before it can go on.
        self.ready: Callable[[], bool] | None = None
        self.done = False


class Baton:
    """The turn among the stages of one pipeline: who may compute now."""

    def __init__(self, count: int) -> None:
        self._condition = threading.Condition()
        self._stages = [_Stage() for _ in range(count)]
        self._turn: int | None = 0
        #: The exception that ended a stage abnormally (a budget, a cancellation).
        self.failure: BaseException | None = None

    def start(self, index: int) -> None:
        """Wait for stage ``index``'s first turn; Stopped when the pipeline was stopped."""
        with self._condition:
            self._wait_for_turn(index)

    def wait_until(self, index: int, ready: Callable[[], bool]) -> None:
        """Stage ``index`` cannot go on until ``ready()``: let the others run until then."""
        with self._condition:
            while not ready():
                self._stages[index].ready = ready
                self._pass_from(index)
                self._wait_for_turn(index)
                self._stages[index].ready = None

    def finish(self, index: int, failure: BaseException | None = None) -> None:
        """Stage ``index`` ended (``failure``: abnormally); the turn goes on."""
        with self._condition:
            self._stages[index].done = True
            if failure is not None and self.failure is None:
                self.failure = failure
            self._pass_from(index)

    def _wait_for_turn(self, index: int) -> None:
        while self._turn != index:
            self._condition.wait()
        if self.failure is not None:
            failure = self.failure
            if isinstance(failure, Stopped):
                raise Stopped(failure.kind, failure.reason)
            raise Stopped("limit", "the pipeline stopped")

    def _pass_from(self, index: int) -> None:
        count = len(self._stages)
        waiting = [(index + step) % count for step in range(1, count + 1)]
        pending = [i for i in waiting if not self._stages[i].done]
        chosen = next((i for i in pending if self._runnable(i)), None)
        if chosen is None and pending:
            # Cannot happen in a chain of pipes; should it, the pipeline stops rather
            # than hangs.
            self.failure = self.failure or Stopped("limit", "the pipeline's stages all wait")
            chosen = pending[0]
        self._turn = chosen
        self._condition.notify_all()

    def _runnable(self, index: int) -> bool:
        if self.failure is not None:
            return True
        ready = self._stages[index].ready
        return ready is None or ready()


class Pipe:
    """A bounded pipe between stage ``writer`` and stage ``writer + 1`` of a pipeline."""

    def __init__(self, baton: Baton, writer: int, budget: Budget) -> None:
        self.baton = baton
        self.writer = writer
        self.reader = writer + 1
        self.budget = budget
        self._chunks: deque[str] = deque()
        self.size = 0
        self.writer_done = False
        self.reader_done = False

    def put(self, text: str) -> None:
        """Write ``text``, waiting for room; PipeClosed once the reader has ended."""
        while text:
            if self.reader_done:
                raise PipeClosed()
            room = PIPE_CAPACITY - self.size
            if room <= 0:
                self.baton.wait_until(self.writer, self._writable)
                continue
            part, text = text[:room], text[room:]
            self.budget.hold(len(part), "the pipe")
            self._chunks.append(part)
            self.size += len(part)

    def take(self) -> str | None:
        """All the text buffered now, waiting for some; None at the end of input."""
        self.baton.wait_until(self.reader, self._readable)
        if not self.size:
            return None
        text = "".join(self._chunks)
        self._chunks.clear()
        self.budget.drop(self.size)
        self.size = 0
        return text

    def close_writer(self) -> None:
        self.writer_done = True

    def close_reader(self) -> None:
        self.reader_done = True
        self._chunks.clear()
        self.budget.drop(self.size)
        self.size = 0

    def _writable(self) -> bool:
        return self.size < PIPE_CAPACITY or self.reader_done

    def _readable(self) -> bool:
        return self.size > 0 or self.writer_done


class PipeSink:
    """The writing end of a pipe, as a stage's standard output (or error, with ``|&``)."""

    def __init__(self, pipe: Pipe) -> None:
        self.pipe = pipe

    def write(self, text: str) -> None:
        self.pipe.put(text)

    def close(self) -> None:
        """The pipe closes when its stage ends, not when one command's output does."""


class PipeInput(Input):
    """The reading end of a pipe, as a stage's standard input: read as it arrives.

    A whole read (``sort``) or one line holds at most ``limit`` characters (and one
    pipeful); line and chunk reads (``head``, ``read``, ``cat``, ``wc``) hold one line
    or one pipeful at a time.
    """

    def __init__(self, pipe: Pipe, limit: int) -> None:
        super().__init__("")
        self.pipe = pipe
        self.limit = limit
        #: Characters of ``_text`` counted toward the run's memory.
        self._held = 0

    def _more(self) -> bool:
        """Append the next text from the pipe to what is unread; False at the end."""
        text = self.pipe.take()
        if text is None:
            return False
        unread = len(self._text) - self._position
        if unread > self.limit:  # held: at most the limit and one pipeful
            raise Stopped("limit", f"the pipe exceeds the {self.limit}-character limit")
        self._text = self._text[self._position :] + text
        self._position = 0
        self._account()
        return True

    def _account(self) -> None:
        """Count what this end holds toward the run's memory (a whole read can be big)."""
        size = len(self._text)
        if size > self._held:
            self.pipe.budget.hold(size - self._held, "the input read from a pipe")
        else:
            self.pipe.budget.drop(self._held - size)
        self._held = size

    def read(self) -> str:
        """The whole rest of the input; the caller holds it from now on."""
        while self._more():
            pass
        rest = super().read()
        self._text, self._position = "", 0
        self._account()
        return rest

    def readline(self) -> str | None:
        while True:
            end = self._text.find("\n", self._position)
            if end >= 0:
                line = self._text[self._position : end + 1]
                self._position = end + 1
                return line
            if not self._more():
                return super().readline()

    def drop_read_ahead(self) -> None:
        """Only the pipeful read so far is gone; the writer may still write more."""
        self._text, self._position = "", 0
        self._account()

    def close(self) -> None:
        """The stage ended: its reading end closes, and what it held is let go."""
        self._text, self._position = "", 0
        self._account()
        self.pipe.close_reader()

    def chunks(self) -> Iterator[str]:
        rest = self._text[self._position :]
        self._text, self._position = "", 0
        self._account()
        if rest:
            yield rest
        while True:
            text = self.pipe.take()
            if text is None:
                return
            yield text


def run_stages(stages: list[Callable[[], None]], baton: Baton) -> None:
    """Run each stage in a thread of its own, taking turns; return when all have ended.

    Each callable runs one stage to its end (its status kept by the caller). Raises the
    first abnormal end of a stage (a budget, a cancellation) once all have ended.
    """
    threads = []
    for index, stage in enumerate(stages):
        context = contextvars.copy_context()
        thread = threading.Thread(
            target=context.run,
            args=(_stage_body, baton, index, stage),
            name=f"sfapi-sim-pipe-{index}",
            daemon=True,
        )
        threads.append(thread)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if baton.failure is not None:
        raise baton.failure


def _stage_body(baton: Baton, index: int, stage: Callable[[], None]) -> None:
    failure: BaseException | None = None
    try:
        baton.start(index)
        stage()
    except BaseException as exc:  # handed to the pipeline's own thread, which raises it
        failure = exc
    baton.finish(index, failure)
