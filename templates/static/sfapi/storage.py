"""``sfapi_client.storage``: Globus transfers between machines."""

from ._async.storage import AsyncGlobus, AsyncStorage, AsyncTransfer
from ._sync.storage import Globus, Storage, Transfer

#: The names the Globus classes also go by.
AsyncGlobusStorage = AsyncGlobus
GlobusStorage = Globus
AsyncGlobusTransfer = AsyncTransfer
GlobusTransfer = Transfer

__all__ = [
    "AsyncGlobus",
    "AsyncGlobusStorage",
    "AsyncGlobusTransfer",
    "AsyncStorage",
    "AsyncTransfer",
    "Globus",
    "GlobusStorage",
    "GlobusTransfer",
    "Storage",
    "Transfer",
]
