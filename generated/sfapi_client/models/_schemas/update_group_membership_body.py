# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .._enums import BatchGroupAction


class UpdateGroupMembershipBody(BaseModel):
    usernames: Annotated[str, Field(title="Usernames")]
    """
    Comma-separated usernames.
    """
    action: BatchGroupAction
