# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import AwareDatetime, BaseModel, Field
from .._enums import OutageStatusValue


class Outage(BaseModel):
    name: Annotated[str, Field(title="Name")]
    start_at: Annotated[AwareDatetime | None, Field(title="Start At")] = None
    end_at: Annotated[AwareDatetime | None, Field(title="End At")] = None
    description: Annotated[str | None, Field(title="Description")] = None
    notes: Annotated[str | None, Field(title="Notes")] = None
    status: OutageStatusValue | None = None
    swo: Annotated[str | None, Field(title="Swo")] = None
    update_at: Annotated[AwareDatetime | None, Field(title="Update At")] = None
