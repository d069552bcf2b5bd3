# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field


class StorageStats(BaseModel):
    name: str = Field(..., title="Name")
    bytes_given: float | None = Field(None, title="Bytes Given")
    bytes_used: float | None = Field(None, title="Bytes Used")
    bytes_given_human: str | None = Field(None, title="Bytes Given Human")
    bytes_used_human: str | None = Field(None, title="Bytes Used Human")
    files_given: float | None = Field(None, title="Files Given")
    files_used: float | None = Field(None, title="Files Used")
