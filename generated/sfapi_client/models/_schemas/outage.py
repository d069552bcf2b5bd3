# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field
from .._enums import OutageStatusValue


class Outage(BaseModel):
    name: str = Field(..., title="Name")
    start_at: AwareDatetime | None = Field(None, title="Start At")
    end_at: AwareDatetime | None = Field(None, title="End At")
    description: str | None = Field(None, title="Description")
    notes: str | None = Field(None, title="Notes")
    status: OutageStatusValue | None = None
    swo: str | None = Field(None, title="Swo")
    update_at: AwareDatetime | None = Field(None, title="Update At")
