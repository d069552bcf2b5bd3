# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field
from .._enums import StatusValue


class SystemStatus(BaseModel):
    name: str = Field(..., title="Name")
    full_name: str | None = Field(None, title="Full Name")
    description: str | None = Field(None, title="Description")
    system_type: str | None = Field(None, title="System Type")
    notes: list[str] | None = Field(None, title="Notes")
    status: StatusValue
    updated_at: AwareDatetime | None = Field(None, title="Updated At")
