# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""One module per tag of the API, each imported when first used (``_lazy.py``)."""

import typing as _typing

__all__ = [
    "AccountApi",
    "ComputeApi",
    "MetaApi",
    "StatusApi",
    "StorageApi",
    "TasksApi",
    "UtilitiesApi",
]

if _typing.TYPE_CHECKING:
    from .status import StatusApi
    from .meta import MetaApi
    from .account import AccountApi
    from .compute import ComputeApi
    from .utilities import UtilitiesApi
    from .tasks import TasksApi
    from .storage import StorageApi
else:
    from ..._lazy import lazy_attributes as _lazy_attributes

    __getattr__, __dir__ = _lazy_attributes(
        globals(),
        {
            "StatusApi": ".status",
            "MetaApi": ".meta",
            "AccountApi": ".account",
            "ComputeApi": ".compute",
            "UtilitiesApi": ".utilities",
            "TasksApi": ".tasks",
            "StorageApi": ".storage",
        },
    )
