"""The settings of the current invocation, shared by the commands."""

from __future__ import annotations

import dataclasses
from typing import Any

from .settings import Settings, configure_logging

current = Settings()


def debug() -> bool:
    return current.debug


def override(changes: dict[str, Any]) -> None:
    """Take the global options given after the command name (they win over those before).

    ``changes`` maps option names to values; names that are not settings (``--version``,
    handled by its own callback) are left out.
    """
    global current
    fields = {f.name for f in dataclasses.fields(Settings)}
    current = dataclasses.replace(current, **{k: v for k, v in changes.items() if k in fields})
    configure_logging(current.verbose)
