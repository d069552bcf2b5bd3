# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The names this package gives the runtime: its error base, its logger, and the public
module that reprs and tracebacks name for its errors."""

from typing import Any

from . import _api_error

__all__ = ["SfApiError"]

#: The package's own name: modules below it whose path has a part starting with ``_`` are
#: private.
PACKAGE = "sfapi_client"
#: The public module that exports every error of the package.
ERRORS_MODULE = "sfapi_client.exceptions"


def public_module(module: str) -> str:
    """The module to show for an error class defined in ``module``.

    A public class defined in a private module of this package
    (``sfapi_client._exceptions``) is shown under ``ERRORS_MODULE``, where users import
    it, so that reprs, tracebacks and pickles name a path that exists; a class defined
    anywhere else (a user's subclass) keeps its module.
    """
    package, _, inner = module.partition(".")
    if package != PACKAGE or not any(part.startswith("_") for part in inner.split(".")):
        return module
    return ERRORS_MODULE


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

    __module__ = ERRORS_MODULE

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A private class (``_TokenServerError``) is exported nowhere: it keeps its module.
        if not cls.__name__.startswith("_"):
            cls.__module__ = public_module(cls.__module__)


#: The error base under the name the runtime's modules use.
PackageError = SfApiError
#: The package's logger; every module logs below it.
LOGGER_NAME = "sfapi_client"
