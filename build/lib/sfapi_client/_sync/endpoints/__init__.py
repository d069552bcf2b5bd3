# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""One module per tag of the API."""

from .status import StatusApi
from .meta import MetaApi
from .account import AccountApi
from .compute import ComputeApi
from .utilities import UtilitiesApi
from .tasks import TasksApi
from .storage import StorageApi

__all__ = [
    "AccountApi",
    "ComputeApi",
    "MetaApi",
    "StatusApi",
    "StorageApi",
    "TasksApi",
    "UtilitiesApi",
]
