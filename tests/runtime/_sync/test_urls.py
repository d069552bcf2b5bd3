# Generated from tests/runtime/_async/test_urls.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""URLs are checked when the client is built: an unparseable, relative or empty one is
an InvalidUrlError (a ValueError of the package's tree) naming it and its setting, and
nothing is sent."""

from __future__ import annotations

import pytest

from sfapi_client import ApiClient, Client, InvalidUrlError, SfApiError
from sfapi_client._auth import ClientCredentialsAuth
from sfapi_client._credentials import Credentials
from tests.runtime.keys import CLIENT_ID, pem, rsa_key

GOOD = "https://api.example.org/api/v1.2"


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "http://[::1/api",
        "ftp://example.org/api",
        "/api/v1.2",
        "api.example.org",
        "http://",
        "//evil.example/api",
        "file:///etc/passwd",
        "http://api example.org/api",
        "https://api.example.org:99999/api",
        "http://127.0.0.1:0/api",
    ],
)
def test_unusable_base_urls_are_refused_at_construction(url: str) -> None:
    with pytest.raises(InvalidUrlError) as caught:
        ApiClient(url)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, SfApiError)
    assert repr(url) in str(caught.value) and "base_url argument" in str(caught.value)
    with pytest.raises(InvalidUrlError, match="api_base_url argument"):
        Client(api_base_url=url)


@pytest.mark.parametrize(
    "url", ["http://[::1", "/c2id/token", "token", "", "//evil.example/token", "file:///t"]
)
def test_unusable_token_urls_are_refused_before_any_assertion_is_signed(url: str) -> None:
    with pytest.raises(InvalidUrlError, match="token URL"):
        Client(CLIENT_ID, pem(rsa_key()), api_base_url=GOOD, token_url=url)
    credentials = Credentials.from_secret(CLIENT_ID, pem(rsa_key()))
    with pytest.raises(InvalidUrlError, match="token_url argument"):
        ClientCredentialsAuth(credentials, url)


@pytest.mark.parametrize("argument", ["api_base_url", "token_url"])
def test_a_url_holding_credentials_is_refused_without_showing_them(argument: str) -> None:
    """A password in a URL would reach the client's repr, its logs and every connection
    error; it is refused, and the error shows the URL without it."""
    urls = {"api_base_url": GOOD, "token_url": "https://auth.example.org/token"}
    urls[argument] = "https://someone:hunter2-secret@api.example.org/api"
    with pytest.raises(InvalidUrlError, match="user name or password") as caught:
        Client(CLIENT_ID, pem(rsa_key()), **urls)
    shown = str(caught.value) + repr(caught.value)
    assert "hunter2-secret" not in shown and "someone" not in shown
    assert "https://api.example.org/api" in shown


@pytest.mark.parametrize("variable", ["SFAPI_BASE_URL", "SFAPI_TOKEN_URL"])
def test_an_empty_url_variable_is_an_error_naming_it(
    variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, "")
    with pytest.raises(InvalidUrlError, match=f"empty .*{variable} environment variable"):
        Client(CLIENT_ID, pem(rsa_key()))


def test_url_variables_are_read_when_no_argument_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SFAPI_BASE_URL", "http://127.0.0.1:1/api/v1.2/")
    monkeypatch.setenv("SFAPI_TOKEN_URL", "http://127.0.0.1:1/token")
    with Client(CLIENT_ID, pem(rsa_key())) as client:
        assert client.api_client.base_url == "http://127.0.0.1:1/api/v1.2"
        assert client.token_url == "http://127.0.0.1:1/token"
    with Client(api_base_url=GOOD) as client:
        assert client.api_client.base_url == GOOD  # an argument wins over the variable


def test_without_argument_or_variable_the_default_urls_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sfapi_client import DEFAULT_BASE_URL, DEFAULT_TOKEN_URL

    monkeypatch.delenv("SFAPI_BASE_URL", raising=False)
    monkeypatch.delenv("SFAPI_TOKEN_URL", raising=False)
    with Client() as client:
        assert client.api_client.base_url == DEFAULT_BASE_URL
        assert client.token_url == DEFAULT_TOKEN_URL
        assert "default base URL" in client.api_client.endpoint.origin
