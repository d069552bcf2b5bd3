"""Stage 6: the sync twin of every ``_async/`` module, by unasync's token rule (a rewrite
of our own, one pass per module over its names and strings: ``pysource.names_and_strings``).

The replacements are mostly derived: every ``AsyncX`` name defined in the package or
in httpx2 becomes ``X``. The rest (``aclose`` → ``close``) belong to the hand-written
code that needs them, so each static folder carries its own table (``unasync.toml``
beside its modules). A table entry that no module uses is an error, and so is any
``async``, ``await``, ``Async[A-Z]`` or table name left in the sync output.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from collections import Counter
from pathlib import Path

from .config import IDENTIFIER, read_config_data
from .config_schema import MapOf, Table
from .problems import fail
from .pysource import Lexeme, declared_all, module_facts, names_and_strings

ASYNC_DIR = "_async/"
SYNC_DIR = "_sync/"
#: The file beside hand-written code that lists the names its sync twin needs.
TABLE_FILE = "unasync.toml"
_TABLE_SCHEMA = Table({"replacements": MapOf(IDENTIFIER)}, required=frozenset({"replacements"}))
_ASYNC_NAME = re.compile(r"^Async([A-Z]\w*)$")
#: The renames every async module needs, whatever its table says (those of the
#: standard library's async protocols).
STANDARD_REPLACEMENTS = {
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
    "asynccontextmanager": "contextmanager",
    "AsyncIterable": "Iterable",
    "AsyncIterator": "Iterator",
    "AsyncGenerator": "Generator",
    "StopAsyncIteration": "StopIteration",
}


def read_table(path: Path) -> dict[str, str]:
    """The ``[replacements]`` of one ``unasync.toml``, checked (a clear error otherwise)."""
    data = read_config_data(path, _TABLE_SCHEMA)
    return dict(data["replacements"])


def folder_tables(folders: list[Path]) -> dict[str, str]:
    """The replacements of every folder that has a table; a name mapped two ways fails."""
    merged: dict[str, str] = {}
    for folder in folders:
        path = folder / TABLE_FILE
        if not path.is_file():
            continue
        for name, replacement in read_table(path).items():
            if merged.get(name, replacement) != replacement:
                raise fail(
                    f"{name!r} is replaced by {merged[name]!r} elsewhere, here by {replacement!r}",
                    source=str(path),
                    pointer=f"/replacements/{name}",
                )
            merged[name] = replacement
    return merged


@functools.lru_cache(maxsize=512)
def _defined_in(source: str) -> frozenset[str]:
    """The ``AsyncX`` names one module defines (classes, functions, assignments)."""
    if "Async" not in source:
        return frozenset()
    return frozenset(name for name in module_facts(source).defined if _ASYNC_NAME.match(name))


def _defined_async_names(sources: dict[str, str]) -> set[str]:
    names: set[str] = set()
    for source in sources.values():
        names |= _defined_in(source)
    return names


def derived_replacements(sources: dict[str, str]) -> dict[str, str]:
    """``AsyncX → X`` for names the package defines and for httpx2's async classes."""
    names = _defined_async_names(sources)
    exported = _public_names(HTTP_LIBRARY)
    names |= {n for n in exported if _ASYNC_NAME.match(n) and n[5:] in exported}
    return {name: name[5:] for name in sorted(names)}


#: The HTTP library the package is built on; its ``AsyncX`` classes have sync twins ``X``.
HTTP_LIBRARY = "httpx2"


@functools.cache
def _public_names(package: str) -> frozenset[str]:
    """The names ``package`` exports: its ``__all__``, read from its source when written
    there as a list (importing the library would cost more than the whole rewrite)."""
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.origin is not None and spec.origin.endswith(".py"):
        with open(spec.origin, encoding="utf-8") as file:
            names = declared_all(file.read())
        if names is not None:
            return frozenset(names)
    module = importlib.import_module(package)
    return frozenset(getattr(module, "__all__", dir(module)))


class _SyncRewrite:
    """The token rewrite that makes a sync module from an async one.

    ``async`` and ``await`` go, with the blank that follows them (``await x`` → ``x``);
    a name, or a string that holds exactly a name (a forward reference such as
    ``"AsyncClient"``), is replaced when ``replacements`` has it. Each replacement used
    is counted, and a name that must not reach sync code (``async``, ``await``,
    ``AsyncX``, a name of ``forbidden``) fails the run with its line.
    """

    def __init__(self, replacements: dict[str, str], forbidden: frozenset[str]) -> None:
        self._replacements = {**STANDARD_REPLACEMENTS, **replacements}
        self._forbidden = forbidden
        self.used: Counter[str] = Counter()

    def _rename(self, name: str) -> str:
        replacement = self._replacements.get(name)
        if replacement is None:
            return name
        self.used[name] += 1
        return replacement

    def convert(self, path: str, source: str) -> str:
        pieces: list[str] = []
        copied = 0  # offset in ``source`` up to which the output is complete
        for kind, start, end in names_and_strings(source):
            text = source[start:end]
            if kind is Lexeme.NAME and text in ("async", "await"):
                pieces.append(source[copied:start])
                copied = end  # the word goes with the blanks after it
                while copied < len(source) and source[copied] in " \t":
                    copied += 1
                continue
            if kind is Lexeme.NAME:
                replacement = self._rename(text)
                self._check(path, replacement, source, start)
            else:  # a string: renamed when it holds exactly a name
                replacement = text[0] + self._rename(text[1:-1]) + text[-1]
            if replacement != text:
                pieces += [source[copied:start], replacement]
                copied = end
        pieces.append(source[copied:])
        return "".join(pieces)

    def _check(self, path: str, name: str, source: str, offset: int) -> None:
        if name in self._forbidden or _ASYNC_NAME.match(name):
            line = source.count("\n", 0, offset) + 1
            raise fail(
                f"{name!r} left in the sync module at line {line}; "
                f"add a replacement to the {TABLE_FILE} beside the code or rename it",
                source=path,
            )


def convert_sources(
    async_files: dict[str, str], context: dict[str, str], configured: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """The sync text of each ``_async/`` module, keyed by its ``_sync/`` path, and the
    configured replacements that none of them used.

    ``context`` holds every module whose ``AsyncX`` definitions derive replacements.
    """
    rewrite = _SyncRewrite({**derived_replacements(context), **configured}, frozenset(configured))
    twins = {
        SYNC_DIR + path[len(ASYNC_DIR) :]: rewrite.convert(SYNC_DIR + path[len(ASYNC_DIR) :], src)
        for path, src in async_files.items()
    }
    return twins, sorted(name for name in configured if not rewrite.used[name])


def make_sync_twins(files: dict[str, str], configured: dict[str, str]) -> dict[str, str]:
    """Return ``files`` plus a ``_sync/`` twin of each ``_async/`` module."""
    async_files = {path: src for path, src in files.items() if path.startswith(ASYNC_DIR)}
    twins, unused = convert_sources(async_files, files, configured)
    if unused:
        raise fail(
            f"sync replacement(s) never used: {', '.join(unused)}; "
            f"remove them from the folder's {TABLE_FILE}"
        )
    return {**files, **twins}
