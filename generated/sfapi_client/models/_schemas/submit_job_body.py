# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field


class SubmitJobBody(BaseModel):
    isPath: Annotated[bool, Field(title="Ispath")]
    job: Annotated[str, Field(title="Job")]
    """
    A path to a batch script on the machine, or the script itself.
    """
    args: Annotated[list[str], Field(title="Args")] = []
    callbackTimeout: Annotated[int | None, Field(title="Callbacktimeout")] = None
    callbackEmail: Annotated[str | None, Field(title="Callbackemail")] = None
    callbackUrl: Annotated[str | None, Field(title="Callbackurl")] = None
