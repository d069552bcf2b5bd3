# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field


class DirectoryEntry(BaseModel):
    perms: str | None = Field(None, title="Perms")
    hardlinks: int | None = Field(0, title="Hardlinks")
    user: str | None = Field(None, title="User")
    group: str | None = Field(None, title="Group")
    size: float | None = Field(0, title="Size")
    date: str | None = Field(None, title="Date")
    name: str | None = Field(None, title="Name")
