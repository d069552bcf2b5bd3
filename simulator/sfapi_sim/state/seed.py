"""The realistic data the simulator starts with: users, projects, groups, system status."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from .filesystem import Account

ACCOUNTS = [
    Account("alice", 12345, ("m1234", "m5678")),
    Account("bob", 12346, ("m1234",)),
]
USER_DETAILS = {
    "alice": {"firstname": "Alice", "lastname": "Liddell", "email": "alice@example.org"},
    "bob": {"firstname": "Bob", "lastname": "Builder", "email": "bob@example.org"},
}
PROJECTS: dict[str, dict[str, Any]] = {
    "m1234": {"id": 1234, "description": "Simulated climate ensembles", "hours_given": 50000.0},
    "m5678": {"id": 5678, "description": "Simulated light sources", "hours_given": 12000.0},
}
MACHINES = ("perlmutter", "dtns", "dtn01")
SYSTEMS: list[dict[str, Any]] = [
    {"name": "perlmutter", "full_name": "Perlmutter", "system_type": "compute"},
    {"name": "dtns", "full_name": "Data Transfer Nodes", "system_type": "compute"},
    {"name": "dtn01", "full_name": "Data Transfer Node 01", "system_type": "compute"},
    {"name": "cfs", "full_name": "Community File System", "system_type": "filesystem"},
    {"name": "homes", "full_name": "Global Homes", "system_type": "filesystem"},
    {"name": "globus", "full_name": "Globus", "system_type": "service"},
    {"name": "jupyter", "full_name": "Jupyter", "system_type": "service"},
    {"name": "spin", "full_name": "Spin", "system_type": "service"},
    {"name": "iris", "full_name": "Iris", "system_type": "service"},
]


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def system_status() -> dict[str, dict[str, Any]]:
    """Every system active, except a degraded service to make tables interesting."""
    stamp = now_utc().isoformat()
    result = {}
    for system in SYSTEMS:
        status = "degraded" if system["name"] == "spin" else "active"
        description = "Some services are slow" if status == "degraded" else "System is available"
        result[system["name"]] = {
            **system,
            "status": status,
            "description": description,
            "notes": [],
            "updated_at": stamp,
        }
    return result


def outages() -> dict[str, list[dict[str, Any]]]:
    base = now_utc()
    return {
        "perlmutter": [
            {
                "name": "perlmutter",
                "status": "Completed",
                "description": "Scheduled maintenance",
                "start_at": (base - timedelta(days=10)).isoformat(),
                "end_at": (base - timedelta(days=10) + timedelta(hours=8)).isoformat(),
                "notes": "System software upgrade",
                "swo": "SWO-1042",
            }
        ],
        "jupyter": [
            {
                "name": "jupyter",
                "status": "Completed",
                "description": "Hub restart",
                "start_at": (base - timedelta(days=3)).isoformat(),
                "end_at": (base - timedelta(days=3) + timedelta(hours=1)).isoformat(),
            }
        ],
    }


def planned_outages() -> dict[str, list[dict[str, Any]]]:
    base = now_utc()
    return {
        "perlmutter": [
            {
                "name": "perlmutter",
                "status": "Planned",
                "description": "Quarterly maintenance",
                "start_at": (base + timedelta(days=14)).isoformat(),
                "end_at": (base + timedelta(days=14, hours=12)).isoformat(),
            }
        ],
        "dtns": [
            {
                "name": "dtns",
                "status": "Planned",
                "description": "Network upgrade",
                "start_at": (base + timedelta(days=5)).isoformat(),
                "end_at": (base + timedelta(days=5, hours=2)).isoformat(),
            }
        ],
    }


def notes() -> dict[str, list[dict[str, Any]]]:
    stamp = now_utc().isoformat()
    return {
        "perlmutter": [
            {
                "name": "perlmutter",
                "notes": "GPU nodes drained for testing",
                "active": True,
                "timestamp": stamp,
            }
        ],
        "spin": [
            {"name": "spin", "notes": "Rancher UI is slow", "active": True, "timestamp": stamp}
        ],
    }


def changelog() -> list[dict[str, Any]]:
    return [
        {
            "date": date(2026, 9, 1).isoformat(),
            "change": "v1.2: job listings accept kwargs filters",
        },
        {
            "date": date(2025, 6, 15).isoformat(),
            "change": "Globus transfers between NERSC endpoints",
        },
        {"date": date(2024, 3, 4).isoformat(), "change": "sacct views of finished jobs"},
    ]


def config() -> list[dict[str, Any]]:
    """``/meta/config``: ``compute.targets`` (the machines ``compute`` routes take, as the
    live service lists them for clients to check against) and the simulator's limits."""
    return [
        {"key": "compute.targets", "value": ",".join(MACHINES)},
        {"key": "max_upload_bytes", "value": str(5 * 1024 * 1024)},
        {"key": "queue_cache_seconds", "value": "10"},
        {"key": "simulator", "value": "true"},
    ]
