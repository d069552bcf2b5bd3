# Copied from templates/static/sfapi/_async/tasks.py by `python -m generator codegen`. Do not edit here.
"""Tasks: the asynchronous work items the API returns for commands and submissions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._awaitable import CompletionAwaitable
from .._deadline import waiting
from .._exceptions import TaskFailedError, WaitTimeoutError
from .._polling import DEFAULT_TASK_TIMEOUT, checked_timeout
from .._task_results import CommandResult, parse_result, server_id
from ..models import Task, TaskStatus

if TYPE_CHECKING:
    from .client import Client

__all__ = ["CommandTask"]

_ENDED = frozenset({TaskStatus.completed, TaskStatus.failed, TaskStatus.cancelled})


class TaskHandle:
    """A task of the API: ``update()`` reads its state, ``wait()`` polls until it ends.

    Attributes: ``task_id``, ``status`` (a ``TaskStatus`` or None before the first read)
    and ``result`` (the raw result string, once the task has ended).
    """

    def __init__(self, client: Client, task_id: str) -> None:
        self._client = client
        self.task_id = server_id(task_id, "task id")
        self.status: TaskStatus | None = None
        self.result: str | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(task_id={self.task_id!r}, status={self.status!r})"

    @property
    def ended(self) -> bool:
        """True once the task has completed, failed or been cancelled."""
        return self.status in _ENDED

    def _absorb(self, task: Task) -> None:
        self.status = task.status
        self.result = task.result

    def update(self) -> TaskStatus | None:
        """Read the task's state from the API; return its status."""
        self._absorb(self._client.api_client.tasks.read_task(self.task_id))
        return self.status

    def wait(self, timeout: float | None = None) -> str | None:
        """Poll until the task ends; return its raw result string.

        Raises WaitTimeoutError after ``timeout`` seconds (default 300; every request
        of the wait included) and TaskFailedError when the task was cancelled.
        """
        limit = checked_timeout(timeout, DEFAULT_TASK_TIMEOUT)
        interval = self._client.task_interval

        def timed_out() -> str:
            return (
                f"task {self.task_id} did not end within {limit:.3g} s "
                f"(status {self.status}); it may still end later"
            )

        with waiting(limit, timed_out) as deadline:
            while True:
                self.update()
                if self.ended:
                    break
                if deadline.expired:
                    raise WaitTimeoutError(timed_out())
                self._client._sleep(deadline.next_sleep(interval))
        if self.status is TaskStatus.cancelled:
            raise TaskFailedError(f"task {self.task_id} was cancelled")
        return self.result

    def cancel(self) -> None:
        """Cancel the task if it has not ended yet."""
        self._absorb(self._client.api_client.tasks.cancel_task(self.task_id))


class CommandTask(TaskHandle, CompletionAwaitable):
    """A command run on a login node; ``complete()`` waits for it and gives its output."""

    def complete(self, timeout: float | None = None) -> str:
        """Wait for the command to end and return its standard output.

        Raises TaskFailedError with the command's error when it failed, and
        WaitTimeoutError after ``timeout`` seconds (default 300).
        """
        raw = self.wait(timeout)
        result: CommandResult = parse_result(raw, CommandResult, self.task_id)
        if not result.ok or self.status is TaskStatus.failed:
            detail = result.error or result.output or "no error message"
            raise TaskFailedError(f"command failed: {detail}")
        return result.output or ""
