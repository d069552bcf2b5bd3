# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field


class UserInfo(BaseModel):
    uid: int = Field(..., title="Uid")
    name: str = Field(..., title="Name")
    firstname: str | None = Field(None, title="Firstname")
    lastname: str | None = Field(None, title="Lastname")
    middlename: str | None = Field(None, title="Middlename")
    workphone: str | None = Field(None, title="Workphone")
    otherPhones: str | None = Field(None, title="Otherphones")
    email: str | None = Field(None, title="Email")
