# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field


class Note(BaseModel):
    name: str = Field(..., title="Name")
    notes: str | None = Field(None, title="Notes")
    active: bool | None = Field(False, title="Active")
    timestamp: AwareDatetime | None = Field(None, title="Timestamp")
