# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field
from .._enums import ComputeStatus


class ComputeCommandOutput(BaseModel):
    task_id: str = Field(..., title="Task Id")
    status: ComputeStatus
    error: str | None = Field(None, title="Error")
