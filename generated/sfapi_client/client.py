# Copied from templates/static/sfapi/client.py by `python -m generator codegen`. Do not edit here.
"""``sfapi_client.client``: the clients, and the status and API facts they give."""

from ._async.client import AsyncClient
from ._async.resources import AsyncApi, AsyncResources
from ._sync.client import Client
from ._sync.resources import Api, Resources

__all__ = ["Api", "AsyncApi", "AsyncClient", "AsyncResources", "Client", "Resources"]
