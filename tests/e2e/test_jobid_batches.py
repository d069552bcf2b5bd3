"""Job ids grouped by the length of the request line they make, not by a count."""

from __future__ import annotations

import pytest

from sfapi_client._batches import MAX_JOBID_CHARS, jobid_batches


def _encoded(batch: list[str]) -> int:
    return sum(map(len, batch)) + 3 * (len(batch) - 1)


def test_every_id_goes_into_one_batch_in_order_within_the_budget() -> None:
    jobids = [str(31415927 + i) for i in range(5000)]
    batches = list(jobid_batches(jobids))
    assert [j for batch in batches for j in batch] == jobids
    assert all(_encoded(batch) <= MAX_JOBID_CHARS for batch in batches)
    # As few as fit: every batch but the last is full up to the next id.
    assert all(_encoded(batch) + 3 + 8 > MAX_JOBID_CHARS for batch in batches[:-1])
    assert len(batches) == 10  # 545 eight-digit ids a request


def test_short_ids_fit_more_to_a_batch() -> None:
    assert [len(b) for b in jobid_batches(["1", "22", "333"], max_chars=9)] == [2, 1]
    assert list(jobid_batches(["12345"], max_chars=5)) == [["12345"]]
    assert list(jobid_batches([])) == []


def test_an_id_that_could_never_be_sent_is_refused() -> None:
    with pytest.raises(ValueError, match="exceeds 5"):
        list(jobid_batches(["123456"], max_chars=5))
    with pytest.raises(ValueError, match="at least 1"):
        list(jobid_batches(["1"], max_chars=0))
