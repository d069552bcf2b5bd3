# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .task import Task


class Tasks(BaseModel):
    tasks: Annotated[list[Task] | None, Field(title="Tasks")]
