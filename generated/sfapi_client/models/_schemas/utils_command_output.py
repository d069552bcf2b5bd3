# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .._enums import UtilsStatus


class UtilsCommandOutput(BaseModel):
    task_id: Annotated[str, Field(title="Task Id")]
    status: UtilsStatus
    error: Annotated[str | None, Field(title="Error")] = None
