"""Client credentials for the OAuth2 client credentials grant with a private-key JWT:
how they are read, checked and used to sign client assertions (RFC 7523).

A client is a client id and a private key, PEM or JWK. A key file holds the client id
on its first line, then the PEM key, or a JSON object ``{"client_id": ..., "secret":
...}``. Everything here is checked before any request is sent, and no key material
ever reaches a ``repr``, a log line or an exception message. Rules of one API (the
shape of its client ids, a folder where its users keep key files) belong to the layer
built for that API.
"""

from __future__ import annotations

import json
import math
import os
import stat
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._package import PackageError

__all__ = ["ClientKeyError", "Credentials"]

#: How long a client assertion is valid.
ASSERTION_LIFETIME = 300
#: The longest client id taken: ids are short tokens, never documents.
MAX_CLIENT_ID_LENGTH = 256
#: The largest key (or secret) file read: a PEM or JWK private key, with its client id,
#: takes a few KiB; anything much larger is not a key file, and is not read.
MAX_KEY_FILE_BYTES = 64 * 1024


class ClientKeyError(PackageError, ValueError):
    """The credentials cannot be used: missing, malformed, or too widely readable."""


def _import_joserfc() -> Any:
    try:
        import joserfc.errors
        import joserfc.jwk
        import joserfc.jwt
    except ImportError:  # pragma: no cover - depends on the installation
        raise ClientKeyError(
            "signing client assertions needs joserfc: pip install joserfc"
        ) from None
    return joserfc


@dataclass(frozen=True)
class Credentials:
    """A client id and its private key, ready to sign client assertions.

    Build it with ``from_secret`` or ``from_key_file``; the key never shows in
    ``repr``.

    Arguments:
        client_id: the client's id.
        algorithm: the signing algorithm of the key (``RS256``, ``ES256`` ...).
        expires_at: when the key stops being accepted, in seconds since the epoch, when
            its material says (a JWK's ``exp``); None when it does not.
    """

    client_id: str
    algorithm: str
    _key: Any = field(repr=False, compare=False)
    expires_at: float | None = field(default=None, compare=False)

    def __repr__(self) -> str:
        return f"Credentials(client_id={self.client_id!r}, algorithm={self.algorithm!r})"

    @classmethod
    def from_secret(cls, client_id: str, secret: Any) -> Credentials:
        """Credentials from a client id and a PEM text, a JWK dict or a JWK JSON text, or a
        key object (joserfc's, or authlib's ``JsonWebKey.import_key(...)``).

        Whitespace around the client id (the newline of a file it was read from) is
        dropped.

        Arguments:
            client_id: the client's id.
            secret: its private key.

        Raises:
            ClientKeyError: for an id or key that cannot be used.
        """
        if isinstance(client_id, str):
            client_id = client_id.strip()
        check_client_id(client_id)
        material = _key_material(secret)
        key, algorithm = _parse_private_key(material)
        return cls(client_id, algorithm, key, _material_expiry(material))

    @classmethod
    def from_key_file(cls, key: str | Path) -> Credentials:
        """Credentials from a key file, which only its owner may read.

        The file holds the client id on its first line and the private key (PEM) after
        it, or a JSON object with ``client_id`` and ``secret``.

        Arguments:
            key: the file's path (``~`` expanded).

        Raises:
            ClientKeyError: for a missing, unreadable or malformed file, or one that
                others may read.
        """
        path = key_file_path(key)
        check_permissions(path)
        text = read_key_text(path)
        if text.startswith("{"):
            try:
                data = json.loads(text)
            except (ValueError, RecursionError):
                raise ClientKeyError(
                    f"key file {path} is neither 'client id + PEM' nor valid JSON"
                ) from None
            if not isinstance(data, dict) or not {"client_id", "secret"} <= set(data):
                raise ClientKeyError(
                    f"key file {path} must hold an object with client_id and secret"
                )
            return cls.from_secret(str(data["client_id"]), data["secret"])
        client_id, _, pem = text.partition("\n")
        if not pem.strip():
            raise ClientKeyError(
                f"key file {path} must hold the client id on its first line, then the private key"
            )
        return cls.from_secret(client_id.strip(), pem.strip())

    @property
    def key_id(self) -> str:
        """The key's public thumbprint (RFC 7638): tells two keys of one client apart
        without showing anything secret."""
        return str(self._key.thumbprint())

    def assertion(self, token_url: str, now: float | None = None) -> str:
        """A signed client assertion (RFC 7523) for a token endpoint.

        Arguments:
            token_url: the token endpoint (the assertion's audience).
            now: the time of issue, in seconds since the epoch (default: now).
        """
        jose = _import_joserfc()
        issued = int(time.time() if now is None else now)
        claims = {
            "iss": self.client_id,
            "sub": self.client_id,
            "aud": token_url,
            "iat": issued,
            "exp": issued + ASSERTION_LIFETIME,
            "jti": uuid.uuid4().hex,
        }
        return str(jose.jwt.encode({"alg": self.algorithm, "typ": "JWT"}, claims, self._key))


def check_client_id(client_id: str) -> None:
    """ClientKeyError unless the id is a short text without spaces or control characters
    (the id names the client in every assertion; an API may add rules of its own)."""
    if (
        not isinstance(client_id, str)
        or not client_id.isprintable()
        or not 0 < len(client_id) <= MAX_CLIENT_ID_LENGTH
        or any(ch.isspace() for ch in client_id)
    ):
        shown = client_id[:20] if isinstance(client_id, str) else type(client_id).__name__
        raise ClientKeyError(
            f"client id {shown!r} is not a client id (a short text without spaces)"
        )


def key_file_path(key: str | Path) -> Path:
    """The regular file at ``key`` (``~`` expanded); ClientKeyError when there is none."""
    path = Path(key).expanduser()
    if path.is_file():
        return path
    if path.exists():
        raise ClientKeyError(f"key file {path} is not a regular file")
    raise ClientKeyError(f"key file {path} not found")


def read_key_text(path: Path, what: str = "key file") -> str:
    """The text of a key (or secret) file; ClientKeyError naming it when it cannot be read,
    is larger than ``MAX_KEY_FILE_BYTES`` (checked before reading, and again while
    reading: no more than that is ever read) or is not UTF-8 text (key files are ASCII:
    a PEM block or JSON)."""
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            data = b"" if size > MAX_KEY_FILE_BYTES else stream.read(MAX_KEY_FILE_BYTES + 1)
        if size > MAX_KEY_FILE_BYTES or len(data) > MAX_KEY_FILE_BYTES:
            raise ClientKeyError(
                f"{what} {path} is {max(size, len(data))} bytes, more than a key file holds "
                f"(at most {MAX_KEY_FILE_BYTES} bytes): is it the right file?"
            )
        return data.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise ClientKeyError(
            f"{what} {path} is not a text key file: byte {exc.object[exc.start]:#04x} at "
            f"position {exc.start} is not UTF-8 (expected the client id, then a PEM key, "
            "or JSON)"
        ) from None
    except OSError as exc:
        raise ClientKeyError(f"cannot read the {what} {path}: {exc.strerror}") from None


def check_permissions(path: Path) -> None:
    """ClientKeyError when group or others may read the key file."""
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ClientKeyError(
            f"key file {path} is accessible by group or others (mode {stat.filemode(mode)}); "
            f"restrict it with: chmod 600 {path}"
        )


def _key_material(secret: Any) -> str | Mapping[str, Any]:
    """A key object's private JWK; text and mappings as they are."""
    if isinstance(secret, str | Mapping) or not hasattr(secret, "as_dict"):
        return secret  # type: ignore[no-any-return]
    for flag in ("private", "is_private"):  # joserfc's spelling, authlib's
        try:
            exported = secret.as_dict(**{flag: True})
        except TypeError:
            continue
        if isinstance(exported, Mapping) and "d" in exported:
            return {k: v for k, v in exported.items() if k not in ("private", "is_private")}
    raise ClientKeyError("the key object could not be exported as a private JWK")


def _material_expiry(secret: str | Mapping[str, Any]) -> float | None:
    """The expiry a JWK carries in ``exp`` (seconds since the epoch), or None: PEM keys
    and JWKs without a usable ``exp`` do not say when they expire."""
    data: Any = secret
    if isinstance(secret, str):
        if not secret.lstrip().startswith("{"):
            return None
        try:
            data = json.loads(secret)
        except (ValueError, RecursionError):
            return None
    if not isinstance(data, Mapping):
        return None
    value = data.get("exp")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    seconds = float(value)
    return seconds if math.isfinite(seconds) and seconds > 0 else None


def _parse_private_key(secret: str | Mapping[str, Any]) -> tuple[Any, str]:
    """The joserfc key and its signing algorithm (RS256 or ES256)."""
    jose = _import_joserfc()
    data: Any = secret
    if isinstance(secret, str) and secret.lstrip().startswith("{"):
        try:
            data = json.loads(secret)
        except (ValueError, RecursionError):
            raise ClientKeyError("the secret looks like JSON but is not valid JSON") from None
    if isinstance(data, Mapping):
        kty = data.get("kty")
        if kty not in ("RSA", "EC") or "d" not in data:
            raise ClientKeyError("the JWK secret must be a private RSA or EC key (kty and d)")
        candidates = [str(kty)]
        data = dict(data)
    elif isinstance(data, str) and "PRIVATE KEY-----" in data:
        candidates = ["RSA", "EC"]
    else:
        raise ClientKeyError("the secret is neither a PEM private key nor a JWK")
    for key_type in candidates:
        try:
            key = jose.jwk.JWKRegistry.import_key(data, key_type)
        except (ValueError, TypeError, KeyError, jose.errors.JoseError):
            continue  # not a key of this type: try the next one
        if not key.is_private:
            raise ClientKeyError("the secret is a public key; the private key is needed")
        if key_type == "EC" and key.as_dict().get("crv") != "P-256":
            raise ClientKeyError("EC keys must use the P-256 curve (ES256)")
        return key, "RS256" if key_type == "RSA" else "ES256"
    raise ClientKeyError("the secret could not be read as an RSA or EC private key")
