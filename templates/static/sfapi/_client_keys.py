"""NERSC's API clients: the shape of their ids, and the folder their key files live in.

NERSC issues an API client as a client id (13 letters and digits) and a private key.
Users keep them in a key file under ``~/.superfacility/``: ``key=`` may give its path
or only the start of its name there. The generic ``Credentials`` read and sign; this
module adds the SF API's rules before any request is sent.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ._credentials import ClientKeyError, Credentials, key_file_path
from ._key_file_watch import KeyFileWatch

#: NERSC client ids: 13 letters and digits.
CLIENT_ID_PATTERN = re.compile(r"^[A-Za-z0-9]{13}$")
#: Where key files live when ``key=`` names one instead of giving a path.
KEY_FOLDER = Path.home() / ".superfacility"


def check_nersc_client_id(client_id: object) -> None:
    """ClientKeyError unless the id has NERSC's shape (13 letters and digits)."""
    if not isinstance(client_id, str) or not CLIENT_ID_PATTERN.match(client_id.strip()):
        shown = client_id[:20] if isinstance(client_id, str) else type(client_id).__name__
        raise ClientKeyError(
            f"client id {shown!r} does not look like a NERSC client id (13 letters and digits)"
        )


def find_key_file(key: str | Path) -> Path:
    """The key file ``key`` names: a path, or the first file under ``~/.superfacility/``
    whose name starts with ``key``."""
    path = Path(key).expanduser()
    if path.exists() or not (isinstance(key, str) and "/" not in key):
        return key_file_path(path)
    if KEY_FOLDER.is_dir():
        matches = sorted(p for p in KEY_FOLDER.glob(f"{key}*") if p.is_file())
        if matches:
            return matches[0]
    raise ClientKeyError(f"key file {key} not found (looked at {path} and {KEY_FOLDER}/{key}*)")


def credentials_from_secret(client_id: str, secret: Any) -> Credentials:
    """Credentials of a NERSC client from its id and private key."""
    check_nersc_client_id(client_id)
    return Credentials.from_secret(client_id, secret)


def credentials_from_key_file(key: str | Path) -> Credentials:
    """Credentials of a NERSC client from a key file path or name (see ``find_key_file``)."""
    credentials = Credentials.from_key_file(find_key_file(key))
    check_nersc_client_id(credentials.client_id)
    return credentials


def watched_key_file(key: str | Path) -> KeyFileWatch:
    """The key file ``key`` names, read now and again whenever it is replaced (each
    version checked as ``credentials_from_key_file`` checks it)."""
    return KeyFileWatch(find_key_file(key), credentials_from_key_file)
