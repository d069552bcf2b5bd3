"""The simulator's rules for job callbacks, without a server: which URLs it calls, how
its tries are bounded, and the ``sfapi-sim serve`` options that set them."""

from __future__ import annotations

import pytest

from sfapi_sim.callbacks import CallbackRefused, checked_callback_url
from sfapi_sim.cli import DEFAULT_QUEUE_LAG, _parser, main
from sfapi_sim.config import CallbackSettings


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/done",
        "http://127.8.9.10/done",
        "https://[::1]:8443/hook?token=x",
        "http://localhost/x",
        "http://LOCALHOST:9/x",
    ],
)
def test_loopback_receivers_are_called(url: str) -> None:
    assert checked_callback_url(url) == url


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://10.0.0.1/x", "host 10.0.0.1 is not a loopback address"),
        ("https://hooks.example.org/x", "host hooks.example.org is not a loopback address"),
        ("http://127.0.0.1.example.org/x", "is not a loopback address"),
        ("http://0.0.0.0:80/x", "host 0.0.0.0 is not a loopback address"),
        ("ftp://127.0.0.1/x", "must be an http:// or https:// URL"),
        ("http://user:pw@127.0.0.1/x", "must not carry a user or password"),
        ("http://127.0.0.1:port/x", "not a valid URL"),
        ("/relative", "must be an http:// or https:// URL"),
    ],
)
def test_other_receivers_are_refused_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(CallbackRefused, match=reason):
        checked_callback_url(url)


def test_each_try_waits_what_was_asked_within_the_cap() -> None:
    settings = CallbackSettings(default_timeout=10, timeout_cap=30)
    assert settings.attempt_timeout(None) == 10
    assert settings.attempt_timeout(5) == 5
    assert settings.attempt_timeout(3600) == 30


@pytest.mark.parametrize(
    "changes",
    [{"attempts": 0}, {"attempts": 11}, {"backoff": 0}, {"timeout_cap": 601}, {"attempts": True}],
)
def test_unbounded_settings_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="callback"):
        CallbackSettings(**changes)  # type: ignore[arg-type]


def test_serve_defaults_lag_listings_and_bound_callbacks() -> None:
    args = _parser().parse_args(["serve"])
    assert args.queue_lag == DEFAULT_QUEUE_LAG == 10.0
    assert (args.callback_attempts, args.callback_backoff, args.callback_timeout_cap) == (
        3,
        1.0,
        30.0,
    )


def test_serve_refuses_unbounded_callback_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--callback-attempts", "0"]) == 2
    assert capsys.readouterr().err == "sfapi-sim: callback attempts must be from 1 to 10, not 0\n"
