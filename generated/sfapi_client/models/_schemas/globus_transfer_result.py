# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field
from .._enums import GlobusStatus, StorageStatus


class GlobusTransferResult(BaseModel):
    status: StorageStatus
    reason: str | None = Field(..., title="Reason")
    globus_status: GlobusStatus | None = None
    bytes_transferred: int | None = Field(None, title="Bytes Transferred")
    completion_time: AwareDatetime | None = Field(None, title="Completion Time")
    effective_bytes_per_second: int | None = Field(None, title="Effective Bytes Per Second")
