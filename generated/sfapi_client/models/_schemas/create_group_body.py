# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field


class CreateGroupBody(BaseModel):
    name: Annotated[str, Field(title="Name")]
    repo_name: Annotated[str, Field(title="Repo Name")]
