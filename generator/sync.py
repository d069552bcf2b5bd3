"""Stage 6: the sync twin of every ``_async/`` module, through unasync.

The replacements are mostly derived: every ``AsyncX`` name defined in the package or
in httpx2 becomes ``X``. The rest (``aclose`` → ``close``) belong to the hand-written
code that needs them, so each static folder carries its own table (``unasync.toml``
beside its modules). A table entry that no module uses is an error, and so is any
``async``, ``await``, ``Async[A-Z]`` or table name left in the sync output.
"""

from __future__ import annotations

import ast
import functools
import io
import re
import tokenize
from collections import Counter
from pathlib import Path

import httpx2
import tokenize_rt

from .config import IDENTIFIER, read_config_data
from .config_schema import MapOf, Table
from .problems import fail

ASYNC_DIR = "_async/"
SYNC_DIR = "_sync/"
#: The file beside hand-written code that lists the names its sync twin needs.
TABLE_FILE = "unasync.toml"
_TABLE_SCHEMA = Table({"replacements": MapOf(IDENTIFIER)}, required=frozenset({"replacements"}))
_ASYNC_NAME = re.compile(r"^Async([A-Z]\w*)$")


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
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return frozenset(name for name in names if _ASYNC_NAME.match(name))


def _defined_async_names(sources: dict[str, str]) -> set[str]:
    names: set[str] = set()
    for source in sources.values():
        names |= _defined_in(source)
    return names


def derived_replacements(sources: dict[str, str]) -> dict[str, str]:
    """``AsyncX → X`` for names the package defines and for httpx2's async classes."""
    names = _defined_async_names(sources)
    names |= {n for n in dir(httpx2) if _ASYNC_NAME.match(n) and hasattr(httpx2, n[5:])}
    return {name: name[5:] for name in sorted(names)}


class _CountingRule:
    """unasync's token rule, counting how often each replacement fires."""

    def __init__(self, replacements: dict[str, str]) -> None:
        import unasync  # it imports setuptools: only when there is something to convert

        self._rule = unasync.Rule(ASYNC_DIR, SYNC_DIR, additional_replacements=replacements)
        self._rule._unasync_name = self._rename
        self.used: Counter[str] = Counter()

    def _rename(self, name: str) -> str:
        replacements: dict[str, str] = self._rule.token_replacements
        if name in replacements:
            self.used[name] += 1
            return replacements[name]
        return name

    def convert(self, source: str) -> str:
        tokens = tokenize_rt.src_to_tokens(source)
        return str(tokenize_rt.tokens_to_src(self._rule._unasync_tokens(tokens)))


def convert_sources(
    async_files: dict[str, str], context: dict[str, str], configured: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """The sync text of each ``_async/`` module, keyed by its ``_sync/`` path, and the
    configured replacements that none of them used.

    ``context`` holds every module whose ``AsyncX`` definitions derive replacements.
    """
    rule = _CountingRule({**derived_replacements(context), **configured})
    twins = {
        SYNC_DIR + path[len(ASYNC_DIR) :]: rule.convert(src) for path, src in async_files.items()
    }
    for path, source in sorted(twins.items()):
        _check_no_async_left(path, source, frozenset(configured))
    return twins, sorted(name for name in configured if not rule.used[name])


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


def _check_no_async_left(path: str, source: str, table: frozenset[str]) -> None:
    """Fail on an async keyword, an ``AsyncX`` name or a name of the table in sync code."""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NAME and (
            token.string in ("async", "await")
            or token.string in table
            or _ASYNC_NAME.match(token.string)
        ):
            raise fail(
                f"{token.string!r} left in the sync module at line {token.start[0]}; "
                f"add a replacement to the {TABLE_FILE} beside the code or rename it",
                source=path,
            )
