"""A script whose server is not there ends within seconds with a short traceback whose
last line names the URL and its setting: no chain of the network layer's errors."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from sfapi_sim.testing import free_port

SCRIPT = """
from sfapi_client import Client

with Client() as client:
    client.resources.status()
"""


def test_a_script_without_its_server_fails_fast_with_one_readable_error() -> None:
    base_url = f"http://127.0.0.1:{free_port()}/api/v1.2"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env={**os.environ, "SFAPI_BASE_URL": base_url},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 5
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[-1].startswith("sfapi_client.exceptions.ServerUnreachableError: cannot connect")
    assert base_url in lines[-1] and "SFAPI_BASE_URL" in lines[-1]
    assert "The above exception was the direct cause" not in done.stderr
    assert "During handling of the above exception" not in done.stderr
    assert len(lines) < 30
    # The warning logged at the first retry reached the terminal too.
    assert any(line.startswith(f"cannot connect to {base_url}") for line in lines[:-1])
