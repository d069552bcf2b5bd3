"""Fresh key pairs and key files for tests, in the formats NERSC issues."""

from __future__ import annotations

import json
from pathlib import Path

from joserfc.jwk import ECKey, RSAKey

CLIENT_ID = "abcdefghij123"


def rsa_key() -> RSAKey:
    return RSAKey.generate_key(2048)


def ec_key() -> ECKey:
    return ECKey.generate_key("P-256")


def pem(key: RSAKey | ECKey) -> str:
    return key.as_pem(private=True).decode()


def write_key_file(
    folder: Path,
    key: RSAKey | ECKey,
    *,
    mode: int = 0o600,
    as_json: bool = False,
    client_id: str = CLIENT_ID,
    name: str = "key.pem",
) -> Path:
    path = folder / name
    if as_json:
        path.write_text(json.dumps({"client_id": client_id, "secret": key.as_dict(private=True)}))
    else:
        path.write_text(f"{client_id}\n{pem(key)}")
    path.chmod(mode)
    return path
