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
    """Jobs of one user that finish at times spread evenly over ``spread_s`` seconds.

    Answers ``GET compute/jobs/{machine}`` the way the SF API does: an squeue listing
    (``sacct=false``) names only jobs still in the queue, an sacct listing names every
    job asked for; ``kwargs=jobid=1,2,3`` selects jobs, ``kwargs=user=NAME`` all of the
    user's. It counts listing requests, and how often each job's state was reported:
    the job reported most often was seen in every monitoring round.
    """

    def __init__(
        self,
        jobs: int,
        spread_s: float,
        user: str = "alice",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        start = clock()
        self.user = user
        self.clock = clock
        self.ends = {str(FIRST_JOBID + i): start + spread_s * i / jobs for i in range(jobs)}
        self.listings = 0
        self.reported: Counter[str] = Counter()

    @property
    def jobids(self) -> list[str]:
        return list(self.ends)

    @property
    def rounds(self) -> int:
        return max(self.reported.values(), default=0)

    def answer(self, path: str, query: str) -> tuple[int, bytes]:
        """Status code and JSON body for one request."""
        if path.endswith(f"/status/{MACHINE}"):
            return 200, STATUS_BODY
        if not path.endswith(f"/compute/jobs/{MACHINE}"):
            return 404, json.dumps({"detail": "Not Found"}).encode()
        self.listings += 1
        sacct = False
        selected: list[str] = []
        for name, value in parse_qsl(query):
            if name == "sacct":
                sacct = value.lower() == "true"
            elif name == "kwargs" and value.startswith("jobid="):
                selected += [j for j in value[len("jobid=") :].split(",") if j in self.ends]
            elif name == "kwargs" and value == f"user={self.user}":
                selected += list(self.ends)
        now = self.clock()
        rows = []
        for jobid in dict.fromkeys(selected):
            done = now >= self.ends[jobid]
            if done and not sacct:
                continue
            state = "COMPLETED" if done else "RUNNING"
            rows.append({"jobid": jobid, "state": state, "user": self.user, "name": "bench"})
            self.reported[jobid] += 1
        return 200, json.dumps({"status": "OK", "output": rows, "error": None}).encode()

    def figures(self, wall_s: float) -> dict[str, float]:
        rounds = self.rounds
        return {
            "requests": float(self.listings),
            "rounds": float(rounds),
            "requests_per_round": self.listings / rounds if rounds else float("nan"),
            "wall_s": wall_s,
        }
