# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field


class StorageStats(BaseModel):
    name: Annotated[str, Field(title="Name")]
    bytes_given: Annotated[float | None, Field(title="Bytes Given")] = None
    bytes_used: Annotated[float | None, Field(title="Bytes Used")] = None
    bytes_given_human: Annotated[str | None, Field(title="Bytes Given Human")] = None
    bytes_used_human: Annotated[str | None, Field(title="Bytes Used Human")] = None
    files_given: Annotated[float | None, Field(title="Files Given")] = None
    files_used: Annotated[float | None, Field(title="Files Used")] = None
