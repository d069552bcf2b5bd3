# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field
from datetime import date as date_aliased


class Changelog(BaseModel):
    date: date_aliased | None = Field(None, title="Date")
    change: str | None = Field(None, title="Change")
