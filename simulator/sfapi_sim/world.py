"""Everything one simulator instance knows, and the counters tests read."""

from __future__ import annotations

import random
import threading
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from .auth import Authority
from .callbacks import CallbackDispatcher
from .clock import Clock
from .config import SimConfig
from .login import LoginNode
from .shell.commands import COMMAND_NAMES
from .state import seed
from .state.filesystem import Account, Filesystem
from .state.jobs import Scheduler
from .state.quota import Quota
from .state.tasks import TaskStore
from .state.transfers import TransferStore

FIRST_JOBID = 31415927
#: The uid of the first user added to the seeded ones.
NEXT_UID = 20001


@dataclass(frozen=True)
class LoggedRequest:
    """One request as the server saw it: ``GET /compute/jobs/{machine}`` and its query."""

    route: str
    query: str

    @property
    def params(self) -> dict[str, list[str]]:
        """The query's parameters, each with its values in order (``kwargs`` repeats)."""
        return parse_qs(self.query, keep_blank_values=True)


@dataclass
class Stats:
    """Requests per route and submissions per client, for tests and benchmarks.

    With ``keep_log(limit)`` it also keeps the last ``limit`` requests with their query
    strings (off by default: a long-running simulator keeps counters only).
    """

    requests: Counter[str] = field(default_factory=Counter)
    submissions: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    log: deque[LoggedRequest] | None = None

    def keep_log(self, limit: int) -> None:
        """Keep the last ``limit`` requests from now on (``limit`` at least 1)."""
        if limit < 1:
            raise ValueError(f"a request log keeps at least one request, not {limit}")
        with self.lock:
            self.log = deque(maxlen=limit)

    def drop_log(self) -> None:
        """Stop keeping requests (the counters go on)."""
        with self.lock:
            self.log = None

    def logged(self, route: str | None = None) -> list[LoggedRequest]:
        """The requests kept (of ``route`` only, when given), oldest first."""
        with self.lock:
            kept = list(self.log or ())
        return [r for r in kept if route is None or r.route == route]

    def count_request(self, route: str, query: str = "") -> None:
        with self.lock:
            self.requests[route] += 1
            if self.log is not None:
                self.log.append(LoggedRequest(route, query))

    def count_submission(self, client_id: str) -> None:
        with self.lock:
            self.submissions[client_id] += 1

    def count_fault(self, kind: str) -> None:
        with self.lock:
            self.faults[kind] += 1

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "requests": dict(self.requests),
                "submissions": dict(self.submissions),
                "faults": dict(self.faults),
                "total_requests": sum(self.requests.values()),
            }

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.submissions.clear()
            self.faults.clear()
            if self.log is not None:
                self.log.clear()


class World:
    """The simulated NERSC: machines with files and jobs, accounts, status, tasks."""

    def __init__(self, config: SimConfig, root: Path, token_urls: list[str]) -> None:
        self.config = config
        self.clock = Clock()
        self.rng = random.Random(config.seed)
        self.authority = Authority(
            self.clock, token_urls, config.token_lifetime, config.key_lifetime
        )
        self.accounts: dict[str, Account] = {a.name: a for a in seed.ACCOUNTS}
        for offset, spec in enumerate(config.users):
            self.accounts[spec.name] = Account(spec.name, NEXT_UID + offset, spec.projects)
        self.groups: dict[str, dict[str, Any]] = {
            "m1234": {"gid": 70001, "members": ["alice", "bob"], "repo": "m1234", "owner": "bob"},
            "alice": {"gid": 12345, "members": ["alice"], "repo": "m1234", "owner": "alice"},
        }
        # Every project has its group (its folder's group), with every member of the project.
        for account in self.accounts.values():
            for project in account.projects:
                group = self.groups.setdefault(
                    project,
                    {
                        "gid": 70000 + seed.PROJECTS[project]["id"],
                        "members": [],
                        "repo": project,
                        "owner": account.name,
                    },
                )
                if account.name not in group["members"]:
                    group["members"].append(account.name)

        self.groups_lock = threading.Lock()
        self.quota = Quota(config.disk_quota)
        self.filesystems = {
            machine: Filesystem(
                root / machine,
                machine,
                list(self.accounts.values()),
                config.max_file_bytes,
                COMMAND_NAMES,
                quota=self.quota,
                groups_of=self.group_names,
            )
            for machine in seed.MACHINES
        }
        self.schedulers = {
            machine: Scheduler(machine, self.filesystems[machine], FIRST_JOBID + 10_000_000 * index)
            for index, machine in enumerate(seed.MACHINES)
        }
        self.logins = {
            machine: LoginNode(
                filesystem=self.filesystems[machine],
                scheduler=self.schedulers[machine],
                clock=self.clock,
                accounts=self.accounts,
                groups_of=self.groups_of,
                config=lambda: self.config,
            )
            for machine in seed.MACHINES
        }
        for machine, login in self.logins.items():
            self.schedulers[machine].attach_runner(login)
        self.tasks = TaskStore(
            retention=config.task_retention, max_per_user=config.max_tasks_per_user
        )
        self.transfers = TransferStore()
        self.status = seed.system_status()
        self.outages = seed.outages()
        self.planned_outages = seed.planned_outages()
        self.notes = seed.notes()
        self.stats = Stats()
        self.callbacks = CallbackDispatcher(
            self.clock, self.schedulers, lambda: self.config.callbacks
        )

    def groups_of(self, user: str) -> tuple[tuple[int, str], ...]:
        """(gid, name) of the groups ``user`` belongs to, besides their own."""
        with self.groups_lock:
            return tuple(
                (int(g["gid"]), name)
                for name, g in self.groups.items()
                if user in g["members"] and name != user
            )

    def group_names(self, user: str) -> frozenset[str]:
        """The names of the groups ``user`` belongs to, their own private group included
        (what file permissions check)."""
        return frozenset({user, *(name for _, name in self.groups_of(user))})

    def account(self, user: str) -> Account:
        return self.accounts[user]

    def set_faults(self, config: SimConfig) -> None:
        """Use ``config`` from now on (faults, timings, limits, the disk quota);
        ValueError, with nothing changed, for a disk quota under one block."""
        self.quota.limit = config.disk_quota
        self.config = config
