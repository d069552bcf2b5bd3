# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field


class SubmitJobBody(BaseModel):
    isPath: bool = Field(..., title="Ispath")
    job: str = Field(..., title="Job")
    """
    A path to a batch script on the machine, or the script itself.
    """
    args: list[str] | None = Field([], title="Args")
    callbackTimeout: int | None = Field(None, title="Callbacktimeout")
    callbackEmail: str | None = Field(None, title="Callbackemail")
    callbackUrl: str | None = Field(None, title="Callbackurl")
