# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""One module per tag of the API."""

from .status import AsyncStatusApi
from .meta import AsyncMetaApi
from .account import AsyncAccountApi
from .compute import AsyncComputeApi
from .utilities import AsyncUtilitiesApi
from .tasks import AsyncTasksApi
from .storage import AsyncStorageApi

__all__ = [
    "AsyncAccountApi",
    "AsyncComputeApi",
    "AsyncMetaApi",
    "AsyncStatusApi",
    "AsyncStorageApi",
    "AsyncTasksApi",
    "AsyncUtilitiesApi",
]
