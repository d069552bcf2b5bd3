# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .._enums import UtilsStatus


class FileDownload(BaseModel):
    """
    File contents; when is_binary is true, `file` holds base64.
    """

    status: UtilsStatus
    file: Annotated[str | None, Field(title="File")] = None
    is_binary: Annotated[bool | None, Field(title="Is Binary")] = False
    error: Annotated[str | None, Field(title="Error")] = None
