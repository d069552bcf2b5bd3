"""Fixtures for generator tests: the fixture API and the corpus documents generated,
imported and served."""

from __future__ import annotations

import gzip
import hashlib
import importlib
import json
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.config import load_config
from generator.pipeline import Result, generate

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
FIXTURE_CONFIG = FIXTURES / "fixture_api" / "codegen.toml"
CORPUS = HERE / "corpus"


def _unpacked(packed: Path) -> Path:
    """A gzip-compressed corpus document (``github/api.github.com.json.gz``), unpacked
    into a folder named after its content under the system's temporary folder (written
    once, read by every test run after)."""
    data = gzip.decompress(packed.read_bytes())
    digest = hashlib.sha256(data).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"corpus-{digest}" / packed.parent.name / packed.stem
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_bytes(data)
        partial.replace(path)
    return path


#: Each compressed corpus document, unpacked, to the file the repository holds.
PACKED = {_unpacked(p): p for p in sorted(CORPUS.rglob("*.json.gz"))}
#: A document's first key (``openapi: 3.1.0``, ``"openapi": "3.0.3"``); the other files
#: of a document split over several (a path item, a schema) have none.
_OPENAPI_KEY = re.compile(r'^(?:openapi|\s*"openapi")\s*:', re.MULTILINE)


def _is_document(path: Path) -> bool:
    return path.suffix in (".json", ".yaml", ".yml") and bool(
        _OPENAPI_KEY.search(path.read_text(encoding="utf-8"))
    )


DOCUMENTS = sorted([p for p in CORPUS.rglob("*") if _is_document(p)] + list(PACKED))
#: The files of the corpus that are parts of a document split over several.
DOCUMENT_PARTS = sorted(
    p for p in CORPUS.rglob("*") if p.suffix in (".json", ".yaml", ".yml") and p not in DOCUMENTS
)


def package_name(document: Path) -> str:
    """``corpus/oai/petstore-expanded.json`` → ``corpus_petstore_expanded``."""
    stem = "".join(ch if ch.isalnum() else "_" for ch in document.stem.lower())
    return f"corpus_{stem}"


def minimal_config(folder: Path, document: Path) -> Path:
    """The smallest configuration a user writes: ``[package] name`` and ``[inputs] spec``."""
    path = folder / f"{package_name(document)}.toml"
    path.write_text(
        f'[package]\nname = "{package_name(document)}"\n\n[inputs]\nspec = "{document}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Result]]:
    """Every corpus document generated into one folder, with each run's result by file name."""
    out = tmp_path_factory.mktemp("corpus")
    results = {
        document.name: generate(load_config(minimal_config(out, document)), out, force=True)
        for document in DOCUMENTS
    }
    return out, results


@pytest.fixture(scope="session")
def corpus_package(
    corpus_out: tuple[Path, dict[str, Result]],
) -> Iterator[Callable[[str], ModuleType]]:
    """Imports the package of a corpus document by file name (forgotten afterwards)."""
    out, _ = corpus_out
    sys.path.insert(0, str(out))
    try:
        yield lambda document: importlib.import_module(package_name(Path(document)))
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.startswith("corpus_")]:
            del sys.modules[name]


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve an ASGI app with uvicorn on a free port of 127.0.0.1; yield its origin."""
    import uvicorn

    from sfapi_sim.testing import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        thread.join(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def corpus_server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """The corpus servers (``corpus_servers.py``) on 127.0.0.1: origin and requests seen."""
    from tests.generator.corpus_servers import make_app

    seen: list[dict[str, Any]] = []
    with serving(make_app(seen)) as origin:
        yield origin, seen


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
    from tests.generator.fixture_server import make_app

    seen: list[dict[str, object]] = []
    with serving(make_app(seen)) as origin:
        yield f"{origin}/v0", seen


@pytest.fixture(scope="session")
def live_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, str]]:
    """The held-out FastAPI service (``live_api.py``): its own document generated with a
    minimal configuration, the package imported, the service on 127.0.0.1."""
    from tests.generator.live_api import make_app

    app = make_app()
    out = tmp_path_factory.mktemp("live")
    document = out / "widgets.json"
    document.write_text(json.dumps(app.openapi()), encoding="utf-8")
    config = out / "codegen.toml"
    config.write_text(f'[package]\nname = "live_client"\n\n[inputs]\nspec = "{document}"\n')
    generate(load_config(config), out, force=True)
    sys.path.insert(0, str(out))
    try:
        with serving(app) as origin:
            yield importlib.import_module("live_client"), origin
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == "live_client" or n.startswith("live_client.")]:
            del sys.modules[name]
