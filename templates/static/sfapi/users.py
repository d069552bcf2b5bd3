"""``sfapi_client.users``: user accounts."""

from ._async.account import AsyncUser
from ._sync.account import User

__all__ = ["AsyncUser", "User"]
