# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .group_stats import GroupStats


class GroupList(BaseModel):
    groups: Annotated[list[GroupStats] | None, Field(title="Groups")] = None
