# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .._enums import StorageStatus


class GlobusTransfer(BaseModel):
    transfer_id: Annotated[str, Field(title="Transfer Id")]
    status: StorageStatus
    reason: Annotated[str | None, Field(title="Reason")]
