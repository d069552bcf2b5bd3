# Generated from tests/runtime/_async/test_proxies.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Proxies and TLS settings of the default transport, against a real forwarding proxy:
``proxy=``, the proxy environment variables (``NO_PROXY`` included), ``trust_env``,
``verify=``, and the call's deadline kept through the proxy."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfapi_client import (
    ApiClient,
    Client,
    CallTimeoutError,
    RetryConfig,
    TransportError,
    time_limit,
)
from tests.runtime.answering_server import Answer, serving
from tests.runtime.forwarding_proxy import ForwardingProxy, forwarding_proxy
from tests.runtime.hostile_server import Reply, Trickle, hostile
from tests.runtime.tls import Certificates, make_certificates, serving_tls

STATUS = {"name": "perlmutter", "status": "active"}
PROXY_VARIABLES = ["http_proxy", "https_proxy", "all_proxy", "no_proxy"]


@pytest.fixture(autouse=True)
def no_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no proxy variable set, whatever the machine has."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def proxy() -> Iterator[tuple[ForwardingProxy, str]]:
    with forwarding_proxy() as running:
        yield running


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("tls"))


def test_requests_go_through_the_proxy_argument(
    proxy: tuple[ForwardingProxy, str],
) -> None:
    record, proxy_url = proxy
    with serving([Answer(200, [STATUS])]) as (server, base_url):
        with ApiClient(base_url, proxy=proxy_url) as client:
            statuses = client.status.read_status()
    assert statuses[0].name == "perlmutter"
    assert record.requests == [("GET", base_url + "/status")]
    assert len(server.arrivals) == 1


def test_the_proxy_environment_variables_are_followed(
    proxy: tuple[ForwardingProxy, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    record, proxy_url = proxy
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    with serving([Answer(200, [STATUS])]) as (_, base_url):
        with ApiClient(base_url) as client:
            client.status.read_status()
        assert record.requests == [("GET", base_url + "/status")]
        with ApiClient(base_url, trust_env=False) as client:
            client.status.read_status()
        assert len(record.requests) == 1  # trust_env=False: the variable is not followed


def test_no_proxy_bypasses_the_proxy(
    proxy: tuple[ForwardingProxy, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    record, proxy_url = proxy
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with serving([Answer(200, [STATUS])]) as (server, base_url):
        with ApiClient(base_url) as client:
            client.status.read_status()
    assert record.requests == []
    assert len(server.arrivals) == 1


def test_https_goes_through_a_connect_tunnel_verified_with_the_given_ca(
    proxy: tuple[ForwardingProxy, str], certificates: Certificates
) -> None:
    record, proxy_url = proxy
    with serving_tls([Answer(200, [STATUS])], certificates) as (server, base_url):
        with ApiClient(base_url, proxy=proxy_url, verify=str(certificates.ca_file)) as client:
            client.status.read_status()
        host = base_url.split("/")[2]
        assert record.requests == [("CONNECT", host)]
        assert len(server.arrivals) == 1
        # Without the CA, the server's certificate is refused: nothing is answered.
        with ApiClient(base_url, proxy=proxy_url, retry=RetryConfig(max_attempts=1)) as client:
            with pytest.raises(TransportError, match=r"certificate is trusted here"):
                client.status.read_status()
    assert len(server.arrivals) == 1


def test_the_call_deadline_holds_through_the_proxy(
    proxy: tuple[ForwardingProxy, str],
) -> None:
    _, proxy_url = proxy
    slow = Trickle(Reply(200, [STATUS]), interval=0.2)
    with hostile({"/": [slow]}) as (_, root):
        with ApiClient(root + "/api", proxy=proxy_url) as client:
            started = time.monotonic()
            with pytest.raises(CallTimeoutError), time_limit(1.0):
                client.status.read_status()
    assert time.monotonic() - started < 5


def test_the_client_passes_its_proxy_and_tls_options_down(
    proxy: tuple[ForwardingProxy, str], certificates: Certificates
) -> None:
    record, proxy_url = proxy
    with serving_tls([Answer(200, STATUS)], certificates) as (_, base_url):
        with Client(
            api_base_url=base_url, proxy=proxy_url, verify=str(certificates.ca_file)
        ) as client:
            status = client.resources.status("perlmutter")
    assert status.name == "perlmutter"
    assert [method for method, _ in record.requests] == ["CONNECT"]


@pytest.mark.parametrize("setting", ["socks5://127.0.0.1:1080", "http://[::1", "127.0.0.1:3128"])
def test_an_unusable_proxy_is_refused_when_the_client_is_made(setting: str) -> None:
    with pytest.raises(ValueError, match="proxy"):
        ApiClient("https://api.example.org", proxy=setting)


def test_tls_files_that_cannot_be_used_are_refused_when_the_client_is_made(
    tmp_path: Path,
) -> None:
    with pytest.raises(ValueError, match="CA bundle"):
        ApiClient("https://api.example.org", verify=str(tmp_path / "missing.pem"))
    with pytest.raises(ValueError, match="client certificate"):
        ApiClient("https://api.example.org", cert=str(tmp_path / "missing.pem"))


def test_a_proxy_variable_the_transport_cannot_speak_is_an_error_not_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    with pytest.raises(ValueError, match="proxy environment variables"):
        ApiClient("https://api.example.org")
    ApiClient("https://api.example.org", trust_env=False)  # the way out it names
