# Copied from templates/static/sfapi/_task_results.py by `python -m generator codegen`. Do not edit here.
"""The JSON documents tasks carry in their ``result`` string, as typed models.

The spec types ``Task.result`` as a string; the service writes JSON into it when the
task ends (see spec/BEHAVIOUR.md). These models read it.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ._encoding import path_segment
from ._exceptions import ResponseDecodeError
from .models import TaskStatus as ApiTaskStatus

__all__ = ["CommandResult", "SubmissionResult"]


class TaskStatus(str, Enum):  # noqa: UP042 - prints as TaskStatus.X, as the earlier client
    """Where a command task stands, in the upper-case spelling of ``sfapi_client.compute``.

    Members equal their text and print as ``TaskStatus.COMPLETED``, as in NERSC's
    earlier client.

    The API answers in lower case (``completed``); this enum is what ``CommandTask.status``
    holds. It is exported from ``sfapi_client.compute`` only, since the package root's
    ``TaskStatus`` is the API's own enum.
    """

    NEW = "NEW"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"
    FAILED = "FAILED"

    @classmethod
    def from_api(cls, status: ApiTaskStatus) -> TaskStatus:
        """The member for the API's status."""
        return cls[status.value.upper()]


class _TaskResult(BaseModel):
    model_config = ConfigDict(extra="allow")

    status: str
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the task's work succeeded."""
        return self.status.lower() == "ok"


class SubmissionResult(_TaskResult):
    """Result of a job submission task: the job id, or sbatch's error.

    Attributes:
        status: ``ok`` when the job was submitted, ``error`` otherwise.
        error: sbatch's error, when it refused the job.
        jobid: the new job's id.
    """

    jobid: str | None = None


class CommandResult(_TaskResult):
    """Result of a command task: its output, the error (stderr or reason), the exit code.

    Attributes:
        status: ``ok`` when the command succeeded, ``error`` otherwise.
        error: the command's standard error, or why it could not run.
        output: the command's standard output.
        exit_code: the command's exit code.
    """

    output: str | None = None
    exit_code: int | None = None


def parse_result(text: str | None, kind: type[_TaskResult], task_id: str) -> Any:
    """Parse a task's ``result`` string into ``kind``; ResponseDecodeError if it is not."""
    if text is None:
        raise ResponseDecodeError(f"task {task_id} ended without a result")
    try:
        return kind.model_validate(json.loads(text))
    except (ValueError, RecursionError, ValidationError) as exc:
        raise ResponseDecodeError(f"task {task_id} has a result that is not valid: {exc}") from None


def server_id(value: str, what: str) -> str:
    """An id the service gave (a task or job id) that later requests put in their URL;
    ResponseDecodeError when it cannot name one resource there (``..``, a newline ...)."""
    try:
        path_segment(value)
    except ValueError as exc:
        raise ResponseDecodeError(f"the service gave a {what} that cannot be used: {exc}") from None
    return value
