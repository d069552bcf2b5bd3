"""Submission keys and job records as data: which keys are valid, where the key goes in
a script, which job answers for a key, and what a record holds."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest

from sfapi_client._job_keys import (
    KEY_WINDOW,
    ZONE_SLACK,
    checked_key,
    checked_key_prefix,
    key_of_comment,
    keyed_rows,
)
from sfapi_client._job_records import JobRecord
from sfapi_client._scripts import tagged
from sfapi_client.exceptions import InvalidArgumentError

HEADER = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"


@pytest.mark.parametrize("key", ["a", "x" * 128, "flow-1.task_2:try-3", "2026-06-01"])
def test_valid_keys_pass(key: str) -> None:
    assert checked_key(key) == key
    assert key_of_comment(f"sfapi-key:{key}") == key


@pytest.mark.parametrize("key", ["", "x" * 129, "a b", "a/b", "a;b", "ä", "a\n", None, 7])
def test_invalid_keys_are_refused(key: object) -> None:
    with pytest.raises(InvalidArgumentError, match="1 to 128 letters"):
        checked_key(key)


def test_the_empty_prefix_matches_every_key_but_a_bad_prefix_is_refused() -> None:
    assert checked_key_prefix("") == ""
    with pytest.raises(InvalidArgumentError, match="key prefix"):
        checked_key_prefix("a b")


def test_comments_without_a_key_carry_none() -> None:
    for comment in (None, "", "(null)", "sfapi-0123abcd", "sfapi-key:", "sfapi-key:a b"):
        assert key_of_comment(comment) is None


def test_the_key_goes_after_the_script_s_directives_and_wins_over_its_comment() -> None:
    script = HEADER + "#SBATCH --comment=mine\necho hi\n"
    lines = tagged(script, key="k.1").text.split("\n")
    assert lines[: lines.index("echo hi")][-1] == "#SBATCH --comment=sfapi-key:k.1"
    assert lines[1] == "#SBATCH --job-name=sfapi-job"
    assert tagged(script, key="k.1").tag == "sfapi-key:k.1"
    # The same key gives the same script: a resubmission carries the same comment.
    assert tagged(script, key="k.1") == tagged(script, key="k.1")


def test_chdir_is_added_unless_the_script_sets_its_own() -> None:
    added = tagged(HEADER + "pwd\n", key="k", chdir="/here", default_name="run.sh").text
    assert "#SBATCH --chdir=/here\n" in added and "#SBATCH --job-name=run.sh\n" in added
    own = tagged(HEADER + "#SBATCH -D /there\npwd\n", key="k", chdir="/here").text
    assert "--chdir" not in own and "#SBATCH -D /there" in own


def _row(jobid: str, comment: str, submitted: datetime | None = None) -> dict[str, str]:
    stamp = (submitted or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    return {"jobid": jobid, "comment": comment, "submit": stamp}


def test_a_key_s_jobs_are_grouped_in_job_id_order_inside_the_window() -> None:
    old = datetime.now(UTC) - timedelta(seconds=KEY_WINDOW + ZONE_SLACK + 3600)
    rows = [
        _row("100", "sfapi-key:a"),
        _row("99", "sfapi-key:a"),
        _row("1000", "sfapi-key:a"),
        _row("5", "sfapi-key:a", old),  # before the window: names nothing any more
        _row("7", "sfapi-key:ab"),
        _row("8", "sfapi-key:b"),
        _row("9", "not a key"),
    ]
    now = time.time()
    exact = keyed_rows(rows, "a", exact=True, now=now)
    assert {k: [r["jobid"] for r in v] for k, v in exact.items()} == {"a": ["99", "100", "1000"]}
    # Without a window (the live jobs squeue lists), an old job answers too.
    live = keyed_rows(rows, "a", exact=True, now=None)
    assert [r["jobid"] for r in live["a"]] == ["5", "99", "100", "1000"]
    prefixed = keyed_rows(rows, "a", exact=False, now=now)
    assert {k: [r["jobid"] for r in v] for k, v in prefixed.items()} == {
        "a": ["99", "100", "1000"],
        "ab": ["7"],
    }


def test_a_record_survives_json_and_keeps_its_time() -> None:
    record = JobRecord("perlmutter", "31415926_7", "k", 1_780_000_000.25)
    data = json.loads(json.dumps(record.as_dict()))
    assert data["submitted_at"] == "2026-05-28T20:26:40.250000+00:00"
    assert JobRecord.parse(data) == record
    assert JobRecord.parse(data | {"key": None, "submitted_at": None}).submitted_at is None
