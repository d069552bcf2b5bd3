# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The names this package gives the runtime: its error base and its logger."""

from . import _api_error

__all__ = ["SfApiError"]


class SfApiError(_api_error.ApiError):
    """Base of every error sfapi_client raises about the API.

    Each argument is kept as an attribute of the same name.

    Arguments:
        message: what went wrong.
        status: the HTTP status of the answer, or None when no answer came.
        method: the request's HTTP method.
        url: the request's URL.
        operation: the operation's Python name.
        body: the answer's text, possibly cut.
    """


#: The error base under the name the runtime's modules use.
PackageError = SfApiError
#: The package's logger; every module logs below it.
LOGGER_NAME = "sfapi_client"
