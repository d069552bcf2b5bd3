# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field


class StartGlobusTransferBody(BaseModel):
    source_uuid: str = Field(..., title="Source Uuid")
    target_uuid: str = Field(..., title="Target Uuid")
    source_dir: str = Field(..., title="Source Dir")
    target_dir: str = Field(..., title="Target Dir")
    label: str | None = Field("", title="Label")
