"""Job ids grouped into as few ``jobid=1,2,3`` filters as a request line can carry.

A status listing names its jobs in one query value, so the number of ids per request is
bounded by the length of the URL, not by a count: servers commonly refuse request lines
past 8 KiB. Each batch keeps the encoded list within ``max_chars``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__: list[str] = []

#: Characters of encoded job ids per request: far below the 8 KiB request line that common
#: servers accept, with room for the path, the other parameters and proxies' additions.
MAX_JOBID_CHARS = 6000
#: The separator as it travels in a query string (``,`` is percent-encoded).
ENCODED_SEPARATOR = len("%2C")


def jobid_batches(jobids: Iterable[str], max_chars: int = MAX_JOBID_CHARS) -> Iterator[list[str]]:
    """Consecutive groups of ``jobids`` whose encoded comma-separated list fits ``max_chars``.

    Every id goes into exactly one group, in the order given; an id longer than
    ``max_chars`` on its own is a ValueError (it could never be sent).
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    batch: list[str] = []
    used = 0
    for jobid in jobids:
        if len(jobid) > max_chars:
            raise ValueError(f"job id of {len(jobid)} characters exceeds {max_chars}")
        cost = len(jobid) + (ENCODED_SEPARATOR if batch else 0)
        if batch and used + cost > max_chars:
            yield batch
            batch, used, cost = [], 0, len(jobid)
        batch.append(jobid)
        used += cost
    if batch:
        yield batch
