# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The low-level client of the NERSC SuperFacility API: one attribute per tag of the API."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._spec_info import DEFAULT_BASE_URL
from ._base_client import AsyncBaseClient

# Each group's module (and the models it uses) is imported when the group is first used.
if TYPE_CHECKING:
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
        from .endpoints.status import AsyncStatusApi

        return AsyncStatusApi(self)

    @cached_property
    def meta(self) -> AsyncMetaApi:
        """Operations of the ``meta`` tag."""
        from .endpoints.meta import AsyncMetaApi

        return AsyncMetaApi(self)

    @cached_property
    def account(self) -> AsyncAccountApi:
        """Operations of the ``account`` tag."""
        from .endpoints.account import AsyncAccountApi

        return AsyncAccountApi(self)

    @cached_property
    def compute(self) -> AsyncComputeApi:
        """Operations of the ``compute`` tag."""
        from .endpoints.compute import AsyncComputeApi

        return AsyncComputeApi(self)

    @cached_property
    def utilities(self) -> AsyncUtilitiesApi:
        """Operations of the ``utilities`` tag."""
        from .endpoints.utilities import AsyncUtilitiesApi

        return AsyncUtilitiesApi(self)

    @cached_property
    def tasks(self) -> AsyncTasksApi:
        """Operations of the ``tasks`` tag."""
        from .endpoints.tasks import AsyncTasksApi

        return AsyncTasksApi(self)

    @cached_property
    def storage(self) -> AsyncStorageApi:
        """Operations of the ``storage`` tag."""
        from .endpoints.storage import AsyncStorageApi

        return AsyncStorageApi(self)
