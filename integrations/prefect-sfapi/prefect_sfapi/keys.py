"""Submission keys that a flow run makes for its jobs, the same every time it runs.

A key is what ``submit_job(key=...)`` writes into the job's Slurm comment: a second
submission with the same key gets the job the first one made. A flow that is retried,
or restarted after its process died, submits the same jobs again and, thanks to the
keys, re-attaches to them instead of queueing them twice.

A key is ``prefect-<scope>-<call>-<n>``:

- ``scope``: a digest of the flow run's id by default (a retried flow run keeps its
  id), or of a name the caller chooses (``scope="dataset-42"``) to make a new flow run
  of the same work, a re-run of the script, find the jobs too;
- ``call``: a digest of what is submitted (the task's name, the machine, the script,
  the job name and an optional ``label``);
- ``n``: which of the identical submissions of this flow run attempt it is (0 for the
  first), so that a flow that deliberately submits the same script three times gets
  three jobs, and gets the same three back when it runs again. Identical submissions
  are interchangeable, so the order in which concurrent tasks draw their number does
  not matter. The number is counted in the process that runs the tasks: with a task
  runner that spreads one flow run's tasks over several processes, give identical
  submissions distinct ``label`` values instead.

Keys use only letters, digits and ``-`` and stay far under the 128 characters a key
may have.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Mapping
from uuid import UUID

__all__ = [
    "KEY_PREFIX",
    "Occurrences",
    "call_digest",
    "scope_digest",
    "scope_prefix",
    "submission_key",
]

#: What every key made here starts with; ``prefect-<scope>-`` starts every key of a scope.
KEY_PREFIX = "prefect"
#: Hex digits of each digest: 64 bits, so two scopes or calls collide with odds of 2**-64.
DIGEST_LENGTH = 16
#: Flow run attempts whose counts one process remembers; the oldest is forgotten first.
MAX_REMEMBERED_ATTEMPTS = 256


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:DIGEST_LENGTH]


def scope_digest(scope: str) -> str:
    """The digest of a scope name (a flow run id, or a name the caller chose)."""
    if not isinstance(scope, str) or not scope:
        raise ValueError(f"a key scope is a non-empty string, not {scope!r}")
    return _digest(scope)


def scope_prefix(scope: str) -> str:
    """What every key of ``scope`` starts with (to list a scope's jobs)."""
    return f"{KEY_PREFIX}-{scope_digest(scope)}-"


def call_digest(task_name: str, inputs: Mapping[str, object]) -> str:
    """The digest of one submission: the task's name and its inputs (JSON values)."""
    try:
        text = json.dumps([task_name, dict(inputs)], sort_keys=True, separators=(",", ":"))
    except TypeError as exc:
        raise ValueError(f"submission inputs must be JSON values: {exc}") from None
    return _digest(text)


def submission_key(scope: str, call: str, occurrence: int) -> str:
    """The key of the ``occurrence``-th submission ``call`` of ``scope``."""
    if occurrence < 0:
        raise ValueError(f"occurrence is counted from 0, not {occurrence}")
    return f"{scope_prefix(scope)}{call}-{occurrence}"


class Occurrences:
    """Numbers identical submissions of one flow run attempt: 0, 1, 2 ... in the order
    their task runs first ask, and the same number again when a task run asks again
    (a retried task keeps its key).

    Thread-safe: Prefect runs submitted tasks on a pool of threads.
    """

    def __init__(self, remembered: int = MAX_REMEMBERED_ATTEMPTS) -> None:
        self._lock = threading.Lock()
        self._remembered = remembered
        self._attempts: OrderedDict[tuple[str, int], dict[str, dict[UUID | str, int]]] = (
            OrderedDict()
        )

    def number(self, attempt: tuple[str, int], call: str, task_run: UUID | str) -> int:
        """The number of ``task_run``'s submission ``call`` in the flow run ``attempt``
        (flow run id, run count)."""
        with self._lock:
            calls = self._attempts.get(attempt)
            if calls is None:
                calls = self._attempts[attempt] = {}
                while len(self._attempts) > self._remembered:
                    self._attempts.popitem(last=False)
            else:
                self._attempts.move_to_end(attempt)
            runs = calls.setdefault(call, {})
            if task_run not in runs:
                runs[task_run] = len(runs)
            return runs[task_run]
