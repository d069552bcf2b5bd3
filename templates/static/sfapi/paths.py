"""``sfapi_client.paths``: files and directories on a machine."""

from ._async.paths import AsyncRemotePath
from ._sync.paths import RemotePath

__all__ = ["AsyncRemotePath", "RemotePath"]
