# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field


class ApiClientInfo(BaseModel):
    name: Annotated[str, Field(title="Name")]
    clientId: Annotated[str, Field(title="Clientid")]
    expiresAt: Annotated[str, Field(title="Expiresat")]
    comments: Annotated[str | None, Field(title="Comments")] = None
