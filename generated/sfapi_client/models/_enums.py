# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The enumerations of the schemas: standard-library enums, so that
importing one never imports pydantic."""

from __future__ import annotations

from enum import StrEnum


class BatchGroupAction(StrEnum):
    batch_add = "batch_add"
    batch_remove = "batch_remove"


class GlobusStatus(StrEnum):
    ACTIVE = "ACTIVE"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELED = "CANCELED"


class OutageStatusValue(StrEnum):
    Active = "Active"
    Cancelled = "Cancelled"
    Completed = "Completed"
    Extended = "Extended"
    Planned = "Planned"


class PublicHost(StrEnum):
    """
    Machines reachable through the API.
    """

    dtn01 = "dtn01"
    dtns = "dtns"
    perlmutter = "perlmutter"


class StatusValue(StrEnum):
    active = "active"
    unavailable = "unavailable"
    degraded = "degraded"
    other = "other"


class TaskStatus(StrEnum):
    new = "new"
    completed = "completed"
    cancelled = "cancelled"
    failed = "failed"


class ComputeStatus(StrEnum):
    OK = "OK"
    ERROR = "ERROR"


class StorageStatus(StrEnum):
    OK = "OK"
    ERROR = "ERROR"


class UtilsStatus(StrEnum):
    OK = "OK"
    ERROR = "ERROR"
