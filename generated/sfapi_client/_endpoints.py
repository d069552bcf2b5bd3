# Copied from templates/static/runtime/_endpoints.py by `python -m generator codegen`. Do not edit here.
"""The URLs a client talks to, checked when it is built, and the settings they came from.

A client has two: the API's base URL and, with client credentials, the token
endpoint's. Each is checked up front (absolute, http or https, with a host, parseable),
so that a typo fails at construction with ``InvalidUrlError``, never as an error of the
HTTP library in the middle of a call, and a relative token URL never sends a signed
assertion to the API's host. Each keeps a description of where it came from (an
argument, an environment variable, a default), which the connection errors name: a
user who sees "cannot connect" learns which setting to fix.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import httpx2

from ._exceptions import InvalidUrlError

__all__: list[str] = []


@dataclass(frozen=True)
class Endpoint:
    """A checked URL and the setting it came from, as errors name it (e.g. "the
    ``base_url`` argument", "the EXAMPLE_URL environment variable")."""

    url: str
    origin: str


def checked_url(url: object, what: str, origin: str) -> str:
    """``url`` as it is; ``InvalidUrlError`` unless it is an absolute http(s) URL with a host
    that parses.

    ``what`` names the URL ("base URL"), ``origin`` the setting it came from.
    """
    if not isinstance(url, str):
        raise InvalidUrlError(f"the {what} must be a string, not {type(url).__name__}")
    if not url.strip():
        raise InvalidUrlError(f"the {what} is empty (set by {origin}); give an http(s) URL")
    try:
        parsed = httpx2.URL(url)
    except httpx2.InvalidURL as exc:
        raise InvalidUrlError(
            f"the {what} {url!r} (set by {origin}) is not a valid URL: {exc}"
        ) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InvalidUrlError(
            f"the {what} {url!r} (set by {origin}) must be absolute, with an http:// or "
            "https:// scheme and a host"
        )
    if parsed.userinfo:
        # Shown without them: the URL reaches reprs, logs and every connection error.
        shown = str(parsed.copy_with(username=None, password=None))
        raise InvalidUrlError(
            f"the {what} {shown!r} (set by {origin}) holds a user name or password; "
            "credentials go in the client's key or token, never in a URL"
        )
    if any(character.isspace() for character in url):
        raise InvalidUrlError(
            f"the {what} {url!r} (set by {origin}) holds white space; a URL has none "
            "(a space in a path is written %20)"
        )
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise InvalidUrlError(
            f"the {what} {url!r} (set by {origin}) has port {parsed.port}, outside 1-65535"
        )
    return url


def endpoint(
    argument: str | None,
    *,
    what: str,
    argument_name: str,
    variable: str | None,
    default: str | None,
    environ: Mapping[str, str] | None = None,
) -> Endpoint:
    """The checked URL of the first setting given: the argument, the environment
    variable ``variable`` (when set; set but empty is an error naming it), the default.

    ``InvalidUrlError`` when none is given or the one given cannot be used.
    """
    env = os.environ if environ is None else environ
    if argument is not None:
        origin = f"the {argument_name} argument"
        return Endpoint(checked_url(argument, what, origin), origin)
    if variable is not None and variable in env:
        origin = f"the {variable} environment variable"
        return Endpoint(checked_url(env[variable], what, origin), origin)
    if default:
        origin = f"the default {what}"
        if variable is not None:
            origin += f"; {argument_name}= and the {variable} environment variable can change it"
        return Endpoint(checked_url(default, what, origin), origin)
    raise InvalidUrlError(f"no {what}: pass {argument_name}=")
