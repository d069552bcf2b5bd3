# Copied from templates/static/sfapi/users.py by `python -m generator codegen`. Do not edit here.
"""``sfapi_client.users``: user accounts."""

from ._async.account import AsyncUser
from ._sync.account import User

__all__ = ["AsyncUser", "User"]
