"""Tasks: the API's handles on work that finishes later (submissions, commands, cancels).

A task reports ``new`` until its work is done and its delay has passed, then
``completed`` or ``failed`` with a JSON result string; ``cancelled`` once cancelled.
Instant work (a submission) is done when the task is created; a command runs in a
thread and can be cancelled while it runs. Ended tasks are forgotten after a retention
time, beyond a number per user, and beyond a budget of retained result text, so memory
stays bounded.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger("sfapi_sim")


@dataclass
class TaskRecord:
    """One task of one user."""

    id: str
    user: str
    ready_at: float
    outcome: str = "completed"
    result: dict[str, Any] | None = None
    cancelled: bool = False
    #: Set when the work is done (at once for instant tasks).
    done: threading.Event = field(default_factory=threading.Event)
    #: Set to ask running work to stop.
    cancel: threading.Event = field(default_factory=threading.Event)
    #: When it ended (cancelled, or done and past its delay), on the simulator's clock.
    ended_at: float | None = None

    def view(self, now: float) -> dict[str, Any]:
        """The task as ``GET /tasks/{id}`` shows it."""
        if self.cancelled:
            return {"id": self.id, "status": "cancelled", "result": None}
        if now < self.ready_at or not self.done.is_set():
            return {"id": self.id, "status": "new", "result": None}
        return {"id": self.id, "status": self.outcome, "result": json.dumps(self.result)}

    def ended(self, now: float) -> bool:
        return self.cancelled or (self.done.is_set() and now >= self.ready_at)

    def size(self) -> int:
        """Characters its result holds (what retaining it costs)."""
        if self.result is None:
            return 0
        return sum(len(v) for v in self.result.values() if isinstance(v, str))


class TaskLimitError(Exception):
    """Too many tasks of one user are running."""


class TaskStore:
    """Every task, by id."""

    def __init__(
        self,
        *,
        retention: float = 3600.0,
        max_per_user: int = 1000,
        max_result_chars: int = 64 * 1024 * 1024,
    ) -> None:
        self._tasks: dict[str, TaskRecord] = {}
        self._lock = threading.Lock()
        self.retention = retention
        self.max_per_user = max_per_user
        self.max_result_chars = max_result_chars

    def create(
        self,
        user: str,
        result: dict[str, Any],
        *,
        ready_at: float,
        failed: bool = False,
        now: float | None = None,
    ) -> TaskRecord:
        """A task whose work is already done."""
        task = TaskRecord(
            id=uuid.uuid4().hex[:12],
            user=user,
            ready_at=ready_at,
            outcome="failed" if failed else "completed",
            result=result,
        )
        task.done.set()
        task.ended_at = ready_at
        self._add(task, ready_at if now is None else now)
        return task

    def start(
        self,
        user: str,
        work: Callable[[threading.Event], dict[str, Any]],
        *,
        ready_at: float,
        now: float,
        max_running: int,
    ) -> TaskRecord:
        """A task whose ``work`` runs in a thread (it gets the task's cancel event and
        returns the result); TaskLimitError when ``max_running`` tasks of ``user`` run."""
        with self._lock:
            running = sum(1 for t in self._tasks.values() if t.user == user and not t.done.is_set())
        if running >= max_running:
            raise TaskLimitError(
                f"{running} commands of {user} are still running (at most {max_running}); "
                "wait for them or cancel some"
            )
        task = TaskRecord(id=uuid.uuid4().hex[:12], user=user, ready_at=ready_at)
        self._add(task, now)

        def run() -> None:
            try:
                task.result = work(task.cancel)
            except Exception as exc:  # a defect of the simulator: the task fails, visibly
                logger.exception("task %s failed inside the simulator", task.id)
                task.outcome = "failed"
                task.result = {"status": "error", "output": "", "error": f"simulator error: {exc}"}
            finally:
                task.done.set()

        threading.Thread(target=run, name=f"task-{task.id}", daemon=True).start()
        return task

    def _add(self, task: TaskRecord, now: float) -> None:
        with self._lock:
            self._forget_old(task.user, now)
            self._tasks[task.id] = task

    def _forget_old(self, user: str, now: float) -> None:
        """Drop ended tasks past the retention time, and the oldest ended ones of ``user``
        beyond the per-user cap (running tasks are always kept)."""
        for task_id, task in list(self._tasks.items()):
            if task.ended(now) and task.ended_at is None:
                task.ended_at = now
            if task.ended_at is not None and now - task.ended_at > self.retention:
                del self._tasks[task_id]
        mine = [t for t in self._tasks.values() if t.user == user]
        excess = len(mine) + 1 - self.max_per_user
        for task in [t for t in mine if t.ended(now)][: max(excess, 0)]:
            del self._tasks[task.id]
        # Results of all users together stay within a budget: the oldest ended go first.
        retained = sum(t.size() for t in self._tasks.values())
        for task in [t for t in self._tasks.values() if t.ended(now)]:
            if retained <= self.max_result_chars:
                break
            retained -= task.size()
            del self._tasks[task.id]

    def get(self, task_id: str, user: str) -> TaskRecord | None:
        with self._lock:
            task = self._tasks.get(task_id)
        return task if task is not None and task.user == user else None

    def of(self, user: str) -> list[TaskRecord]:
        with self._lock:
            return [t for t in self._tasks.values() if t.user == user]

    def count(self) -> int:
        with self._lock:
            return len(self._tasks)

    def cancel(self, task_id: str, user: str, now: float) -> TaskRecord | None:
        task = self.get(task_id, user)
        if task is not None and not task.ended(now):
            task.cancelled = True
            task.cancel.set()
        return task
