"""Errors of the SF API's workflows: tasks, job submissions, jobs and machines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._exceptions import NotFoundError
from ._package import SfApiError

if TYPE_CHECKING:
    from ._lint import Finding

__all__ = [
    "InvalidArgumentError",
    "JobNotCreatedError",
    "JobNotFoundError",
    "JobPolicyError",
    "JobScriptIsADirectoryError",
    "JobScriptNotFoundError",
    "JobSubmissionError",
    "MachineUnavailableError",
    "RetiredMachineError",
    "SubmissionOutcomeUnknownError",
    "TaskFailedError",
    "UploadTooLargeError",
]


class TaskFailedError(SfApiError):
    """A task (a command, a submission, a cancellation) ended in failure; ``str()`` says why."""


class JobSubmissionError(TaskFailedError):
    """The scheduler refused a job; the message is sbatch's.

    ``fix`` says how to change the script when the message is one the lint knows (naming
    the line when the script's text was submitted), else None; ``findings`` are the
    lint's findings of a submitted script text (see ``lint_script``).
    """

    fix: str | None = None
    findings: tuple[Finding, ...] = ()


class JobPolicyError(JobSubmissionError):
    """NERSC's policy refused the job: no node constraint (``-C cpu``/``-C gpu``), a QOS
    or node type Perlmutter does not have, or a time limit or node count beyond the
    QOS's ("Job request does not match any supported policy"). ``fix`` says what to
    change."""


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


class RetiredMachineError(SfApiError, AttributeError, ValueError):
    """A machine NERSC has retired was named (``cori``, ``edison``); ``str()`` names the
    machine that took over its work.

    An AttributeError for ``Machines.cori`` (so ``hasattr`` answers False) and a
    ValueError for ``client.compute("cori")``, like any other name that is not a machine.
    """


class InvalidArgumentError(SfApiError, ValueError):
    """An argument cannot be used (a relative job script path, a path with a ``..``
    segment, an empty script); found before any request was sent.

    A ValueError, as argument errors are, and an ``SfApiError``, as NERSC's earlier client
    raised for these, so that code catching ``SfApiError`` written for it still applies.
    """


class JobScriptNotFoundError(SfApiError, FileNotFoundError):
    """The job script path names no file on the machine (checked before submitting)."""


class JobScriptIsADirectoryError(SfApiError, IsADirectoryError):
    """The job script path names a directory on the machine (checked before submitting)."""


class UploadTooLargeError(SfApiError, ValueError):
    """An upload is larger than its limit (``max_bytes``, 5 MiB by default); refused
    before anything was sent."""
