"""In-memory answers of the SF API, shared by both clients' benchmarks.

Pure Python, no HTTP library: our client (httpx2) and NERSC's sfapi_client 0.6.0
(httpx) wrap the same answers in their own ``MockTransport``, so both are measured
on identical bytes without a network.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from urllib.parse import parse_qsl

BASE = "https://api.example.org/api/v1.2"
MACHINE = "perlmutter"
STATUS = {
    "name": MACHINE,
    "full_name": "Perlmutter",
    "description": "System is active",
    "system_type": "compute",
    "notes": [],
    "status": "active",
    "updated_at": "2026-11-20T12:00:00+00:00",
}
STATUS_BODY = json.dumps(STATUS).encode()
FIRST_JOBID = 1_000_000


class JobTable:
    """Jobs of one user, running for ``queued_s`` seconds from the first listing, then
    finishing at times spread evenly over ``spread_s`` seconds.

    Answers ``GET compute/jobs/{machine}`` the way the SF API does: an squeue listing
    (``sacct=false``) names only jobs still in the queue, an sacct listing names every
    job asked for; ``kwargs=jobid=1,2,3`` selects jobs, ``kwargs=user=NAME`` all of the
    user's. It counts listing requests, and how often each job's state was reported:
    the job reported most often was seen in every monitoring round. The same counts are
    kept for the time before the first job ends, when every job is queued.
    """

    def __init__(
        self,
        jobs: int,
        spread_s: float,
        user: str = "alice",
        clock: Callable[[], float] = time.monotonic,
        queued_s: float = 0.0,
    ) -> None:
        self.user = user
        self.clock = clock
        # Times from the first listing on, so that setting up the waits does not count.
        self._queued_s = queued_s
        self.ends = {str(FIRST_JOBID + i): spread_s * i / jobs for i in range(jobs)}
        self.first_end = float("inf")
        self._started = False
        self.listings = 0
        self.reported: Counter[str] = Counter()
        self.queued_listings = 0
        self.queued_reported: Counter[str] = Counter()
        #: Called with the query of each listing, before it is answered (for probes).
        self.on_listing: Callable[[str], None] | None = None

    @property
    def jobids(self) -> list[str]:
        return list(self.ends)

    @property
    def rounds(self) -> int:
        return max(self.reported.values(), default=0)

    def _start(self) -> None:
        """Put the job's times on the clock: the first listing is time zero."""
        start = self.clock() + self._queued_s
        self.ends = {jobid: start + offset for jobid, offset in self.ends.items()}
        self.first_end = start
        self._started = True

    def end_all(self) -> None:
        """Every job ends now."""
        if not self._started:
            self._start()
        now = self.clock()
        self.ends = dict.fromkeys(self.ends, now)
        self.first_end = min(self.first_end, now)

    def answer(self, path: str, query: str) -> tuple[int, bytes]:
        """Status code and JSON body for one request."""
        if path.endswith(f"/status/{MACHINE}"):
            return 200, STATUS_BODY
        if path.endswith("/account/"):
            return 200, json.dumps({"uid": 12345, "name": self.user}).encode()
        if not path.endswith(f"/compute/jobs/{MACHINE}"):
            return 404, json.dumps({"detail": "Not Found"}).encode()
        if self.on_listing is not None:
            self.on_listing(query)
        if not self._started:
            self._start()
        now = self.clock()
        queued = now < self.first_end
        self.listings += 1
        self.queued_listings += queued
        sacct = False
        selected: list[str] = []
        for name, value in parse_qsl(query):
            if name == "sacct":
                sacct = value.lower() == "true"
            elif name == "kwargs" and value.startswith("jobid="):
                selected += [j for j in value[len("jobid=") :].split(",") if j in self.ends]
            elif name == "kwargs" and value == f"user={self.user}":
                selected += list(self.ends)
        rows = []
        for jobid in dict.fromkeys(selected):
            done = now >= self.ends[jobid]
            if done and not sacct:
                continue
            state = "COMPLETED" if done else "RUNNING"
            rows.append({"jobid": jobid, "state": state, "user": self.user, "name": "bench"})
            self.reported[jobid] += 1
            if queued:
                self.queued_reported[jobid] += 1
        return 200, json.dumps({"status": "OK", "output": rows, "error": None}).encode()

    def figures(self, wall_s: float) -> dict[str, float]:
        rounds = self.rounds
        queued_rounds = max(self.queued_reported.values(), default=0)
        return {
            "requests": float(self.listings),
            "rounds": float(rounds),
            "requests_per_round": self.listings / rounds if rounds else float("nan"),
            "queued_requests": float(self.queued_listings),
            "queued_rounds": float(queued_rounds),
            "queued_requests_per_round": (
                self.queued_listings / queued_rounds if queued_rounds else float("nan")
            ),
            "wall_s": wall_s,
        }
