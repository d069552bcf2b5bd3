# Copied from templates/static/sfapi/_job_state.py by `python -m generator codegen`. Do not edit here.
"""Slurm job states, with an explicit classification of which ones end a job.

Every state Slurm reports is a member; ``CANCELLED by 12345`` (sacct) parses as
``CANCELLED``, a short squeue code (``PD``, ``R``, ``CG`` ...) as its long state, and any
text the package does not know as ``UNKNOWN`` (the caller keeps the raw text), so a new
Slurm state can never break validation or make a wait loop spin forever.
"""

from __future__ import annotations

from enum import Enum, StrEnum

__all__ = ["JobCommand", "JobState"]


class JobCommand(StrEnum):
    """Which Slurm view answers job queries: the live queue or the accounting database."""

    squeue = "squeue"
    sacct = "sacct"


class JobState(str, Enum):  # noqa: UP042 - prints as JobState.X, as the earlier client
    """A Slurm job state (see ``man squeue``, JOB STATE CODES).

    A member equals its text (``JobState.COMPLETED == "COMPLETED"``) and prints as
    ``JobState.COMPLETED``, as in NERSC's earlier client; ``.value`` is the text.
    """

    BOOT_FAIL = "BOOT_FAIL"
    CANCELLED = "CANCELLED"
    COMPLETED = "COMPLETED"
    COMPLETING = "COMPLETING"
    CONFIGURING = "CONFIGURING"
    DEADLINE = "DEADLINE"
    FAILED = "FAILED"
    NODE_FAIL = "NODE_FAIL"
    OUT_OF_MEMORY = "OUT_OF_MEMORY"
    PENDING = "PENDING"
    PREEMPTED = "PREEMPTED"
    REQUEUED = "REQUEUED"
    REQUEUE_FED = "REQUEUE_FED"
    REQUEUE_HOLD = "REQUEUE_HOLD"
    RESIZING = "RESIZING"
    RESV_DEL_HOLD = "RESV_DEL_HOLD"
    REVOKED = "REVOKED"
    RUNNING = "RUNNING"
    SIGNALING = "SIGNALING"
    SPECIAL_EXIT = "SPECIAL_EXIT"
    STAGE_OUT = "STAGE_OUT"
    STOPPED = "STOPPED"
    SUSPENDED = "SUSPENDED"
    TIMEOUT = "TIMEOUT"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def parse(cls, text: str | None) -> JobState:
        """The state a squeue/sacct field reports; ``UNKNOWN`` for text not known here.

        Arguments:
            text: the field's text (``RUNNING``, ``R``, ``CANCELLED by 12345`` ...).
        """
        if not text:
            return cls.UNKNOWN
        word = text.strip().split(" ", 1)[0].upper().rstrip("+")
        if word in cls.__members__:
            return cls[word]
        return _SHORT_CODES.get(word, cls.UNKNOWN)

    @property
    def is_terminal(self) -> bool:
        """True when the job has ended and will not change again (waiting stops here)."""
        return self in TERMINAL_STATES

    @property
    def is_failed(self) -> bool:
        """True when the job ended without completing successfully."""
        return self in TERMINAL_STATES and self is not JobState.COMPLETED

    @property
    def is_running(self) -> bool:
        """True while the job runs (or is finishing)."""
        return self in RUNNING_STATES


#: States after which a job never changes: every wait ends on one of them.
TERMINAL_STATES = frozenset(
    {
        JobState.BOOT_FAIL,
        JobState.CANCELLED,
        JobState.COMPLETED,
        JobState.DEADLINE,
        JobState.FAILED,
        JobState.NODE_FAIL,
        JobState.OUT_OF_MEMORY,
        JobState.PREEMPTED,
        JobState.REVOKED,
        JobState.SPECIAL_EXIT,
        JobState.TIMEOUT,
    }
)
#: States of a job that has started and not yet ended.
RUNNING_STATES = frozenset(
    {
        JobState.RUNNING,
        JobState.COMPLETING,
        JobState.SIGNALING,
        JobState.STAGE_OUT,
        JobState.RESIZING,
    }
)
#: States of a job that waits to (re)start.
WAITING_STATES = frozenset(
    {
        JobState.PENDING,
        JobState.CONFIGURING,
        JobState.REQUEUED,
        JobState.REQUEUE_FED,
        JobState.REQUEUE_HOLD,
        JobState.RESV_DEL_HOLD,
        JobState.STOPPED,
        JobState.SUSPENDED,
        JobState.UNKNOWN,
    }
)

_SHORT_CODES = {
    "BF": JobState.BOOT_FAIL,
    "CA": JobState.CANCELLED,
    "CD": JobState.COMPLETED,
    "CF": JobState.CONFIGURING,
    "CG": JobState.COMPLETING,
    "DL": JobState.DEADLINE,
    "F": JobState.FAILED,
    "NF": JobState.NODE_FAIL,
    "OOM": JobState.OUT_OF_MEMORY,
    "PD": JobState.PENDING,
    "PR": JobState.PREEMPTED,
    "R": JobState.RUNNING,
    "RD": JobState.RESV_DEL_HOLD,
    "RF": JobState.REQUEUE_FED,
    "RH": JobState.REQUEUE_HOLD,
    "RQ": JobState.REQUEUED,
    "RS": JobState.RESIZING,
    "RV": JobState.REVOKED,
    "SI": JobState.SIGNALING,
    "SE": JobState.SPECIAL_EXIT,
    "SO": JobState.STAGE_OUT,
    "ST": JobState.STOPPED,
    "S": JobState.SUSPENDED,
    "TO": JobState.TIMEOUT,
}
