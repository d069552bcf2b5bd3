"""Stage 7a: format generated Python with black, in-process (black is pinned)."""

from __future__ import annotations

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

from .problems import fail

_MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)


def format_python(path: str, source: str) -> str:
    """Black-formatted source; a generator bug (invalid Python) becomes a clear error."""
    try:
        return black.format_str(source, mode=_MODE)
    except InvalidInput as exc:
        raise fail(f"generated code is not valid Python: {exc}", source=path) from None
