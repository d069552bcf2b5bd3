"""Submission keys: the same for the same flow run and submission, valid for the
client's key rules, and numbered for identical submissions."""

from __future__ import annotations

import pickle
import re
import threading
from uuid import uuid4

import pytest

from prefect_sfapi import JobRecord, JobsFailed, JobsStillRunning
from prefect_sfapi.keys import (
    Occurrences,
    call_digest,
    scope_prefix,
    submission_key,
)
from sfapi_client import JobState

#: The rule the client checks a key against.
KEY_RULE = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def test_a_key_follows_the_key_rules_and_starts_with_its_scope() -> None:
    call = call_digest("submit_job", {"script": "#!/bin/bash\n" + "x" * 10_000})
    key = submission_key("flow-run:" + str(uuid4()), call, 12345)
    assert KEY_RULE.fullmatch(key), key
    assert len(key) <= 64
    assert key.startswith("prefect-")


def test_the_same_scope_and_call_make_the_same_key() -> None:
    first = submission_key("dataset-42", call_digest("submit_job", {"a": 1, "b": [2]}), 0)
    again = submission_key("dataset-42", call_digest("submit_job", {"b": [2], "a": 1}), 0)
    assert first == again
    assert first.startswith(scope_prefix("dataset-42"))


def test_scopes_calls_and_numbers_make_different_keys() -> None:
    call = call_digest("submit_job", {"script": "a"})
    keys = {
        submission_key("one", call, 0),
        submission_key("two", call, 0),
        submission_key("one", call_digest("submit_job", {"script": "b"}), 0),
        submission_key("one", call, 1),
    }
    assert len(keys) == 4


def test_bad_scopes_and_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        scope_prefix("")
    with pytest.raises(ValueError, match="JSON values"):
        call_digest("submit_job", {"script": object()})
    with pytest.raises(ValueError, match="counted from 0"):
        submission_key("one", "abc", -1)


def test_identical_submissions_are_numbered_and_keep_their_number() -> None:
    occurrences = Occurrences()
    attempt = ("flow-run-1", 1)
    runs = [uuid4() for _ in range(3)]
    assert [occurrences.number(attempt, "call", run) for run in runs] == [0, 1, 2]
    # A retried task run asks again: the same number, so the same key.
    assert occurrences.number(attempt, "call", runs[1]) == 1
    # Another call, or the flow run's next attempt, counts from 0 again.
    assert occurrences.number(attempt, "other", runs[0]) == 0
    assert occurrences.number(("flow-run-1", 2), "call", uuid4()) == 0


def test_numbers_are_distinct_across_threads() -> None:
    occurrences = Occurrences()
    numbers: list[int] = []
    lock = threading.Lock()

    def ask() -> None:
        number = occurrences.number(("run", 1), "call", uuid4())
        with lock:
            numbers.append(number)

    threads = [threading.Thread(target=ask) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == list(range(50))


def test_memory_of_attempts_is_bounded() -> None:
    occurrences = Occurrences(remembered=3)
    for attempt in range(10):
        occurrences.number((f"run-{attempt}", 1), "call", uuid4())
    assert len(occurrences._attempts) == 3


def test_the_wait_failures_survive_pickling() -> None:
    """Prefect may store a task's failure: it comes back with its jobs."""
    record = JobRecord(machine="perlmutter", jobid="7", key="k", state=JobState.RUNNING)
    for failure in (JobsStillRunning([record]), JobsFailed([record])):
        again = pickle.loads(pickle.dumps(failure))
        assert type(again) is type(failure)
        assert str(again) == str(failure)
        assert "7 RUNNING" in str(again)
