# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from datetime import date as date_aliased


class Changelog(BaseModel):
    date: Annotated[date_aliased | None, Field(title="Date")] = None
    change: Annotated[str | None, Field(title="Change")] = None
