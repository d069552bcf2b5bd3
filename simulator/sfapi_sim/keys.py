"""Key files in the format NERSC issues: the client id on the first line, then the PEM."""

from __future__ import annotations

import os
from pathlib import Path


def write_key_file(path: Path, client_id: str, pem: str) -> Path:
    """Write a key file readable by its owner only (created 0600, never wider).

    A symbolic link at ``path`` is refused rather than followed (in a shared folder such
    as /tmp, someone else may have put it there to have the key written elsewhere).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600
        )
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write the key file {path}: {exc.strerror}") from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(f"{client_id}\n{pem}")
    return path
