"""The sync rewrite, the black-stable literals of the templates, and the format cache.

black itself is the reference for what the templates write: a line is stable when
black leaves it as it is.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import black
import pytest
from black.mode import TargetVersion

from generator.config import load_config
from generator.fmt import (
    LINE_LENGTH,
    PRUNED_MARK,
    FormatCache,
    Formatter,
    call_statement,
    halves_between_classes,
    import_from,
    in_black_quotes_and_spacing,
    python_literal,
)
from generator.models import schema_models
from generator.output import read_tree
from generator.pipeline import Result, generate
from generator.problems import GeneratorError
from generator.sync import convert_sources

from .conftest import DOCUMENTS, FIXTURE_CONFIG, minimal_config

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


def test_format_cache_keeps_and_finds_formatted_text(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path / "cache")
    cache.put({"x = ( 1 )\n": "x = 1\n"})
    assert cache.get("x = ( 1 )\n") == "x = 1\n"
    assert cache.get("x = ( 2 )\n") is None


def test_format_cache_drops_entries_unused_for_long(tmp_path: Path) -> None:
    """Once a day at most: the first keeping prunes, and marks when."""
    cache = FormatCache(tmp_path)
    cache.put({"old = 1\n": "old = 1\n"})
    long_ago = time.time() - (FormatCache.MAX_AGE_DAYS + 1) * 86400
    for entry in tmp_path.iterdir():
        os.utime(entry, (long_ago, long_ago))
    cache.put({"new = 1\n": "new = 1\n"})
    assert cache.get("old = 1\n") is None and cache.get("new = 1\n") == "new = 1\n"
    # Pruned today: an entry aged now stays until tomorrow's first keeping.
    for entry in tmp_path.iterdir():
        if entry.name != PRUNED_MARK:
            os.utime(entry, (long_ago, long_ago))
    cache.put({"newer = 1\n": "newer = 1\n"})
    assert cache.get("new = 1\n") == "new = 1\n"


def test_format_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SFAPI_CODEGEN_CACHE", str(tmp_path))
    cache = FormatCache.default()
    assert cache is not None and cache.folder == tmp_path
    monkeypatch.setenv("SFAPI_CODEGEN_CACHE", "")
    assert FormatCache.default() is None


def test_a_run_with_the_cache_gives_the_same_package_and_reads_it(tmp_path: Path) -> None:
    config = load_config(FIXTURE_CONFIG)
    cache = FormatCache(tmp_path / "cache")
    plain = generate(config, tmp_path / "plain", force=True)
    first = generate(config, tmp_path / "first", force=True, format_cache=cache)
    second = generate(config, tmp_path / "second", force=True, format_cache=cache)
    assert first.files == plain.files == second.files
    assert read_tree(first.package_dir) == read_tree(second.package_dir)
    # The cache is what the second run read: a marked entry shows up in its output.
    entries = sorted(p for p in (tmp_path / "cache").iterdir() if not p.name.startswith("."))
    marked = entries[0].read_text(encoding="utf-8") + "# from the cache\n"
    entries[0].write_text(marked, encoding="utf-8")
    third = generate(config, tmp_path / "third", force=True, format_cache=cache)
    assert any(text.endswith("# from the cache\n") for text in third.files.values())


def _changed_by_black(files: dict[str, str]) -> list[str]:
    return [
        path
        for path, text in sorted(files.items())
        if path.endswith(".py") and black.format_str(text, mode=MODE) != text
    ]


def test_every_module_of_the_package_is_as_black_writes_it() -> None:
    """A run formats only what depends on the document: the static copies, their sync
    twins, and the modules cut from the formatted models are left as they come. black,
    run over the whole committed package, finds nothing to change in any of them."""
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


HALVES_SOURCE = """from pydantic import BaseModel
class A(BaseModel):
    x: int=1
class B(BaseModel):
    y: str = 'b'



class C(BaseModel):
    z: list[A]|None=None
# a comment that belongs to D
class D(BaseModel):
    pass
"""


def test_halves_formatted_apart_join_into_what_black_writes_of_the_whole() -> None:
    halves = halves_between_classes(HALVES_SOURCE)
    assert halves is not None
    first, second = halves
    # Never between C and D: the comment above D must stay with it.
    assert second.startswith(("class B", "class C"))
    joined = black.format_str(first, mode=MODE) + "\n\n" + black.format_str(second, mode=MODE)
    assert joined == black.format_str(HALVES_SOURCE, mode=MODE)


def test_the_halves_of_a_module_as_black_writes_it_are_as_black_writes_them() -> None:
    """black formats a module it would change twice over; the halves of an already
    formatted module (the model generator's output after ``in_black_quotes_and_spacing``)
    must cost one pass each, so neither may keep the blank lines at the cut."""
    whole = black.format_str(HALVES_SOURCE, mode=MODE)
    halves = halves_between_classes(whole)
    assert halves is not None
    for half in halves:
        assert black.format_str(half, mode=MODE) == half
    assert halves[0] + "\n\n" + halves[1] == whole


def test_a_module_without_two_plain_classes_in_a_row_is_not_cut() -> None:
    assert halves_between_classes("import x\n\n\nclass A:\n    pass\n") is None
    assert (
        halves_between_classes("class A:\n    pass\n\n\n@dataclass\nclass B:\n    pass\n") is None
    )
    assert halves_between_classes("class A:\n    pass\n# note\nclass B:\n    pass\n") is None
    assert halves_between_classes("def (:\n") is None


MODEL_GENERATOR_STYLE = """from pydantic import BaseModel, Field


class A(BaseModel):
    \"\"\"
    A model.
    \"\"\"
    name: str = Field(..., title='Name')
    pattern: str = Field('^a$', pattern=r'^[a-z]+$')
    both: str = Field("it's", title='say "hi"')
    data: bytes = b'raw'
    label: str = f'{1}'


class B(BaseModel):
    \"\"\"Documented, then a blank line already.\"\"\"

    x: int = 1


class C(BaseModel):
    'A docstring in single quotes.'
    y: str = 'y'"""


def test_prepared_model_code_formats_like_the_original_in_one_pass() -> None:
    prepared = in_black_quotes_and_spacing(MODEL_GENERATOR_STYLE)
    formatted = black.format_str(MODEL_GENERATOR_STYLE, mode=MODE)
    assert black.format_str(prepared, mode=MODE) == formatted
    # black changes nothing in its first pass, so it makes no second one.
    assert prepared == formatted
    assert in_black_quotes_and_spacing("def (:\n") == "def (:\n"


def test_preparing_the_models_for_black_changes_no_package_of_the_corpus(
    corpus_out: tuple[Path, dict[str, Result]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The models reach black already in its quotes and spacing (one pass instead of
    two); black given the model generator's own text writes every file the same."""
    _, prepared = corpus_out
    monkeypatch.setattr("generator.models.in_black_quotes_and_spacing", lambda text: text)
    field = {"type": "string", "title": "A"}
    tiny = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}
    tiny["components"] = {"schemas": {"A": {"type": "object", "properties": {"a": field}}}}
    assert "title='A'" in schema_models(tiny, "# h")[0]  # the model generator's own quotes
    for document in DOCUMENTS:
        config = load_config(minimal_config(tmp_path, document))
        plain = generate(config, tmp_path, force=True)
        assert plain.files == prepared[document.name].files, document.name


def test_modules_handed_to_the_worker_and_formatted_alongside_come_back_formatted(
    tmp_path: Path,
) -> None:
    """What the worker formats while this process formats the rest comes back as black
    writes it, is kept in the cache, and is taken from the cache when already there."""
    cache = FormatCache(tmp_path / "cache")
    known = "x   =  'cached'\n"
    cache.put({known: "# from the cache\n"})
    handed_over = {"a.py": "a  =  [1,2]\n", "b.py": known, "notes.txt": "as  is"}
    here = {"c.py": "def f( x ):\n  return x\n", "d.py": known}
    with ProcessPoolExecutor(1, mp_context=get_context("fork")) as pool:
        formatter = Formatter(pool, cache)
        handed = formatter.hand_over(handed_over)
        done = formatter.format_alongside(handed, here)
    assert done == {
        "a.py": black.format_str(handed_over["a.py"], mode=MODE),
        "b.py": "# from the cache\n",
        "notes.txt": "as  is",
        "c.py": black.format_str(here["c.py"], mode=MODE),
        "d.py": "# from the cache\n",
    }
    assert cache.get(handed_over["a.py"]) == done["a.py"]
    assert cache.get(here["c.py"]) == done["c.py"]


class WriterRecordingCache(FormatCache):
    """A cache that notes which process wrote into it."""

    def put(self, formatted: dict[str, str]) -> None:
        super().put(formatted)
        (self.folder / f"written-by-{os.getpid()}").touch()


def test_a_keeper_process_writes_the_cache_and_this_one_does_not(tmp_path: Path) -> None:
    """With a keeper, what was formatted reaches the cache through that process (whose
    pool's shutdown waits for it), not through this one."""
    cache = WriterRecordingCache(tmp_path / "cache")
    sources = {"a.py": "a  =  [1,2]\n", "b.py": "b  =  {1:2}\n"}
    context = get_context("fork")
    with ProcessPoolExecutor(1, mp_context=context) as keeper:
        keeper_pid = keeper.submit(os.getpid).result()
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            done = Formatter(pool, cache, keeper=keeper).format(sources)
    assert done == {path: black.format_str(text, mode=MODE) for path, text in sources.items()}
    assert {cache.get(text) for text in sources.values()} == set(done.values())
    writers = sorted(p.name for p in cache.folder.glob("written-by-*"))
    assert writers == [f"written-by-{keeper_pid}"]
