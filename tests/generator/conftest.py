"""Fixtures for generator tests: the fixture API generated, imported and served."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.config import load_config
from generator.pipeline import generate

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_CONFIG = FIXTURES / "fixture_api" / "codegen.toml"


@pytest.fixture(scope="session")
def fixture_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture API's package, generated once per session."""
    out = tmp_path_factory.mktemp("fixture-out")
    generate(load_config(FIXTURE_CONFIG), out, force=True)
    return out


@pytest.fixture(scope="session")
def fixture_client(fixture_out: Path) -> Iterator[ModuleType]:
    """The generated fixture package, imported (and forgotten afterwards)."""
    sys.path.insert(0, str(fixture_out))
    try:
        yield importlib.import_module("fixture_client")
    finally:
        sys.path.remove(str(fixture_out))
        for name in [
            n for n in sys.modules if n == "fixture_client" or n.startswith("fixture_client.")
        ]:
            del sys.modules[name]


@pytest.fixture(scope="session")
def fixture_server() -> Iterator[tuple[str, list[dict[str, object]]]]:
    """A real server for the fixture API on 127.0.0.1; yields its base URL and the requests it saw."""
    import uvicorn

    from sfapi_sim.testing import free_port
    from tests.generator.fixture_server import make_app

    seen: list[dict[str, object]] = []
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(make_app(seen), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        thread.join(0.01)
    yield f"http://127.0.0.1:{port}/v0", seen
    server.should_exit = True
    thread.join(10)
