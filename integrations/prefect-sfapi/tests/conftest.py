"""One Prefect server for the whole test session, offline, with its state in a
temporary folder.

The settings below are in the environment before Prefect is first imported (Prefect
reads its settings then), so neither this process nor the flows it starts send usage
data anywhere, read or write the user's ``~/.prefect``, or serve the UI. The server is
Prefect's own test server (a real API on 127.0.0.1 over a temporary SQLite database),
started once: it takes about 20 s.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

#: Where Prefect keeps its profile, results and database during the tests.
PREFECT_HOME = tempfile.mkdtemp(prefix="prefect-sfapi-tests-")
atexit.register(shutil.rmtree, PREFECT_HOME, True)

#: Prefect's settings for the tests: offline, quiet, and nothing outside PREFECT_HOME.
OFFLINE_SETTINGS = {
    "PREFECT_HOME": PREFECT_HOME,
    "PREFECT_PROFILES_PATH": os.path.join(PREFECT_HOME, "profiles.toml"),
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
}
os.environ.update(OFFLINE_SETTINGS)


@pytest.fixture(scope="session")
def prefect_api_url() -> Iterator[str]:
    """The URL of the session's Prefect server; flows run in this process use it."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        url = PREFECT_API_URL.value()
        assert url and url.startswith("http://127.0.0.1:"), url
        yield url
