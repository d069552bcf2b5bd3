# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The low-level client of the NERSC SuperFacility API: one attribute per tag of the API."""

from __future__ import annotations

from functools import cached_property

from .._spec_info import DEFAULT_BASE_URL
from ._base_client import AsyncBaseClient
from .endpoints.status import AsyncStatusApi
from .endpoints.meta import AsyncMetaApi
from .endpoints.account import AsyncAccountApi
from .endpoints.compute import AsyncComputeApi
from .endpoints.utilities import AsyncUtilitiesApi
from .endpoints.tasks import AsyncTasksApi
from .endpoints.storage import AsyncStorageApi

__all__ = ["AsyncApiClient"]


class AsyncApiClient(AsyncBaseClient):
    """Low-level client: every operation of the API as a typed method, grouped by tag.

    Each call sends one request (retried where that is safe) and returns the parsed
    answer; non-2xx answers raise ``SfApiError`` subclasses.

    Example: ``client.status.read_status()``.
    """

    default_base_url = DEFAULT_BASE_URL

    @cached_property
    def status(self) -> AsyncStatusApi:
        """Operations of the ``status`` tag."""
        return AsyncStatusApi(self)

    @cached_property
    def meta(self) -> AsyncMetaApi:
        """Operations of the ``meta`` tag."""
        return AsyncMetaApi(self)

    @cached_property
    def account(self) -> AsyncAccountApi:
        """Operations of the ``account`` tag."""
        return AsyncAccountApi(self)

    @cached_property
    def compute(self) -> AsyncComputeApi:
        """Operations of the ``compute`` tag."""
        return AsyncComputeApi(self)

    @cached_property
    def utilities(self) -> AsyncUtilitiesApi:
        """Operations of the ``utilities`` tag."""
        return AsyncUtilitiesApi(self)

    @cached_property
    def tasks(self) -> AsyncTasksApi:
        """Operations of the ``tasks`` tag."""
        return AsyncTasksApi(self)

    @cached_property
    def storage(self) -> AsyncStorageApi:
        """Operations of the ``storage`` tag."""
        return AsyncStorageApi(self)
