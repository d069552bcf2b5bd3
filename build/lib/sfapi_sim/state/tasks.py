"""Tasks: the API's handles on work that finishes later (submissions, commands, cancels).

The work itself is done when the task is created; the task reports ``new`` until its
delay has passed, then ``completed`` or ``failed`` with a JSON result string.
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass
from typing import Any


@dataclass
class TaskRecord:
    """One task of one user."""

    id: str
    user: str
    ready_at: float
    outcome: str
    result: dict[str, Any]
    cancelled: bool = False

    def view(self, now: float) -> dict[str, Any]:
        """The task as ``GET /tasks/{id}`` shows it."""
        if self.cancelled:
            return {"id": self.id, "status": "cancelled", "result": None}
        if now < self.ready_at:
            return {"id": self.id, "status": "new", "result": None}
        return {"id": self.id, "status": self.outcome, "result": json.dumps(self.result)}


class TaskStore:
    """Every task, by id."""

    def __init__(self) -> None:
        self._tasks: dict[str, TaskRecord] = {}
        self._lock = threading.Lock()

    def create(
        self, user: str, result: dict[str, Any], *, ready_at: float, failed: bool = False
    ) -> TaskRecord:
        task = TaskRecord(
            id=uuid.uuid4().hex[:12],
            user=user,
            ready_at=ready_at,
            outcome="failed" if failed else "completed",
            result=result,
        )
        with self._lock:
            self._tasks[task.id] = task
        return task

    def get(self, task_id: str, user: str) -> TaskRecord | None:
        with self._lock:
            task = self._tasks.get(task_id)
        return task if task is not None and task.user == user else None

    def of(self, user: str) -> list[TaskRecord]:
        with self._lock:
            return [t for t in self._tasks.values() if t.user == user]

    def cancel(self, task_id: str, user: str, now: float) -> TaskRecord | None:
        task = self.get(task_id, user)
        if task is not None and now < task.ready_at:
            task.cancelled = True
        return task
