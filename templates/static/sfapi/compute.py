"""``sfapi_client.compute``: machines, and the commands run on them."""

from ._async.compute import AsyncCompute
from ._async.tasks import AsyncCommandTask
from ._machines import Machine, Machines
from ._sync.compute import Compute
from ._sync.tasks import CommandTask
from ._task_results import CommandResult, TaskStatus

#: What a command task's ``result`` holds: ``status``, ``output``, ``error``, ``exit_code``.
CommandTaskResult = CommandResult
AsyncCommandTaskResult = CommandResult

__all__ = [
    "AsyncCommandTask",
    "AsyncCommandTaskResult",
    "AsyncCompute",
    "CommandResult",
    "CommandTask",
    "CommandTaskResult",
    "Compute",
    "Machine",
    "Machines",
    "TaskStatus",
]
