# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .._enums import ComputeStatus


class JobOutput(BaseModel):
    status: ComputeStatus
    output: Annotated[list[dict[str, str]], Field(title="Output")]
    error: Annotated[str | None, Field(title="Error")] = None
