"""Errors of file operations, worded as the real commands word them."""

from __future__ import annotations


class FileError(Exception):
    """A failed file operation, with a message as the real command would print it."""


class MissingFile(FileError):
    """The path (or a folder on the way to it) does not exist."""


class NotAFolder(MissingFile):
    """A file stands where the path needs a folder."""


class DeniedFile(FileError):
    """The user's permissions (or the sandbox) do not allow the operation."""


class QuotaExceeded(FileError):
    """The write would take the owner's files beyond their disk quota."""
