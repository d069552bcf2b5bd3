# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field
from .._enums import UtilsStatus
from .directory_entry import DirectoryEntry


class DirectoryOutput(BaseModel):
    status: UtilsStatus
    entries: list[DirectoryEntry] = Field(..., title="Entries")
    error: str | None = Field(None, title="Error")
    file: str | None = Field(None, title="File")
    is_binary: bool | None = Field(False, title="Is Binary")
