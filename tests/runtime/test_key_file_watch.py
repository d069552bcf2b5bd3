"""A watched key file: read again once replaced, an unusable replacement kept out (with
one warning per version, naming the file and never the key), and a JWK's ``exp`` read
as the key's expiry. Also the margin setting of the expiry warning."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sfapi_client._client_keys import credentials_from_key_file, watched_key_file
from sfapi_client._credentials import Credentials
from sfapi_client._environment import DEFAULT_KEY_EXPIRY_MARGIN, key_expiry_margin_setting
from sfapi_client._key_expiry import REFUSAL_WORDS, parse_expiry
from sfapi_client._key_file_watch import KeyFileWatch
from sfapi_client.exceptions import InvalidArgumentError

from .keys import ec_key, pem, write_key_file


def _secret(path: Path) -> str:
    return "".join(path.read_text().splitlines()[2:-1])[:48]


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    path = write_key_file(tmp_path, ec_key())
    reads: list[Path] = []

    def load(p: Path) -> Credentials:
        reads.append(p)
        return credentials_from_key_file(p)

    watch = KeyFileWatch(path, load, credentials_from_key_file(path))
    for _ in range(3):
        watch.refresh()
    assert reads == [] and watch.reloads == 0


def test_a_replacement_is_read_and_a_bad_one_kept_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_key_file(tmp_path, ec_key())
    watch = watched_key_file(path)
    first = watch.credentials
    caplog.set_level(logging.WARNING, logger="sfapi_client")

    # Written over in place by a newer key: taken at the next refresh.
    second_key = ec_key()
    write_key_file(tmp_path, second_key, client_id="zyxwvutsr9876")
    assert watch.refresh().client_id == "zyxwvutsr9876" and watch.reloads == 1

    # Half written: the old key stays, one warning for this version however often asked.
    path.write_text(f"abcdefghij123\n{pem(ec_key())[:60]}")
    for _ in range(3):
        assert watch.refresh().client_id == "zyxwvutsr9876"
    assert watch.replacement_error is not None
    # Readable by others: refused too, with a warning of its own (another version).
    third = write_key_file(tmp_path, ec_key(), name="third.pem", client_id="third1234abcd")
    os.replace(third, path)
    path.chmod(0o644)
    assert watch.refresh().client_id == "zyxwvutsr9876"
    warnings = _warnings(caplog)
    assert len(warnings) == 2 and all(str(path) in w for w in warnings), warnings
    assert "chmod 600" in warnings[1]

    path.chmod(0o600)  # fixed: the next refresh takes it
    assert watch.refresh().client_id == "third1234abcd" and watch.replacement_error is None
    assert first.client_id == "abcdefghij123"
    assert _secret(path) not in caplog.text + repr(watch) + repr(watch.credentials)


def test_a_jwk_exp_is_the_key_expiry(tmp_path: Path) -> None:
    key = ec_key().as_dict(private=True)
    with_exp = Credentials.from_secret("abcdefghij123", {**key, "exp": 1_900_000_000})
    assert with_exp.expires_at == 1_900_000_000.0
    for exp in (True, "tomorrow", float("nan"), -1, None):
        assert Credentials.from_secret("abcdefghij123", {**key, "exp": exp}).expires_at is None
    assert Credentials.from_secret("abcdefghij123", key).expires_at is None
    assert with_exp.key_id == Credentials.from_secret("abcdefghij123", key).key_id
    assert key["d"] not in with_exp.key_id + repr(with_exp)


def test_the_margin_comes_from_the_argument_then_the_variable() -> None:
    assert key_expiry_margin_setting(None, {}) == DEFAULT_KEY_EXPIRY_MARGIN == 86400
    assert key_expiry_margin_setting(60, {"SFAPI_KEY_EXPIRY_MARGIN": "5"}) == 60
    assert key_expiry_margin_setting(None, {"SFAPI_KEY_EXPIRY_MARGIN": "0"}) == 0
    assert key_expiry_margin_setting(None, {"SFAPI_KEY_EXPIRY_MARGIN": "3600"}) == 3600
    for value in ("", "soon", "-1", "inf", "nan"):
        with pytest.raises(InvalidArgumentError, match="SFAPI_KEY_EXPIRY_MARGIN"):
            key_expiry_margin_setting(None, {"SFAPI_KEY_EXPIRY_MARGIN": value})
    for argument in (-1.0, float("inf"), True, "60"):
        with pytest.raises(InvalidArgumentError, match="key_expiry_margin"):
            key_expiry_margin_setting(argument, {})  # type: ignore[arg-type]


def test_only_a_client_expiry_reads_as_an_expired_key() -> None:
    words = REFUSAL_WORDS
    assert words.kind("Client authentication failed: the client expired at 2026-01-01") == (
        "expired"
    )
    assert words.kind("the client is not allowed from address 10.0.0.1") == "address"
    # An assertion's own lifetime (a clock off by minutes) is not the key's expiry.
    assert words.kind("the assertion is expired or valid for too long") is None
    assert words.kind("unknown client") is None
    assert parse_expiry("2026-12-05T16:00:00") == datetime(2026, 12, 5, 16, tzinfo=UTC)
    assert parse_expiry("2026-12-05T17:00:00+01:00") == datetime(2026, 12, 5, 16, tzinfo=UTC)
    for value in ("", "soon", None, 1_900_000_000):
        assert parse_expiry(value) is None
