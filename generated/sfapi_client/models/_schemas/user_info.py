# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field


class UserInfo(BaseModel):
    uid: Annotated[int, Field(title="Uid")]
    name: Annotated[str, Field(title="Name")]
    firstname: Annotated[str | None, Field(title="Firstname")] = None
    lastname: Annotated[str | None, Field(title="Lastname")] = None
    middlename: Annotated[str | None, Field(title="Middlename")] = None
    workphone: Annotated[str | None, Field(title="Workphone")] = None
    otherPhones: Annotated[str | None, Field(title="Otherphones")] = None
    email: Annotated[str | None, Field(title="Email")] = None
