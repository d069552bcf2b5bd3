# Copied from templates/static/sfapi/jobs.py by `python -m generator codegen`. Do not edit here.
"""``sfapi_client.jobs``: batch jobs, their states, and the Slurm views that report them."""

from ._async.jobs import AsyncJob, AsyncJobSacct, AsyncJobSqueue
from ._job_state import RUNNING_STATES, TERMINAL_STATES, WAITING_STATES, JobCommand, JobState
from ._sync.jobs import Job, JobSacct, JobSqueue
from .models import JobOutput

#: The answer of a job listing: ``status``, ``output`` (the rows) and ``error``.
JobStateResponse = JobOutput

__all__ = [
    "RUNNING_STATES",
    "TERMINAL_STATES",
    "WAITING_STATES",
    "AsyncJob",
    "AsyncJobSacct",
    "AsyncJobSqueue",
    "Job",
    "JobCommand",
    "JobSacct",
    "JobSqueue",
    "JobState",
    "JobStateResponse",
]
