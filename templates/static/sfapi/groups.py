"""``sfapi_client.groups``: Unix groups and their members."""

from ._async.account import AsyncGroup, AsyncGroupMember
from ._sync.account import Group, GroupMember

__all__ = ["AsyncGroup", "AsyncGroupMember", "Group", "GroupMember"]
