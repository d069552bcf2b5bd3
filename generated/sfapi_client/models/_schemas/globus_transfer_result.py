# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import AwareDatetime, BaseModel, Field
from .._enums import GlobusStatus, StorageStatus


class GlobusTransferResult(BaseModel):
    status: StorageStatus
    reason: Annotated[str | None, Field(title="Reason")]
    globus_status: GlobusStatus | None = None
    bytes_transferred: Annotated[int | None, Field(title="Bytes Transferred")] = None
    completion_time: Annotated[AwareDatetime | None, Field(title="Completion Time")] = None
    effective_bytes_per_second: Annotated[int | None, Field(title="Effective Bytes Per Second")] = (
        None
    )
