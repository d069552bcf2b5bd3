# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .user_stats import UserStats


class GroupStats(BaseModel):
    gid: Annotated[int, Field(title="Gid")]
    name: Annotated[str, Field(title="Name")]
    users: Annotated[list[UserStats] | None, Field(title="Users")] = None
