"""The settings of the current invocation, shared by the commands."""

from __future__ import annotations

from .settings import Settings

current = Settings()


def debug() -> bool:
    return current.debug
