"""``sfapi_client.exceptions``: every error the package raises, under ``SfApiError``."""

from . import _exceptions, _key_errors, _workflow_errors
from ._auth import TokenRequestError
from ._credentials import ClientKeyError
from ._exceptions import *  # noqa: F403 - the runtime's errors, as _exceptions.__all__ lists them
from ._key_errors import *  # noqa: F403 - the errors of an API client's key
from ._package import SfApiError
from ._workflow_errors import *  # noqa: F403 - the errors of the SF API's workflows

__all__ = [
    *_exceptions.__all__,
    *_workflow_errors.__all__,
    *_key_errors.__all__,
    "ClientKeyError",
    "SfApiError",
    "TokenRequestError",
]
