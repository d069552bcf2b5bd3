# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field


class RoleStats(BaseModel):
    id: Annotated[int, Field(title="Id")]
    description: Annotated[str, Field(title="Description")]
    repo_name: Annotated[str, Field(title="Repo Name")]
    iris_role: Annotated[str | None, Field(title="Iris Role")] = None
