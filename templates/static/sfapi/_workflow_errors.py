"""Errors of the SF API's workflows: tasks, job submissions, jobs and machines."""

from __future__ import annotations

from ._exceptions import NotFoundError
from ._package import SfApiError

__all__ = [
    "JobNotCreatedError",
    "JobNotFoundError",
    "JobSubmissionError",
    "MachineUnavailableError",
    "SubmissionOutcomeUnknownError",
    "TaskFailedError",
]


class TaskFailedError(SfApiError):
    """A task (a command, a submission, a cancellation) ended in failure; ``str()`` says why."""


class JobSubmissionError(TaskFailedError):
    """The scheduler refused a job; the message is sbatch's."""


class SubmissionOutcomeUnknownError(SfApiError):
    """A submission failed in a way that leaves unknown whether the job exists.

    The message says how to check (``squeue``/``sacct`` for the tag or the script).
    """


class JobNotCreatedError(SfApiError):
    """A submission failed, and the job list and task list showed that no job was created:
    submitting again is safe."""


class JobNotFoundError(NotFoundError):
    """No job with this id is known to squeue or sacct (after the grace window)."""


class MachineUnavailableError(SfApiError):
    """The machine is not available for job or file work now; ``str()`` says why."""
