# Copied from templates/static/sfapi/_remote_paths.py by `python -m generator codegen`. Do not edit here.
"""Paths on a machine as the caller gives them, checked before anything is sent.

A remote path that a request names must be absolute (a ``RemotePath`` made by hand
may be relative until it is joined onto an absolute one); every remote path must be valid text, without control characters and without
``.`` or ``..`` segments: those are refused, not resolved, so that the path a request
names is always the path the caller wrote (the URL encoding of path parameters refuses
them too; this says which argument was wrong). Repeated slashes and a trailing slash are
normalised away by ``RemotePath``: they name the same file on the machine.
"""

from __future__ import annotations

from ._encoding import path_value
from ._workflow_errors import InvalidArgumentError

__all__: list[str] = []


def checked_remote_path(path: object, what: str = "remote path", *, absolute: bool = True) -> str:
    """``path`` if it names a file on the machine unambiguously; InvalidArgumentError (a
    ValueError) otherwise.

    With ``absolute=False`` a relative path passes (its other checks still apply).
    """
    if not isinstance(path, str):
        raise TypeError(f"a {what} is a string, not {type(path).__name__}")
    if absolute and not path.startswith("/"):
        raise InvalidArgumentError(f"{what}s are absolute; {path!r} is not")
    try:
        path_value(path)
    except ValueError as exc:
        raise InvalidArgumentError(f"{what} refused: {exc}") from None
    return path
