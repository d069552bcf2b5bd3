# Copied from templates/static/sfapi/paths.py by `python -m generator codegen`. Do not edit here.
"""``sfapi_client.paths``: files and directories on a machine."""

from ._async.paths import AsyncRemotePath
from ._sync.paths import RemotePath

__all__ = ["AsyncRemotePath", "RemotePath"]
