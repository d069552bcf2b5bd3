"""How a simulator instance behaves: timings, limits, and the faults it injects."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

API_PREFIX = "/api/v1.2"
TOKEN_PATH = "/c2id/token"


@dataclass(frozen=True)
class Faults:
    """Faults injected into answers; rates are probabilities per request (0 to 1).

    ``error_rate``: answer 503 without processing. ``drop_rate``: close the connection
    without an answer. ``ambiguous_rate``: process the request, then answer 504 (the
    client cannot know that it worked). ``inband_error_rate``: answer HTTP 200 with
    ``status: ERROR`` (operations whose answers carry a status). ``rate_limit_every``:
    every Nth request starts a burst of ``rate_limit_burst`` answers 429 with
    ``Retry-After: rate_limit_retry_after``. ``latency``: seconds added to every answer.
    ``queue_lag``: seconds during which a new job is missing from cached job listings.
    ``reset_after_processing_rate``: process the request, then close the connection
    without an answer (a connection reset once the work was done).
    ``answer_delay``: process the request, then hold its answer this many seconds (a
    client that gives up or dies meanwhile loses the answer of work that was done).
    ``token_latency``: seconds added to the token endpoint.
    """

    latency: float = 0.0
    error_rate: float = 0.0
    drop_rate: float = 0.0
    ambiguous_rate: float = 0.0
    inband_error_rate: float = 0.0
    rate_limit_every: int = 0
    rate_limit_burst: int = 0
    rate_limit_retry_after: float = 1.0
    queue_lag: float = 0.0
    token_latency: float = 0.0
    reset_after_processing_rate: float = 0.0
    answer_delay: float = 0.0

    def __post_init__(self) -> None:
        for name in (
            "error_rate",
            "drop_rate",
            "ambiguous_rate",
            "inband_error_rate",
            "reset_after_processing_rate",
        ):
            _check_number(name, getattr(self, name), 0.0, 1.0)
        for name in (
            "latency",
            "rate_limit_retry_after",
            "queue_lag",
            "token_latency",
            "answer_delay",
        ):
            _check_number(name, getattr(self, name), 0.0, MAX_FAULT_SECONDS)
        for name in ("rate_limit_every", "rate_limit_burst"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{name} must be a whole number, not {value!r}")
            _check_number(name, value, 0, MAX_FAULT_COUNT)

    def merged(self, overrides: dict[str, Any]) -> Faults:
        return replace(self, **overrides)


def _check_number(name: str, value: object, low: float, high: float) -> None:
    """ValueError unless ``value`` is a finite number from ``low`` to ``high``."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ValueError(f"{name} must be a number, not {value!r}")
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{name} must be a finite number from {low:g} to {high:g}, not {value}")


@dataclass(frozen=True)
class RouteFaults:
    """Faults for the requests whose method and path match (path: a prefix below the API)."""

    method: str
    path_prefix: str
    faults: Faults

    def matches(self, method: str, path: str) -> bool:
        return (self.method in ("*", method)) and path.startswith(API_PREFIX + self.path_prefix)


#: Bytes of disk each user's files may take, on all machines together, by default.
DEFAULT_DISK_QUOTA = 1024**3
#: Limits of fault settings: the largest delay or lag a fault may add (an hour) and the
#: largest count, so that no setting can stall the simulator.
MAX_FAULT_SECONDS = 3600.0
MAX_FAULT_COUNT = 1_000_000


@dataclass(frozen=True)
class UserSpec:
    """A user the simulator is started with besides alice and bob: a member of their
    own private group and of the projects named (whose folders they share)."""

    name: str
    projects: tuple[str, ...] = ("m1234",)


@dataclass(frozen=True)
class SimConfig:
    """Everything a simulator instance is started with."""

    token_lifetime: float = 600.0
    job_runtime: float = 5.0
    job_pending: float = 1.0
    task_delay: float = 0.2
    max_file_bytes: int = 5 * 1024 * 1024
    seed: int = 12345
    admin: bool = False
    #: Job scripts: commands the simulator cannot run fail with 127 (True) or succeed and
    #: say on stderr what would have run (False, so that realistic scripts complete).
    strict_commands: bool = False
    #: Caps of ``utilities/command``: characters per output stream, seconds of simulated
    #: and of real time, and how many may run at once per user.
    max_command_output: int = 1024 * 1024
    max_command_seconds: float = 600.0
    max_running_commands: int = 16
    #: Real seconds a job script may run (its simulated time is bounded by its time limit).
    max_job_wall_seconds: float = 3600.0
    #: Budgets of every shell run (commands and job scripts): characters its values and
    #: buffers may hold, and bytes it may write to files.
    max_shell_memory: int = 16 * 1024 * 1024
    max_shell_written: int = 64 * 1024 * 1024
    #: Ended tasks are forgotten after this many seconds, and beyond this many per user.
    task_retention: float = 3600.0
    max_tasks_per_user: int = 1000
    #: Bytes each user's files may take (all machines together).
    disk_quota: int = DEFAULT_DISK_QUOTA
    #: More users than the seeded alice and bob.
    users: tuple[UserSpec, ...] = ()
    faults: Faults = field(default_factory=Faults)
    route_faults: tuple[RouteFaults, ...] = ()

    def faults_for(self, method: str, path: str) -> Faults:
        """The faults of the first route rule matching, else the global ones."""
        for rule in self.route_faults:
            if rule.matches(method, path):
                return rule.faults
        return self.faults
