# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field
from .._enums import UtilsStatus


class FileDownload(BaseModel):
    """
    File contents; when is_binary is true, `file` holds base64.
    """

    status: UtilsStatus
    file: str | None = Field(None, title="File")
    is_binary: bool | None = Field(False, title="Is Binary")
    error: str | None = Field(None, title="Error")
