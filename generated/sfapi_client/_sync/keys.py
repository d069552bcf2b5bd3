# Copied from templates/static/sfapi/_async/keys.py by `python -m generator codegen`. Do not edit here.
"""The jobs of submission keys: finding the job a key made, and settling races.

Every lookup reads fresh (uncached) answers of both Slurm views for the credentials'
owner: squeue, which knows the live jobs the moment they exist, and sacct, which also
knows the ended ones. A key's job is the lowest job id carrying the key among the
jobs submitted within ``KEY_WINDOW``; a younger job carrying the same key is a
duplicate left by submissions that raced, and a keyed submission cancels the live
duplicates it sees.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .._job_keys import job_number, keyed_rows
from .._job_state import JobCommand, JobState
from .._package import LOGGER_NAME, SfApiError
from .._polling import Deadline
from .jobs import Job, JobSqueue, row_state

if TYPE_CHECKING:
    from .scope import MachineScope

__all__: list[str] = []

logger = logging.getLogger(LOGGER_NAME)

#: The shortest wait handed to a cancellation (the deadline ends it anyway).
MIN_WAIT = 0.001


def keyed_listing(
    scope: MachineScope, prefix: str, *, exact: bool
) -> dict[str, list[tuple[dict[str, str], JobCommand]]]:
    """The user's jobs carrying a key equal to ``prefix`` (``exact``) or starting with
    it, grouped by key, each group in job id order: fresh squeue rows (live jobs,
    whatever their age), then the sacct rows of the jobs squeue does not list that
    were submitted within ``KEY_WINDOW``."""
    context = scope.context
    user = context.username()
    now = context.wall_clock()
    merged: dict[str, dict[str, tuple[dict[str, str], JobCommand]]] = {}
    for command in (JobCommand.squeue, JobCommand.sacct):
        answer = context.api.compute.read_jobs(
            scope.machine,
            sacct=command is JobCommand.sacct,
            cached=False,
            kwargs=[f"user={user}"],
        )
        window_end = now if command is JobCommand.sacct else None
        for key, rows in keyed_rows(answer.output, prefix, exact=exact, now=window_end).items():
            group = merged.setdefault(key, {})
            for row in rows:
                group.setdefault(row["jobid"], (row, command))
    return {
        key: [group[jobid] for jobid in sorted(group, key=job_number)]
        for key, group in sorted(merged.items())
    }


def job_of_row(
    scope: MachineScope, row: dict[str, str], command: JobCommand, key: str
) -> JobSqueue:
    """The job of a keyed row, with the grace of a job submitted just now (a cached
    listing may not show it yet)."""
    job = JobSqueue.on(scope, row.get("jobid"), submitted_at=scope.context.clock(), key=key)
    job.absorb(row, command)
    return job


def find_keyed(scope: MachineScope, key: str, deadline: Deadline) -> Job | None:
    """The job of ``key`` (None when no job carries it), after cancelling the live
    younger duplicates seen."""
    group = (keyed_listing(scope, key, exact=True)).get(key)
    if not group:
        return None
    (row, command), duplicates = group[0], group[1:]
    _cancel_duplicates(scope, key, [r for r, _ in duplicates], deadline)
    return job_of_row(scope, row, command, key)


def settle_key(
    scope: MachineScope, key: str, job: Job, deadline: Deadline
) -> Job:
    """After ``job`` was made for ``key``: the key's job, which is ``job`` unless a
    lower job id carries the key too (then ``job`` is a duplicate and is cancelled).
    Live younger duplicates are cancelled either way."""
    group = (keyed_listing(scope, key, exact=True)).get(key, [])
    rows = {row["jobid"]: (row, command) for row, command in group}
    ours = job.jobid or ""
    lowest = min([*rows, ours], key=job_number)
    if lowest == ours:
        _cancel_duplicates(
            scope, key, [r for j, (r, _) in rows.items() if j != ours], deadline
        )
        job.key = key
        return job
    logger.info(
        "submission key %s: job %s on %s carries it already; cancelling the duplicate %s",
        key,
        lowest,
        scope.machine.value,
        ours,
    )
    younger = [r for j, (r, _) in rows.items() if j != lowest and j != ours]
    _cancel_duplicates(scope, key, [{"jobid": ours}, *younger], deadline)
    row, command = rows[lowest]
    return job_of_row(scope, row, command, key)


def _cancel_duplicates(
    scope: MachineScope, key: str, rows: list[dict[str, str]], deadline: Deadline
) -> None:
    """Cancel the jobs of ``rows`` still queued or running. A cancellation that fails is
    logged, not raised: the key's job is known, and every other submission with the key
    cancels the duplicates it sees too."""
    for row in rows:
        state = JobState.parse(row_state(row)) if row_state(row) else JobState.UNKNOWN
        if state.is_terminal:
            continue
        duplicate = JobSqueue.on(scope, row["jobid"])
        try:
            duplicate.cancel(timeout=max(deadline.remaining(), MIN_WAIT))
        except SfApiError as error:
            logger.warning(
                "submission key %s: cancelling the duplicate job %s on %s failed: %s",
                key,
                row["jobid"],
                scope.machine.value,
                error,
            )
