"""What the job tasks hand from one task to the next: a small, JSON-able job record.

Prefect passes task results between tasks and may persist them; a record holds no
client and no connection, only what finds the job again from any process: its
machine, its id and its submission key.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from sfapi_client import JobState

__all__ = ["JobRecord"]


class JobRecord(BaseModel):
    """A batch job as the job tasks report it.

    Fields: ``machine`` (``perlmutter``...), ``jobid``, ``key`` (the submission key in
    its Slurm comment, when it was submitted with one), ``submitted_at`` (when it was
    submitted, ISO-8601 in UTC, or None) and ``state`` (as last read).
    """

    model_config = ConfigDict(frozen=True)

    machine: str
    jobid: str
    key: str | None = None
    submitted_at: str | None = None
    state: JobState = JobState.PENDING

    @classmethod
    def of(cls, record: Mapping[str, str | None], state: JobState) -> JobRecord:
        """The record of a job from the client's ``job.record()`` and its state."""
        return cls(
            machine=str(record["machine"]),
            jobid=str(record["jobid"]),
            key=record.get("key"),
            submitted_at=record.get("submitted_at"),
            state=state,
        )

    def client_record(self) -> dict[str, str | None]:
        """The client's record of the job, for ``compute.attach()``."""
        return {
            "machine": self.machine,
            "jobid": self.jobid,
            "key": self.key,
            "submitted_at": self.submitted_at,
        }

    def with_state(self, state: JobState) -> JobRecord:
        """This record with ``state``."""
        return self.model_copy(update={"state": state})
