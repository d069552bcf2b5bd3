# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The names this package gives the runtime: its error base and its logger."""

from . import _api_error

__all__ = ["SfApiError"]


class SfApiError(_api_error.ApiError):
    """Base of every error sfapi_client raises about the API.

    Attributes: ``status`` (HTTP status, or None when no answer came), ``method``,
    ``url``, ``operation`` (the operation's Python name) and ``body`` (the answer's text,
    possibly cut).
    """


#: The error base under the name the runtime's modules use.
PackageError = SfApiError
#: The package's logger; every module logs below it.
LOGGER_NAME = "sfapi_client"
