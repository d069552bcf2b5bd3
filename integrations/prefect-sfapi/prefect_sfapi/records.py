"""What the job tasks hand from one task to the next: a small, JSON-able job record.

Prefect passes task results between tasks and may persist them; a record holds no
client and no connection, only what finds the job again from any process: its
machine, its id and its submission key.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sfapi_client import JobState

__all__ = ["JobRecord"]


class JobRecord(BaseModel):
    """A batch job as the job tasks report it.

    Fields: ``machine`` (``perlmutter``...), ``jobid``, ``key`` (the submission key in
    its Slurm comment, when it was submitted with one) and ``state`` (as last read).
    """

    model_config = ConfigDict(frozen=True)

    machine: str
    jobid: str
    key: str | None = None
    state: JobState = JobState.PENDING

    def with_state(self, state: JobState) -> JobRecord:
        """This record with ``state``."""
        return self.model_copy(update={"state": state})
