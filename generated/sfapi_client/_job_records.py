# Copied from templates/static/sfapi/_job_records.py by `python -m generator codegen`. Do not edit here.
"""Job records: what a process keeps of a job so that another process can re-attach.

A record is a small JSON-able dict of four entries::

    {"machine": "perlmutter", "jobid": "31415926", "key": "flow-42.task-7",
     "submitted_at": "2026-06-01T12:00:00.123456+00:00"}

``key`` is the job's submission key (None without one) and ``submitted_at`` when the
client submitted it, in UTC (None when the client did not submit it), from which a
wait in another process allows for a queue listing that does not show a new job yet.
Reading one checks every entry, so a record edited by hand or truncated fails with
a clear InvalidArgumentError instead of a request with a wrong id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ._job_keys import checked_key
from ._workflow_errors import InvalidArgumentError

__all__: list[str] = []

#: The entries of a record, all required (``key`` and ``submitted_at`` may be None).
RECORD_FIELDS = ("machine", "jobid", "key", "submitted_at")
#: A Slurm job id: ``31415926``, an array task ``31415926_7``, a component ``31415926+1``.
JOBID_PATTERN = re.compile(r"[0-9]{1,20}(?:[_+][0-9]{1,10})?")


@dataclass(frozen=True)
class JobRecord:
    """A job's record: its machine, id, submission key and submission time (epoch
    seconds, or None)."""

    machine: str
    jobid: str
    key: str | None
    submitted_at: float | None

    def as_dict(self) -> dict[str, str | None]:
        """The record as JSON-able data."""
        stamp = (
            datetime.fromtimestamp(self.submitted_at, UTC).isoformat()
            if self.submitted_at is not None
            else None
        )
        return {
            "machine": self.machine,
            "jobid": self.jobid,
            "key": self.key,
            "submitted_at": stamp,
        }

    @classmethod
    def parse(cls, record: object) -> JobRecord:
        """The record in ``record`` (as ``as_dict`` wrote it); InvalidArgumentError
        naming the entry that is missing or wrong."""
        if not isinstance(record, Mapping):
            raise InvalidArgumentError(
                f"a job record is a dict with {', '.join(RECORD_FIELDS)}, "
                f"not {type(record).__name__}"
            )
        missing = [name for name in RECORD_FIELDS if name not in record]
        if missing:
            raise InvalidArgumentError(f"the job record lacks {', '.join(missing)}")
        machine = _text(record, "machine")
        jobid = _text(record, "jobid")
        if not JOBID_PATTERN.fullmatch(jobid):
            raise InvalidArgumentError(
                f"the job record's jobid {jobid!r:.60} is not a Slurm job id "
                "(digits, and '_' or '+' with the index of an array or a component)"
            )
        key = record["key"]
        if key is not None:
            checked_key(key)
        return cls(machine, jobid, key, _stamp(record["submitted_at"]))


def _text(record: Mapping[str, Any], name: str) -> str:
    value = record[name]
    if not isinstance(value, str) or not value or len(value) > 200:
        raise InvalidArgumentError(
            f"the job record's {name} must be a non-empty text, not {value!r:.60}"
        )
    return value


def _stamp(value: object) -> float | None:
    """Epoch seconds of an ISO-8601 time with a zone (None stays None)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidArgumentError(
            f"the job record's submitted_at must be an ISO-8601 time or None, not {value!r:.60}"
        )
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidArgumentError(
            f"the job record's submitted_at {value!r:.60} is not an ISO-8601 time"
        ) from None
    if stamp.tzinfo is None:
        raise InvalidArgumentError(
            f"the job record's submitted_at {value!r:.60} has no time zone (records say UTC)"
        )
    return stamp.timestamp()
