"""Tasks: the asynchronous work items the API returns for commands and submissions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._awaitable import AsyncSettleAwaitable
from .._deadline import waiting
from .._exceptions import WaitTimeoutError
from .._polling import checked_timeout
from .._task_results import CommandResult, TaskStatus, parse_result, server_id
from .._wait_timeouts import DEFAULT_TASK_TIMEOUT
from .._workflow_errors import TaskFailedError
from ..models import Task
from ..models import TaskStatus as ApiTaskStatus
from .scope import scope_of

if TYPE_CHECKING:
    from .context import AsyncContext
    from .scope import AsyncMachineScope, AsyncScopeOwner

__all__ = ["AsyncCommandTask"]

_ENDED = frozenset({ApiTaskStatus.completed, ApiTaskStatus.failed, ApiTaskStatus.cancelled})


class AsyncTaskHandle:
    """A task of the API: ``update()`` reads its state, ``wait()`` polls until it ends.

    Attributes: ``task_id``, ``status`` (the API's ``TaskStatus``, or None before the
    first read) and ``result`` (the raw result string, once the task has ended).
    """

    def __init__(self, context: AsyncContext, task_id: str) -> None:
        self._context = context
        self.task_id = server_id(task_id, "task id")
        self.status: ApiTaskStatus | None = None
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

    async def update(self) -> ApiTaskStatus | None:
        """Read the task's state from the API; return its status."""
        self._absorb(await self._context.api.tasks.read_task(self.task_id))
        return self.status

    async def settle(self, timeout: float | None = None) -> None:
        """Poll until the task ends, whichever way; WaitTimeoutError after ``timeout``
        seconds (default 300; every request of the wait included)."""
        limit = checked_timeout(timeout, DEFAULT_TASK_TIMEOUT)

        def timed_out() -> str:
            return (
                f"task {self.task_id} did not end within {limit:.3g} s "
                f"(status {self.status}); it may still end later"
            )

        with waiting(limit, timed_out, self._context.clock) as deadline:
            while True:
                await self.update()
                if self.ended:
                    return
                if deadline.expired:
                    raise WaitTimeoutError(timed_out())
                await self._context.sleep(deadline.next_sleep(self._context.task_interval))

    async def wait(self, timeout: float | None = None) -> str | None:
        """Poll until the task ends; return its raw result string.

        Raises WaitTimeoutError after ``timeout`` seconds (default 300; every request
        of the wait included) and TaskFailedError when the task was cancelled.
        """
        await self.settle(timeout)
        if self.status is ApiTaskStatus.cancelled:
            raise TaskFailedError(f"task {self.task_id} was cancelled")
        return self.result

    async def cancel(self) -> None:
        """Cancel the task if it has not ended yet."""
        self._absorb(await self._context.api.tasks.cancel_task(self.task_id))


class AsyncCommandTask(AsyncSettleAwaitable):
    """A command run on a login node, as ``compute.run_task()`` starts it.

    Attributes: ``id`` (the task id), ``status`` (a ``TaskStatus``, None before the
    first read) and ``result`` (a ``CommandResult`` with ``status``, ``output``,
    ``error`` and ``exit_code``, once the command has ended). ``settle()`` waits until
    it ended and gives the task (so does awaiting the task, for the async client);
    ``complete()`` waits and gives the command's output.

    Arguments:
        compute: the machine the command runs on.
        task_id: the id of its task.
    """

    def __init__(self, compute: AsyncMachineScope | AsyncScopeOwner, task_id: str) -> None:
        scope = scope_of(compute)
        if scope is None:
            raise TypeError("a command task runs on a machine: pass client.compute(...)")
        self.compute = scope
        """The scope of the machine the command runs on."""
        self.id = task_id
        """The task's id."""
        self.status: TaskStatus | None = None
        """The task's state (None before the first read)."""
        self.result: CommandResult | None = None
        """The command's result, once it has ended."""
        self._handle = scope.context.task(task_id)

    def __repr__(self) -> str:
        status = self.status.value if self.status else None
        return f"{type(self).__name__}(id={self.id!r}, status={status!r})"

    @property
    def task_id(self) -> str:
        """The task's id (the same as ``id``)."""
        return self.id

    @property
    def ended(self) -> bool:
        """True once the command has completed, failed or been cancelled."""
        return self._handle.ended

    def _absorb(self) -> None:
        handle = self._handle
        self.status = TaskStatus.from_api(handle.status) if handle.status else None
        if handle.result is not None:
            self.result = parse_result(handle.result, CommandResult, self.id)

    async def update(self) -> AsyncCommandTask:
        """Read the task's state and result from the API; return the task."""
        await self._handle.update()
        self._absorb()
        return self

    async def settle(self, timeout: float | None = None) -> AsyncCommandTask:
        """Wait until the command ended, whichever way; return the task.

        Arguments:
            timeout: seconds to wait (default 300).

        Raises:
            WaitTimeoutError: after ``timeout``.
        """
        await self._handle.settle(timeout)
        self._absorb()
        return self

    async def complete(self, timeout: float | None = None) -> str:
        """Wait for the command to end and return its standard output.

        Arguments:
            timeout: seconds to wait (default 300).

        Raises:
            TaskFailedError: the command failed or was cancelled (with its error).
            WaitTimeoutError: after ``timeout``.
        """
        await self.settle(timeout)
        if self.status is TaskStatus.CANCELLED:
            raise TaskFailedError(f"task {self.id} was cancelled")
        result = self.result or parse_result(None, CommandResult, self.id)
        if not result.ok or self.status is TaskStatus.FAILED:
            detail = result.error or result.output or "no error message"
            raise TaskFailedError(f"command failed: {detail}")
        return result.output or ""

    async def cancel(self) -> None:
        """Cancel the command if it has not ended yet."""
        await self._handle.cancel()
        self._absorb()
