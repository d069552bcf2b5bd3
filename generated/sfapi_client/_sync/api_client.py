# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The low-level client of the NERSC SuperFacility API: one attribute per tag of the API."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._spec_info import DEFAULT_BASE_URL
from ._base_client import BaseClient

# Each group's module (and the models it uses) is imported when the group is first used.
if TYPE_CHECKING:
    from .endpoints.status import StatusApi
    from .endpoints.meta import MetaApi
    from .endpoints.account import AccountApi
    from .endpoints.compute import ComputeApi
    from .endpoints.utilities import UtilitiesApi
    from .endpoints.tasks import TasksApi
    from .endpoints.storage import StorageApi

__all__ = ["ApiClient"]


class ApiClient(BaseClient):
    """Low-level client: every operation of the API as a typed method, grouped by tag.

    Each call sends one request (retried where that is safe) and returns the parsed
    answer; non-2xx answers raise ``SfApiError`` subclasses.

    Example: ``client.status.read_status()``.
    """

    default_base_url = DEFAULT_BASE_URL

    @cached_property
    def status(self) -> StatusApi:
        """Operations of the ``status`` tag."""
        from .endpoints.status import StatusApi

        return StatusApi(self)

    @cached_property
    def meta(self) -> MetaApi:
        """Operations of the ``meta`` tag."""
        from .endpoints.meta import MetaApi

        return MetaApi(self)

    @cached_property
    def account(self) -> AccountApi:
        """Operations of the ``account`` tag."""
        from .endpoints.account import AccountApi

        return AccountApi(self)

    @cached_property
    def compute(self) -> ComputeApi:
        """Operations of the ``compute`` tag."""
        from .endpoints.compute import ComputeApi

        return ComputeApi(self)

    @cached_property
    def utilities(self) -> UtilitiesApi:
        """Operations of the ``utilities`` tag."""
        from .endpoints.utilities import UtilitiesApi

        return UtilitiesApi(self)

    @cached_property
    def tasks(self) -> TasksApi:
        """Operations of the ``tasks`` tag."""
        from .endpoints.tasks import TasksApi

        return TasksApi(self)

    @cached_property
    def storage(self) -> StorageApi:
        """Operations of the ``storage`` tag."""
        from .endpoints.storage import StorageApi

        return StorageApi(self)
