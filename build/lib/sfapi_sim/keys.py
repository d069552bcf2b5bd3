"""Key files in the format NERSC issues: the client id on the first line, then the PEM."""

from __future__ import annotations

import os
from pathlib import Path


def write_key_file(path: Path, client_id: str, pem: str) -> Path:
    """Write a key file readable by its owner only (created 0600, never wider)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(f"{client_id}\n{pem}")
    path.chmod(0o600)
    return path
