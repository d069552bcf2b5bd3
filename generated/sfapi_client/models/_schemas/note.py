# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import AwareDatetime, BaseModel, Field


class Note(BaseModel):
    name: Annotated[str, Field(title="Name")]
    notes: Annotated[str | None, Field(title="Notes")] = None
    active: Annotated[bool | None, Field(title="Active")] = False
    timestamp: Annotated[AwareDatetime | None, Field(title="Timestamp")] = None
