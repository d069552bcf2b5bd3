"""The sync rewrite, the black-stable literals of the templates, and the formatting of
a run (``ruff format``), with black, the formatter of record, as the reference: a
module is right when black leaves it as it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import black
import pytest
from black.mode import TargetVersion

from generator.config import Config, load_config
from generator.fmt import (
    LINE_LENGTH,
    black_changes,
    call_statement,
    format_modules,
    import_from,
    python_literal,
)
from generator.pipeline import Result, check, generate
from generator.problems import GeneratorError
from generator.sync import convert_sources

from .conftest import FIXTURE_CONFIG

ROOT = Path(__file__).resolve().parents[2]

MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)

ASYNC_MODULE = '''"""AsyncThing wraps an AsyncClient."""

from httpx2 import AsyncClient


class AsyncThing:
    async def __aenter__(self) -> "AsyncThing":
        await self.aclose()
        return self

    async def go(self) -> None:
        async with AsyncClient() as c:  # AsyncClient, in a comment, stays
            print(await c.get("AsyncThing"), 'AsyncClient')
'''

SYNC_MODULE = '''"""AsyncThing wraps an AsyncClient."""

from httpx2 import Client


class Thing:
    def __enter__(self) -> "Thing":
        self.close()
        return self

    def go(self) -> None:
        with Client() as c:  # AsyncClient, in a comment, stays
            print(c.get("Thing"), 'Client')
'''


def test_sync_rewrite_renames_names_and_forward_references_only() -> None:
    files = {"_async/thing.py": ASYNC_MODULE}
    twins, unused = convert_sources(files, files, {"aclose": "close"})
    assert twins == {"_sync/thing.py": SYNC_MODULE} and unused == []


def test_sync_rewrite_reports_unused_table_entries() -> None:
    files = {"_async/thing.py": ASYNC_MODULE}
    _, unused = convert_sources(files, files, {"aclose": "close", "aread": "read"})
    assert unused == ["aread"]


def test_sync_rewrite_fails_on_an_async_name_it_cannot_rename() -> None:
    files = {"_async/widget.py": "from elsewhere import AsyncWidget\n\nw = AsyncWidget()\n"}
    with pytest.raises(GeneratorError) as caught:
        convert_sources(files, files, {})
    assert "'AsyncWidget' left in the sync module at line 1" in str(caught.value)
    assert "_sync/widget.py" in str(caught.value)


@pytest.mark.parametrize(
    "value", ["GET", "/a/{b}", "", "it's", 'say "hi"', "both ' and \"", "tab\there", 3, 1.5, None]
)
def test_literals_are_as_black_writes_them(value: object) -> None:
    line = f"x = {python_literal(value)}\n"
    assert eval(python_literal(value)) == value
    if not (isinstance(value, str) and "'" in value and '"' in value):
        assert black.format_str(line, mode=MODE) == line


@pytest.mark.parametrize("count, split", [(1, False), (4, False), (5, True), (12, True)])
def test_imports_are_as_black_splits_them(count: int, split: bool) -> None:
    names = [f"SomeLongModelName{i}" for i in range(count)]
    text = import_from("...models", names) + "\n"
    assert black.format_str(text, mode=MODE) == text
    assert (len(text.splitlines()) > 1) == split


@pytest.mark.parametrize("width, lines", [(10, 1), (60, 3), (85, 5)])
def test_calls_are_as_black_splits_them(width: int, lines: int) -> None:
    arguments = ["_response", "A" * width, '"op"']
    statement = call_statement(8, "_result: Answer = parse", arguments)
    text = f"def f():\n    if x:\n{statement}\n"
    assert black.format_str(text, mode=MODE) == text
    assert len(statement.splitlines()) == lines


def _changed_by_black(files: dict[str, str]) -> list[str]:
    return [
        path
        for path, text in sorted(files.items())
        if path.endswith(".py") and black.format_str(text, mode=MODE) != text
    ]


def test_every_module_of_the_package_is_as_black_writes_it() -> None:
    """A run formats what depends on the document with ruff and leaves the static
    copies and their sync twins as they come. black, run over the whole committed
    package, finds nothing to change in any of them."""
    package = ROOT / "generated" / "sfapi_client"
    files = {
        path.relative_to(package).as_posix(): path.read_text(encoding="utf-8")
        for path in package.rglob("*.py")
    }
    assert len(files) > 100
    assert _changed_by_black(files) == []


def test_every_module_of_the_corpus_packages_is_as_black_writes_it(
    corpus_out: tuple[Path, dict[str, Result]],
) -> None:
    _, results = corpus_out
    changed = {name: _changed_by_black(result.files) for name, result in results.items()}
    assert {name: paths for name, paths in changed.items() if paths} == {}


#: Unformatted code in the shapes the model generator and the templates produce:
#: single quotes, a class docstring without the blank line after it, a long call.
UNFORMATTED = """from pydantic import BaseModel, Field
class A(BaseModel):
    \"\"\"
    A model.
    \"\"\"
    name: str = Field(..., title='Name', description='a description long enough to need splitting')
    both: str = Field("it's", title='say "hi"')
    data: bytes = b'raw'
x = {'a':1,
  'b':[1,2,3]}
"""


def test_ruff_formats_as_black_does() -> None:
    formatted = format_modules({"a.py": UNFORMATTED, "b/c.py": "y  =  ( 1 , )\n"})
    assert formatted == {
        "a.py": black.format_str(UNFORMATTED, mode=MODE),
        "b/c.py": black.format_str("y  =  ( 1 , )\n", mode=MODE),
    }
    assert format_modules({}) == {}


def test_invalid_python_is_reported_with_its_module_path() -> None:
    with pytest.raises(GeneratorError) as caught:
        format_modules({"good.py": "x = 1\n", "_async/endpoints/broken.py": "def (:\n"})
    message = str(caught.value)
    assert "generated code is not valid Python" in message
    assert "_async/endpoints/broken.py" in message


def test_without_ruff_the_error_says_how_to_install_it(tmp_path: Path) -> None:
    """A process where the ruff package cannot be imported fails with the extra to
    install, not a traceback."""
    (tmp_path / "ruff.py").write_text("raise ImportError('no ruff here')\n")
    probe = (
        "from generator.fmt import format_modules\n"
        "from generator.problems import GeneratorError\n"
        "try:\n"
        "    format_modules({'a.py': 'x = 1\\n'})\n"
        "except GeneratorError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={"PYTHONPATH": os.pathsep.join((str(tmp_path), str(ROOT))), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "formats with ruff, which is not installed" in done.stdout
    assert "pip install -e '.[codegen]'" in done.stdout


def test_black_changes_names_the_modules_black_would_change() -> None:
    settled = black.format_str(UNFORMATTED, mode=MODE)
    modules = [("a.py", settled), ("b.py", UNFORMATTED), ("c.py", "def (:\n")]
    assert black_changes(modules) == ["b.py", "c.py"]


def test_check_fails_on_a_module_black_would_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check`` asks black, not ruff: were the formatting of a run to drift from
    black's, the package on disk would match a fresh run and still fail the check."""
    config: Config = load_config(FIXTURE_CONFIG)

    def single_quoted(modules: dict[str, str]) -> dict[str, str]:
        return {path: text.replace('"', "'") for path, text in modules.items()}

    monkeypatch.setattr("generator.assemble.format_modules", single_quoted)
    generate(config, tmp_path / "drifted", force=True)
    checked = check(config, tmp_path / "drifted", tmp_path / "scratch")
    assert checked.differing == []
    assert "__init__.py" in checked.unlike_black
