# Copied from templates/static/sfapi/_version.py by `python -m generator codegen`. Do not edit here.
"""The package's version, as installed, for the User-Agent header."""

from __future__ import annotations

from functools import cache
from importlib import metadata

__all__: list[str] = []

DISTRIBUTION = "sfapi-client-codegen"


@cache
def version() -> str:
    """The installed distribution's version ("0+unknown" when run from a source tree)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def user_agent() -> str:
    return f"sfapi_client/{version()}"
