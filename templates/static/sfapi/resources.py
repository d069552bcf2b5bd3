"""``sfapi_client.resources``: the systems and services NERSC's status pages report on."""

from ._async.resources import AsyncResources
from ._machines import Resource
from ._sync.resources import Resources

__all__ = ["AsyncResources", "Resource", "Resources"]
