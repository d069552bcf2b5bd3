# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field


class Config(BaseModel):
    key: str = Field(..., title="Key")
    value: str | None = Field(None, title="Value")
