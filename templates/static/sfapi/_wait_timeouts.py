"""How long the SF API's waits last by default: tasks finish in seconds, jobs may queue
for days, transfers move terabytes."""

from __future__ import annotations

#: A task: a command, a file operation, a cancellation.
DEFAULT_TASK_TIMEOUT = 300.0
#: A submission: the script check, the request, any reconciliation, the scheduler's answer.
DEFAULT_SUBMIT_TIMEOUT = 300.0
#: A job, from the queue to its end.
DEFAULT_JOB_TIMEOUT = 7 * 24 * 3600.0
#: A Globus transfer.
DEFAULT_TRANSFER_TIMEOUT = 24 * 3600.0
