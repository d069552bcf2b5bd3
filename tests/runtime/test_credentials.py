"""Credential sources and refusals: every problem is caught before any request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from joserfc import jwt

from sfapi_client import AsyncClient, Client, ClientKeyError, _client_keys
from sfapi_client._client_keys import credentials_from_key_file, credentials_from_secret
from sfapi_client._credentials import Credentials
from tests.runtime.keys import CLIENT_ID, ec_key, pem, rsa_key, write_key_file

TOKEN_URL = "https://oidc.example.org/token"


def test_key_file_with_client_id_and_pem(tmp_path: Path) -> None:
    key = rsa_key()
    credentials = Credentials.from_key_file(write_key_file(tmp_path, key))
    assertion = credentials.assertion(TOKEN_URL)
    claims = jwt.decode(assertion, key).claims
    assert claims["iss"] == claims["sub"] == CLIENT_ID
    assert claims["aud"] == TOKEN_URL and claims["exp"] > claims["iat"] and claims["jti"]
    assert credentials.algorithm == "RS256"


def test_json_key_file_with_jwk_and_ec_key(tmp_path: Path) -> None:
    key = ec_key()
    credentials = Credentials.from_key_file(write_key_file(tmp_path, key, as_json=True))
    assert credentials.algorithm == "ES256"
    assert jwt.decode(credentials.assertion(TOKEN_URL), key).claims["sub"] == CLIENT_ID


def test_secret_as_jwk_json_text_and_dict() -> None:
    key = rsa_key()
    as_dict = key.as_dict(private=True)
    for secret in (as_dict, json.dumps(as_dict), pem(key)):
        assert Credentials.from_secret(CLIENT_ID, secret).client_id == CLIENT_ID


def test_ec_key_as_pem_text() -> None:
    assert Credentials.from_secret(CLIENT_ID, pem(ec_key())).algorithm == "ES256"


def test_key_found_by_name_under_superfacility(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_client_keys, "KEY_FOLDER", tmp_path)
    write_key_file(tmp_path, rsa_key(), name="mykey[2026-11-25].pem")
    assert credentials_from_key_file("mykey").client_id == CLIENT_ID
    with pytest.raises(ClientKeyError, match="not found"):
        credentials_from_key_file("otherkey")


def test_the_generic_credentials_look_up_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare name is a path relative to the working folder for the runtime's
    credentials: only the SF layer looks under ~/.superfacility."""
    monkeypatch.setattr(_client_keys, "KEY_FOLDER", tmp_path)
    monkeypatch.chdir(tmp_path / "..")
    write_key_file(tmp_path, rsa_key(), name="mykey.pem")
    with pytest.raises(ClientKeyError, match="key file mykey not found"):
        Credentials.from_key_file("mykey")


def test_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = write_key_file(tmp_path, rsa_key(), mode=0o644)
    with pytest.raises(ClientKeyError, match=f"chmod 600 {path}"):
        Credentials.from_key_file(path)


def test_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(ClientKeyError, match="not found"):
        Credentials.from_key_file(tmp_path / "absent.pem")


@pytest.mark.parametrize(
    "secret, message",
    [
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "could not be read"),
        ("not a key", "neither a PEM private key nor a JWK"),
        ('{"kty": "RSA", "n": "x"', "not valid JSON"),
        ({"kty": "oct", "k": "c2VjcmV0"}, "private RSA or EC key"),
    ],
)
def test_malformed_secrets(secret: object, message: str) -> None:
    with pytest.raises(ClientKeyError, match=message):
        Credentials.from_secret(CLIENT_ID, secret)  # type: ignore[arg-type]


def test_public_key_is_refused() -> None:
    public = rsa_key().as_dict(private=False)
    with pytest.raises(ClientKeyError):
        Credentials.from_secret(CLIENT_ID, public)


@pytest.mark.parametrize("client_id", ["short", "abcdefghij12345", "abc-defghij12", ""])
def test_client_id_of_the_wrong_shape(client_id: str, tmp_path: Path) -> None:
    """NERSC's rule holds for every source of the SF client: secret and key file."""
    key = rsa_key()
    with pytest.raises(ClientKeyError, match="does not look like a NERSC client id"):
        credentials_from_secret(client_id, pem(key))
    path = write_key_file(tmp_path, key, client_id=client_id or "-", as_json=True)
    with pytest.raises(ClientKeyError, match="does not look like a NERSC client id"):
        Client(key=path)


def test_the_generic_credentials_take_any_client_id() -> None:
    """The runtime serves any API: a client id of another shape is taken as it is."""
    assert Credentials.from_secret("my-service.client", pem(rsa_key())).client_id == (
        "my-service.client"
    )


@pytest.mark.parametrize("client_id", ["", "two words", "tab\there", "x" * 257])
def test_the_generic_credentials_refuse_what_is_no_client_id(client_id: str) -> None:
    with pytest.raises(ClientKeyError, match="is not a client id"):
        Credentials.from_secret(client_id, pem(rsa_key()))


def test_secrets_never_in_repr_or_errors(tmp_path: Path) -> None:
    key = rsa_key()
    text = pem(key)
    credentials = Credentials.from_secret(CLIENT_ID, text)
    body = text.splitlines()[1]
    for shown in (
        repr(credentials),
        str(credentials),
        repr(Client(CLIENT_ID, text)),
        repr(AsyncClient(CLIENT_ID, text)),
    ):
        assert body not in shown and "PRIVATE" not in shown
    for bad_id in (credentials_from_secret, Credentials.from_secret):
        with pytest.raises(ClientKeyError) as caught:
            bad_id("bad id", text)
        assert body not in str(caught.value)


def test_client_id_without_secret_is_refused() -> None:
    with pytest.raises(ClientKeyError, match="go together"):
        Client(client_id=CLIENT_ID)


def test_a_huge_key_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    import tracemalloc

    from sfapi_client._credentials import MAX_KEY_FILE_BYTES

    path = tmp_path / "huge.key"
    with path.open("wb") as stream:  # sparse: 300 MB announced, nothing on disk
        stream.truncate(300 * 1024 * 1024)
    path.chmod(0o600)
    tracemalloc.start()
    try:
        with pytest.raises(ClientKeyError, match="more than a key file holds") as caught:
            Credentials.from_key_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(path) in str(caught.value) and str(MAX_KEY_FILE_BYTES) in str(caught.value)
    assert peak < MAX_KEY_FILE_BYTES * 4


def test_a_key_file_at_the_size_bound_is_still_read(tmp_path: Path) -> None:
    from sfapi_client._credentials import MAX_KEY_FILE_BYTES

    path = write_key_file(tmp_path, rsa_key())
    text = path.read_text()
    path.write_text(text + " " * (MAX_KEY_FILE_BYTES - len(text.encode())))
    assert Credentials.from_key_file(path).client_id == CLIENT_ID
