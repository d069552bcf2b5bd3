# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import AwareDatetime, BaseModel, Field
from .._enums import StatusValue


class SystemStatus(BaseModel):
    name: Annotated[str, Field(title="Name")]
    full_name: Annotated[str | None, Field(title="Full Name")] = None
    description: Annotated[str | None, Field(title="Description")] = None
    system_type: Annotated[str | None, Field(title="System Type")] = None
    notes: Annotated[list[str] | None, Field(title="Notes")] = None
    status: StatusValue
    updated_at: Annotated[AwareDatetime | None, Field(title="Updated At")] = None
