"""``sfapi`` with nothing listening at its URL, or a URL it cannot use: one clear message
naming the URL and where it came from, quickly, never a traceback or a silent wait."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from sfapi_sim.testing import RunningSimulator, free_port

from .conftest import Sfapi


def _nothing_listening() -> str:
    return f"http://127.0.0.1:{free_port()}/api/v1.2"


def test_status_with_nothing_listening_names_the_url_within_5_s(sfapi: Sfapi) -> None:
    base_url = _nothing_listening()
    started = time.monotonic()
    out = sfapi("status", env={"SFAPI_BASE_URL": base_url})
    assert time.monotonic() - started < 5
    assert out.exit_code == 1
    assert f"warning: cannot connect to {base_url}" in out.stderr  # said while retrying
    error = next(line for line in out.stderr.splitlines() if line.startswith("error:"))
    assert base_url in error and "SFAPI_BASE_URL" in error
    assert "hint:" in out.stderr and "Traceback" not in out.stderr


def test_as_a_process_the_message_comes_within_5_s() -> None:
    base_url = _nothing_listening()
    env = {**os.environ, "SFAPI_BASE_URL": base_url}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "sfapi_cli", "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert time.monotonic() - started < 5
    assert done.returncode == 1
    assert base_url in done.stderr and "SFAPI_BASE_URL" in done.stderr
    assert len(done.stderr.splitlines()) <= 4  # a warning, the error, a hint: no traceback


def test_an_empty_base_url_variable_is_a_usage_error_naming_it(sfapi: Sfapi) -> None:
    out = sfapi("status", env={"SFAPI_BASE_URL": ""})
    assert out.exit_code == 2
    assert "SFAPI_BASE_URL" in out.stderr and "empty" in out.stderr


def test_an_unparseable_url_is_a_usage_error_not_a_traceback(sfapi: Sfapi) -> None:
    out = sfapi("--base-url", "http://[::1", "status")
    assert out.exit_code == 2
    assert out.stderr.startswith("error: the base URL 'http://[::1'")
    out = sfapi("whoami", env={"SFAPI_TOKEN_URL": "/c2id/token"})
    assert out.exit_code == 2
    assert "token URL '/c2id/token'" in out.stderr and "SFAPI_TOKEN_URL" in out.stderr


def test_a_base_url_without_the_api_path_is_named_not_the_name_asked_for(
    sfapi: Sfapi, sim: RunningSimulator
) -> None:
    """A base URL missing its /api/v1.2 reaches a server that has no such route: the
    hint points at the URL, and a known system is not called unknown."""
    root = sim.base_url.removesuffix("/api/v1.2")
    for args in (["whoami"], ["status", "perlmutter"], ["download", "perlmutter", "/x"]):
        out = sfapi(*args, env={"SFAPI_BASE_URL": root})
        assert out.exit_code == 1, (args, out.stderr)
        assert "unknown system" not in out.stderr
        hint = out.stderr.splitlines()[-1]
        assert hint.startswith(f"hint: the server has no operation at {root}/"), hint
        assert "SFAPI_BASE_URL" in hint and "/api/v1.2" in hint
    # A name the service does not know is still told as such.
    unknown = sfapi("status", "nosuch")
    assert unknown.exit_code == 2 and "unknown system or service 'nosuch'" in unknown.stderr


def test_a_token_url_with_no_token_endpoint_is_named(sfapi: Sfapi, sim: RunningSimulator) -> None:
    wrong = sim.token_url.removesuffix("/c2id/token") + "/token"
    out = sfapi("whoami", env={"SFAPI_TOKEN_URL": wrong})
    assert out.exit_code == 1
    assert out.stderr.splitlines()[-1].startswith("hint: check the token URL (--token-url")
    assert "SFAPI_TOKEN_URL" in out.stderr
