# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field


class DirectoryEntry(BaseModel):
    perms: Annotated[str | None, Field(title="Perms")] = None
    hardlinks: Annotated[int | None, Field(title="Hardlinks")] = 0
    user: Annotated[str | None, Field(title="User")] = None
    group: Annotated[str | None, Field(title="Group")] = None
    size: Annotated[float | None, Field(title="Size")] = 0
    date: Annotated[str | None, Field(title="Date")] = None
    name: Annotated[str | None, Field(title="Name")] = None
