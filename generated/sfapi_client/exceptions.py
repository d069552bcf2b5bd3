# Copied from templates/static/sfapi/exceptions.py by `python -m generator codegen`. Do not edit here.
"""``sfapi_client.exceptions``: every error the package raises, under ``SfApiError``."""

from . import _exceptions
from ._auth import TokenRequestError
from ._credentials import ClientKeyError
from ._exceptions import *  # noqa: F403 - the whole tree, as _exceptions.__all__ lists it

__all__ = [*_exceptions.__all__, "ClientKeyError", "TokenRequestError"]
