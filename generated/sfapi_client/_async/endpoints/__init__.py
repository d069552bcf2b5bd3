# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""One module per tag of the API, each imported when first used (``_lazy.py``)."""

import typing as _typing

__all__ = [
    "AsyncAccountApi",
    "AsyncComputeApi",
    "AsyncMetaApi",
    "AsyncStatusApi",
    "AsyncStorageApi",
    "AsyncTasksApi",
    "AsyncUtilitiesApi",
]

if _typing.TYPE_CHECKING:
    from .status import AsyncStatusApi
    from .meta import AsyncMetaApi
    from .account import AsyncAccountApi
    from .compute import AsyncComputeApi
    from .utilities import AsyncUtilitiesApi
    from .tasks import AsyncTasksApi
    from .storage import AsyncStorageApi
else:
    from ..._lazy import lazy_attributes as _lazy_attributes

    __getattr__, __dir__ = _lazy_attributes(
        globals(),
        {
            "AsyncStatusApi": ".status",
            "AsyncMetaApi": ".meta",
            "AsyncAccountApi": ".account",
            "AsyncComputeApi": ".compute",
            "AsyncUtilitiesApi": ".utilities",
            "AsyncTasksApi": ".tasks",
            "AsyncStorageApi": ".storage",
        },
    )
