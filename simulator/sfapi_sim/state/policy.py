"""Perlmutter's job policy as its controller enforces it on every submission.

The facts are NERSC's documentation page "Queue Policies" (docs.nersc.gov/jobs/policy/)
for the QOS names and their limits, and "Running Jobs on Perlmutter" for the node
constraint each job must give; the messages are those Perlmutter's sbatch prints. A
server started with ``--lenient-sbatch`` skips the checks marked as NERSC's policy (a
constraint required, the limits of each QOS); the names of QOS and constraints, which
the controller itself checks, are checked always.
"""

from __future__ import annotations

from dataclasses import dataclass

from .sbatch_options import parse_time


class PolicyError(Exception):
    """The controller refused the job; the message is what sbatch prints for it."""


@dataclass(frozen=True)
class Qos:
    """One quality of service: its longest time limit and the most nodes a job may ask."""

    name: str
    max_minutes: int
    max_nodes: int | None = None


_DAY = 24 * 60
#: Perlmutter's QOS (the "Queue Policies" page's tables for CPU and GPU nodes).
QOS = {
    q.name: q
    for q in (
        Qos("regular", 2 * _DAY),
        Qos("debug", 30, 8),
        Qos("shared", 2 * _DAY, 1),
        Qos("preempt", 2 * _DAY, 128),
        Qos("debug_preempt", 30, 2),
        Qos("premium", 2 * _DAY),
        Qos("overrun", 2 * _DAY),
        Qos("interactive", 4 * 60, 4),
        Qos("shared_interactive", 4 * 60, 1),
        Qos("jupyter", 6 * 60, 4),
        Qos("realtime", 2 * _DAY),
    )
}
#: The QOS of a job that names none: on Perlmutter, debug (the "QOSes and Charges"
#: page: it "will be applied to any job for which a QOS is not specified").
DEFAULT_QOS = "debug"
#: The node features a job may ask for with ``-C`` ("Running Jobs on Perlmutter").
CONSTRAINTS = ("cpu", "gpu", "gpu&hbm40g", "gpu&hbm80g")

NO_ARCHITECTURE = (
    "sbatch: error: No architecture specified, cannot estimate job costs.\n"
    "sbatch: error: Batch job submission failed: Unspecified error"
)
NO_POLICY = (
    "sbatch: error: Job request does not match any supported policy.\n"
    "sbatch: error: Batch job submission failed: Unspecified error"
)
BAD_QOS = "sbatch: error: Batch job submission failed: Invalid qos specification"
BAD_FEATURE = "sbatch: error: Batch job submission failed: Invalid feature specification"


def check(options: dict[str, str], *, lenient: bool) -> None:
    """PolicyError unless Perlmutter takes a job with these options (by long name,
    already checked by sbatch for their form)."""
    qos_name = options.get("qos", DEFAULT_QOS)
    qos = QOS.get(qos_name)
    if qos is None:
        raise PolicyError(BAD_QOS)
    constraint = options.get("constraint")
    if constraint is not None and constraint.strip().strip("\"'") not in CONSTRAINTS:
        raise PolicyError(BAD_FEATURE)
    if lenient:
        return
    if constraint is None:
        raise PolicyError(NO_ARCHITECTURE)
    if "time" in options and parse_time(options["time"]) > qos.max_minutes * 60:
        raise PolicyError(NO_POLICY)
    nodes = options.get("nodes")
    if nodes is not None and qos.max_nodes is not None and int(nodes.split("-")[0]) > qos.max_nodes:
        raise PolicyError(NO_POLICY)
