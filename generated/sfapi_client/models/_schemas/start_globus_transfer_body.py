# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field


class StartGlobusTransferBody(BaseModel):
    source_uuid: Annotated[str, Field(title="Source Uuid")]
    target_uuid: Annotated[str, Field(title="Target Uuid")]
    source_dir: Annotated[str, Field(title="Source Dir")]
    target_dir: Annotated[str, Field(title="Target Dir")]
    label: Annotated[str | None, Field(title="Label")] = ""
