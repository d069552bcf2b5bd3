# Copied from templates/static/sfapi/_job_keys.py by `python -m generator codegen`. Do not edit here.
"""Submission keys: the idempotency key a caller gives ``submit_job(key=...)``.

A key names one unit of work. It travels in the job's Slurm comment, written
``sfapi-key:<key>``, which the scheduler keeps for as long as it keeps the job: that
comment is the durable record that lets any process, on any computer, find the job
a key made, with no local database.

Which job answers for a key: among the user's jobs whose comment carries it and that
were submitted within ``KEY_WINDOW``, the one with the lowest job id. Submissions
racing with one key all settle on that job and cancel their own younger duplicates.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ._workflow_errors import InvalidArgumentError

__all__: list[str] = []

#: What precedes the key in the job's comment.
KEY_MARKER = "sfapi-key:"
#: The longest key: Slurm keeps comments of any length, but keys are names, not data.
MAX_KEY_LENGTH = 128
#: A key: 1 to 128 letters, digits and ``._:-`` (no blanks, quotes or shell characters,
#: so that it stays one word in the ``#SBATCH`` line and in any listing).
KEY_PATTERN = re.compile(r"[A-Za-z0-9._:-]{1,128}")
#: How far back a keyed submission looks for the job of its key (seconds): 7 days.
#: Beyond it a key names nothing and submits anew.
KEY_WINDOW = 7 * 86400.0
#: Slack for a submit time written in the machine's local time without a zone (sacct
#: writes them so): it is read as UTC, and may be off by a time zone's offset.
ZONE_SLACK = 14 * 3600.0

KEY_RULE = "1 to 128 letters, digits and '._:-'"


def checked_key(key: object) -> str:
    """``key`` if it is a valid submission key; InvalidArgumentError otherwise."""
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise InvalidArgumentError(f"submission key {_shown(key)} must be {KEY_RULE}")
    return key


def checked_key_prefix(prefix: object) -> str:
    """``prefix`` if it can start a key (the empty prefix matches every key)."""
    if not isinstance(prefix, str) or (prefix and not KEY_PATTERN.fullmatch(prefix)):
        raise InvalidArgumentError(f"key prefix {_shown(prefix)} must be empty or {KEY_RULE}")
    return prefix


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def key_comment(key: str) -> str:
    """The Slurm comment that carries ``key``."""
    return KEY_MARKER + key


def key_of_comment(comment: str | None) -> str | None:
    """The key a job's comment carries, or None when it carries none."""
    if not comment or not comment.startswith(KEY_MARKER):
        return None
    key = comment[len(KEY_MARKER) :].strip()
    return key if KEY_PATTERN.fullmatch(key) else None


def row_key(row: dict[str, str]) -> str | None:
    """The key of a squeue or sacct row's job, or None."""
    return key_of_comment(row.get("comment"))


def submitted_within_window(row: dict[str, str], now: float) -> bool:
    """True when the row's job was submitted less than ``KEY_WINDOW`` before ``now``
    (wall-clock seconds). A row without a readable submit time counts as inside: for
    an idempotency key, finding a job too many is safer than submitting twice."""
    text = row.get("submit") or row.get("submit_time")
    if not text:
        return True
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return True
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.timestamp() >= now - KEY_WINDOW - ZONE_SLACK


def job_number(jobid: str) -> tuple[int, str]:
    """The order of job ids: numeric where they are numbers (``9`` before ``10``)."""
    return (int(jobid), jobid) if jobid.isdigit() else (1 << 62, jobid)


def keyed_rows(
    rows: list[dict[str, str]], prefix: str, *, exact: bool, now: float | None
) -> dict[str, list[dict[str, str]]]:
    """The rows carrying a key (equal to ``prefix``, or starting with it), grouped by
    key, each group in job id order (its first row answers); with ``now`` (wall-clock
    seconds), only the rows of jobs submitted inside the window before it."""
    groups: dict[str, dict[str, dict[str, str]]] = {}
    for row in rows:
        key = row_key(row)
        jobid = row.get("jobid") or ""
        if key is None or not jobid:
            continue
        if now is not None and not submitted_within_window(row, now):
            continue
        if key != prefix if exact else not key.startswith(prefix):
            continue
        groups.setdefault(key, {})[jobid] = row
    return {key: [by_id[j] for j in sorted(by_id, key=job_number)] for key, by_id in groups.items()}
