# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .._enums import TaskStatus


class Task(BaseModel):
    id: Annotated[str, Field(title="Id")]
    status: TaskStatus | None
    result: Annotated[str | None, Field(title="Result")]
    """
    JSON document, encoded as a string, written by the task when it ends.
    """
