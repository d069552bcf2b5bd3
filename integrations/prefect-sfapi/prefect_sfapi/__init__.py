"""Prefect tasks and a credentials block for NERSC's Superfacility API.

``SfApiCredentials`` makes clients; ``submit_job`` submits a batch job exactly once
however often its flow runs (a key derived from the flow run, or from a ``scope`` you
name, goes into the job's Slurm comment); ``wait_for_jobs`` waits for many jobs with
one status request per round, in short attempts; ``run_command``, ``upload_file`` and
``download_file`` do the rest of the everyday work.
"""

from __future__ import annotations

from .commands import run_command
from .credentials import SfApiCredentials
from .files import download_file, upload_file
from .jobs import JobsFailed, JobsStillRunning, submit_job, wait_for_job, wait_for_jobs
from .keys import scope_prefix
from .records import JobRecord

__version__ = "0.1.0"

__all__ = [
    "JobRecord",
    "JobsFailed",
    "JobsStillRunning",
    "SfApiCredentials",
    "download_file",
    "run_command",
    "scope_prefix",
    "submit_job",
    "upload_file",
    "wait_for_job",
    "wait_for_jobs",
]
