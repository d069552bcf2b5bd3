# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field


class ApiClientInfo(BaseModel):
    name: str = Field(..., title="Name")
    clientId: str = Field(..., title="Clientid")
    expiresAt: str = Field(..., title="Expiresat")
    comments: str | None = Field(None, title="Comments")
