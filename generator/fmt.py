"""Stage 7a: format generated Python with black, in-process (black is pinned).

Formatting dominates the run time, so modules are formatted in a worker process while
the main process formats others, and a module black has formatted before is taken from
a cache (``FormatCache``).

Only what depends on the document is formatted. The hand-written static modules are
kept formatted in the repository (``make lint``) and copied verbatim, and their sync
twins are kept black-stable there too: a test runs black over every module of the
package and finds nothing to change. Templates write literals and imports the way black
does, so black leaves their modules as they are in one pass (it makes a second whenever
the first changed something).
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import itertools
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .collector import loading
from .problems import fail
from .pysource import Lexeme, names_and_strings, parse
from .timeline import Timed, stage

if TYPE_CHECKING:
    import black

LINE_LENGTH = 100


def python_literal(value: object) -> str:
    """``repr(value)``, with a string in the double quotes black would give it.

    Templates that write literals the way black does leave black one pass instead of
    two (it formats a second time whenever the first pass changed something). A string
    holding a quote keeps ``repr``'s quoting; black settles that one.
    """
    text = repr(value)
    if isinstance(value, str) and text.startswith("'") and not {"'", '"'} & set(value):
        return '"' + text[1:-1] + '"'
    return text


def in_black_quotes_and_spacing(source: str) -> str:
    """``source`` with what black would change first done already, so that black
    formats it in one pass rather than two (it makes a second whenever the first changed
    something): a plain single-quoted string in double quotes, a blank line after a
    class docstring, one newline at the end.

    Only for speed: black still formats the result, and what this misses it settles
    in its second pass. For code written by another tool (the model generator writes
    single quotes unless it formats the code itself).
    """
    try:
        tree = parse(source)
    except SyntaxError:
        return source  # black reports it, naming the module
    pieces: list[str] = []
    copied = 0
    for kind, start, end in names_and_strings(source):
        text = source[start:end]
        if kind is Lexeme.STRING and "\n" not in text:  # quotes change no line
            pieces += [source[copied:start], _double_quoted(text)]
            copied = end
    pieces.append(source[copied:])
    lines = "".join(pieces).splitlines(keepends=True)
    after_docstrings = sorted(
        node.body[0].end_lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and len(node.body) > 1
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
        and node.body[0].end_lineno is not None
        and node.body[0].end_lineno < len(lines)
        and lines[node.body[0].end_lineno].strip()
    )
    for line in reversed(after_docstrings):
        lines.insert(line, "\n")
    return "".join(lines).rstrip("\n") + "\n"


def _double_quoted(token: str) -> str:
    """A string token in double quotes when black would put it in them: single-quoted,
    holding no quote of either kind (so nothing needs escaping either way)."""
    body = token.lstrip("rRbBuUfF")
    prefix = token[: len(token) - len(body)]
    if not body.startswith("'") or body.startswith("'''"):
        return token
    inner = body[1:-1]
    if "'" in inner or '"' in inner:
        return token
    return f'{prefix}"{inner}"'


def import_from(module: str, names: list[str]) -> str:
    """``from module import names`` on one line, or one name a line as black splits an
    import that does not fit."""
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    return f"from {module} import (\n" + "".join(f"    {name},\n" for name in names) + ")"


def call_statement(indent: int, head: str, arguments: list[str]) -> str:
    """``head(arguments)`` as a statement at ``indent`` spaces, on one line when it fits,
    else split as black splits it: the arguments on a line of their own, or one a line
    with a trailing comma when that line would not fit either."""
    pad = " " * indent
    line = f"{pad}{head}({', '.join(arguments)})"
    if len(line) <= LINE_LENGTH:
        return line
    body = f"{pad}    {', '.join(arguments)}"
    if len(body) <= LINE_LENGTH:
        return f"{pad}{head}(\n{body}\n{pad})"
    return f"{pad}{head}(\n" + "".join(f"{pad}    {a},\n" for a in arguments) + f"{pad})"


def format_python(path: str, source: str) -> str:
    """Black-formatted source; a generator bug (invalid Python) becomes a clear error.

    black is imported here, when first needed, so that starting the generator stays
    fast (a run with unchanged inputs never needs it).
    """
    import black
    from black.parsing import InvalidInput

    try:
        return black.format_str(source, mode=_black_mode())
    except InvalidInput as exc:
        raise fail(f"generated code is not valid Python: {exc}", source=path) from None


@functools.cache
def _black_mode() -> black.Mode:
    """black's settings, one object for every call: black looks its caches up by the
    mode, and an equal but new object costs a comparison at every lookup (a sixth of
    the formatting time, measured)."""
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


def load_black() -> None:
    """Import black now, ahead of the first module to format."""
    with loading():
        import black  # noqa: F401


class FormatCache:
    """Formatted modules kept between runs, one file per module, named by the sha256 of
    black's version, its settings and the text black was given: the same text formats
    the same way, so a run formats only the modules that changed since a previous one.

    The folder is ``$SFAPI_CODEGEN_CACHE`` if set (empty: no cache), else
    ``sfapi-codegen/format`` in the user's cache folder. Entries unused for
    ``MAX_AGE_DAYS`` are removed when a run adds new ones, at most once a day.
    """

    MAX_AGE_DAYS = 30

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @functools.cached_property
    def _identity(self) -> bytes:
        """What the formatted text depends on besides the source (read when first needed:
        a run with unchanged inputs never is)."""
        from importlib.metadata import version

        return f"black {version('black')} py311 {LINE_LENGTH}\0".encode()

    @classmethod
    def default(cls) -> FormatCache | None:
        """The cache the environment asks for, or None when it turns caching off."""
        setting = os.environ.get(CACHE_VARIABLE)
        if setting is not None:
            return cls(Path(setting)) if setting else None
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return cls(Path(base) / "sfapi-codegen" / "format")

    def _entry(self, source: str) -> Path:
        return self.folder / hashlib.sha256(self._identity + source.encode()).hexdigest()

    def get(self, source: str) -> str | None:
        """The formatted text of ``source`` from an earlier run, if kept."""
        entry = self._entry(source)
        try:
            text = entry.read_text(encoding="utf-8")
        except OSError:
            return None
        with contextlib.suppress(OSError):  # marks it used; a read-only cache still serves
            os.utime(entry)
        return text

    def put(self, formatted: dict[str, str]) -> None:
        """Keep formatted texts (unformatted text → formatted); a cache that cannot be
        written is skipped, never an error of the run."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for source, text in formatted.items():
                entry = self._entry(source)
                partial = entry.with_name(f".{entry.name}.{os.getpid()}")
                partial.write_text(text, encoding="utf-8")
                partial.replace(entry)
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        """Remove the entries unused for ``MAX_AGE_DAYS``, at most once a day (a run
        keeps its modules in a few batches): the time of ``PRUNED_MARK`` says when."""
        mark = self.folder / PRUNED_MARK
        now = time.time()
        with contextlib.suppress(OSError):
            if now - mark.stat().st_mtime < 86400:
                return
        mark.touch()
        oldest = now - self.MAX_AGE_DAYS * 86400
        for entry in os.scandir(self.folder):
            if entry.name != PRUNED_MARK and entry.is_file() and entry.stat().st_mtime < oldest:
                os.unlink(entry.path)


#: The file in the cache folder whose time is that of the last pruning.
PRUNED_MARK = ".pruned"

#: The environment variable that moves the format cache (empty: no cache).
CACHE_VARIABLE = "SFAPI_CODEGEN_CACHE"


def format_batch(modules: list[tuple[str, str]]) -> list[str]:
    """``format_python`` over ``(path, source)`` pairs: one task for a worker process."""
    return [format_python(path, source) for path, source in modules]


@dataclass(frozen=True)
class Handed:
    """Modules handed over to the worker: those the cache already had (``done``), and
    the worker's job for the rest (``todo``; None when there is nothing to format)."""

    done: dict[str, str]
    todo: list[tuple[str, str]]
    job: Future[list[str]] | None


class Formatter:
    """Formats modules, about half of them (by length) in a worker process and the rest
    in this one at the same time, taking what it can from the cache.

    ``pool`` is the worker: one process, which has loaded black (``load_black``).
    ``keeper``, when given, is the process that writes what was formatted into the
    cache, off this process's path: one idle by then (writing files is slow on some
    disks). Its pool's shutdown waits for the writing.

    Two batches, not a task per module: each hand-over between processes waits for the
    scheduler, which on a busy machine costs more than formatting a small module.
    """

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        cache: FormatCache | None,
        keeper: ProcessPoolExecutor | None = None,
    ) -> None:
        self._pool = pool
        self._cache = cache
        self._keeper = keeper

    def format(self, sources: dict[str, str]) -> dict[str, str]:
        """``sources`` with every Python module formatted; other files as they are.
        About half (by length) is formatted by the worker. Re-raises the first error (a
        GeneratorError)."""
        done, todo = self._from_cache(sources)
        theirs, mine = _halves(todo)
        return done | self._together(Handed({}, theirs, self._submit(theirs)), mine)

    def hand_over(self, sources: dict[str, str]) -> Handed:
        """Start formatting all of ``sources`` in the worker, so that it works on them
        while this process makes what it formats itself (``format_alongside``)."""
        done, todo = self._from_cache(sources)
        return Handed(done, todo, self._submit(todo))

    def format_alongside(self, handed: Handed, sources: dict[str, str]) -> dict[str, str]:
        """``sources`` formatted in this process, and the modules ``handed`` over to the
        worker, all formatted."""
        done, todo = self._from_cache(sources)
        return done | self._together(handed, todo)

    def _from_cache(self, sources: dict[str, str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """What needs no formatting now (files other than modules, and modules found in
        the cache), and the ``(path, source)`` of the rest."""
        done: dict[str, str] = {}
        todo: list[tuple[str, str]] = []
        for path, text in sources.items():
            cached = self._cache.get(text) if self._cache and path.endswith(".py") else None
            if not path.endswith(".py") or cached is not None:
                done[path] = text if cached is None else cached
            else:
                todo.append((path, text))
        return done, todo

    def _submit(self, modules: list[tuple[str, str]]) -> Future[list[str]] | None:
        return self._pool.submit(Timed("format", format_batch), modules) if modules else None

    def _together(self, handed: Handed, mine: list[tuple[str, str]]) -> dict[str, str]:
        """``mine`` formatted here while the worker formats what was handed over; both
        kept in the cache, and everything handed over included in the result."""
        with stage("format"):
            fresh = dict(zip((text for _, text in mine), format_batch(mine), strict=True))
        if handed.job is not None:
            with stage("wait: format"):
                formatted = handed.job.result()
            fresh.update(zip((text for _, text in handed.todo), formatted, strict=True))
        if self._cache is not None and fresh:
            if self._keeper is None:
                self._cache.put(fresh)
            else:
                self._keeper.submit(Timed("keep in the cache", self._cache.put), fresh)
        return handed.done | {path: fresh[text] for path, text in [*handed.todo, *mine]}

    def format_cutting(self, sources: dict[str, str], large: set[str]) -> dict[str, str]:
        """``format``, with each module of ``large`` cut in two between classes (see
        ``halves_between_classes``) and put back together, so that the two processes
        share one large module as they share many small ones."""
        pieces: dict[str, str] = {}
        cut: dict[str, tuple[str, str]] = {}
        for path, source in sources.items():
            halves = halves_between_classes(source) if path in large else None
            if halves is None:
                pieces[path] = source
                continue
            first, second = (f"{path.removesuffix('.py')}.{part}.py" for part in (1, 2))
            pieces.update({first: halves[0], second: halves[1]})
            cut[path] = (first, second)
        done = self.format(pieces)
        for path, (first, second) in cut.items():
            done[path] = done.pop(first) + "\n\n" + done.pop(second)
        return done


def halves_between_classes(source: str) -> tuple[str, str] | None:
    """``source`` cut in two, about in the middle, between two top-level classes with
    nothing but blank lines between them; None when there is no such place.

    black formats the halves alike apart or together: a top-level class is formatted on
    its own, and black puts two blank lines between top-level classes whatever stood
    there, so ``format(first) + "\n\n" + format(second) == format(source)``. The blank
    lines at the cut belong to neither half: black would remove them from either end,
    and a module black changes costs it a second pass.
    """
    try:
        body = parse(source).body
    except SyntaxError:  # black reports it, naming the module
        return None
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    places = [
        (before.end_lineno, after.lineno - 1)
        for before, after in itertools.pairwise(body)
        if isinstance(before, ast.ClassDef)
        and isinstance(after, ast.ClassDef)
        and not after.decorator_list
        and before.end_lineno is not None
        and not "".join(lines[before.end_lineno : after.lineno - 1]).strip()
    ]
    if not places:
        return None
    end, start = min(places, key=lambda place: abs(offsets[place[1]] - len(source) / 2))
    return "".join(lines[:end]), "".join(lines[start:])


def _halves(modules: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Two batches of about equal length: the longest module first into the shorter one."""
    batches: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])
    lengths = [0, 0]
    for module in sorted(modules, key=lambda item: -len(item[1])):
        shorter = lengths.index(min(lengths))
        batches[shorter].append(module)
        lengths[shorter] += len(module[1])
    return batches
