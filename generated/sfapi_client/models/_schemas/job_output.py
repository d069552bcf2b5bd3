# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field
from .._enums import ComputeStatus


class JobOutput(BaseModel):
    status: ComputeStatus
    output: list[dict[str, str]] = Field(..., title="Output")
    error: str | None = Field(None, title="Error")
