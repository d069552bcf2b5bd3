"""Names imported when first used: every listed name resolves, ``dir()`` shows it, mypy
sees it, and a script loads only what it uses.

Each check runs in a fresh interpreter, where nothing of the package is loaded yet.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: The modules whose names load when first read (``_lazy.py``).
LAZY_MODULES = (
    "sfapi_client",
    "sfapi_client.models",
    "sfapi_client._async.endpoints",
    "sfapi_client._sync.endpoints",
)


def _fresh(script: str) -> object:
    """What ``script`` prints as JSON on its last line, run in a new interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("module", LAZY_MODULES)
def test_every_listed_name_resolves_and_dir_lists_it(module: str) -> None:
    report = _fresh(
        f"""
        import importlib, json
        module = importlib.import_module({module!r})
        listed = list(module.__all__)
        shown = dir(module)
        unresolved = [name for name in listed if getattr(module, name, None) is None]
        star = {{}}
        exec(f"from {module} import *", star)
        print(json.dumps({{
            "listed": listed,
            "missing_from_dir": sorted(set(listed) - set(shown)),
            "unresolved": unresolved,
            "missing_from_star": sorted(set(listed) - set(star)),
        }}))
        """
    )
    assert isinstance(report, dict)
    assert report["listed"], f"{module} lists no names"
    assert report["missing_from_dir"] == []
    assert report["unresolved"] == []
    assert report["missing_from_star"] == []


@pytest.mark.parametrize("module", LAZY_MODULES)
def test_an_unknown_name_is_an_attribute_error_naming_the_module(module: str) -> None:
    message = _fresh(
        f"""
        import importlib, json
        module = importlib.import_module({module!r})
        try:
            module.NoSuchName
        except AttributeError as error:
            print(json.dumps(str(error)))
        """
    )
    assert message == f"module {module!r} has no attribute 'NoSuchName'"


def test_the_start_up_line_loads_neither_models_nor_the_async_twin() -> None:
    loaded = _fresh(
        """
        import json, sys
        from sfapi_client import Client, Machine
        print(json.dumps(sorted(sys.modules)))
        """
    )
    assert isinstance(loaded, list)
    assert "sfapi_client._sync.client" in loaded
    assert "sfapi_client.models._enums" in loaded  # Machine is an enum of the spec
    unwanted = {
        "asyncio",
        "pydantic",
        "sfapi_client._async.client",
        "sfapi_client.models._schemas",
        "sfapi_client.models._jobs",
        "sfapi_client._sync.compute",
        "sfapi_client._sync.jobs",
    }
    assert unwanted & set(loaded) == set()
    assert [m for m in loaded if ".endpoints." in m] == []


def test_an_endpoint_group_loads_with_its_first_use_and_only_its_models() -> None:
    loaded = _fresh(
        """
        import json, sys
        from sfapi_client import Client
        with Client() as client:
            client.api_client.status
        print(json.dumps(sorted(m for m in sys.modules if ".endpoints." in m or "._schemas." in m)))
        """
    )
    assert loaded == [
        "sfapi_client._sync.endpoints.status",
        "sfapi_client.models._schemas.note",
        "sfapi_client.models._schemas.outage",
        "sfapi_client.models._schemas.system_status",
    ]


def test_mypy_sees_the_lazy_names_and_rejects_unknown_ones(tmp_path: Path) -> None:
    script = tmp_path / "user_script.py"
    script.write_text(
        textwrap.dedent(
            """
            from sfapi_client import AsyncClient, Client, Machine
            from sfapi_client.models import JobSqueue, SystemStatus
            from sfapi_client import Clinet


            def first_status(client: Client) -> SystemStatus:
                return client.api_client.status.read_status_for_system(Machine.perlmutter)


            def job_name(row: JobSqueue) -> str | None:
                return row.name


            async def close(client: AsyncClient) -> None:
                await client.aclose()
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, done.stdout
    assert 'Module "sfapi_client" has no attribute "Clinet"' in errors[0]
