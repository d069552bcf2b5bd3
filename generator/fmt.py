"""Formatting of the generated modules: black's style, written fast and checked by black.

black is the formatter of record: ``python -m generator check`` asks black about every
generated module and fails on any it would change (``black_changes``). A run itself
formats with ``ruff format`` (``format_modules``), which writes black's style and, run
once over all modules, takes a small part of what black takes in-process (see
docs/maintainers/how-it-works.md, "Formatting", for the figures and the choice).

The templates write literals, imports and calls the way black does (the helpers
below), so that most rendered modules are black-stable as they come.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .problems import fail

LINE_LENGTH = 100
#: The Python version the generated code targets, for both formatters.
TARGET = "py311"


def python_literal(value: object) -> str:
    """``repr(value)``, with a string in the double quotes black would give it (a
    string holding a quote keeps ``repr``'s quoting; the formatter settles that one)."""
    text = repr(value)
    if isinstance(value, str) and text.startswith("'") and not {"'", '"'} & set(value):
        return '"' + text[1:-1] + '"'
    return text


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


#: How long one ``ruff format`` over all modules may take before the run fails.
FORMAT_TIMEOUT_S = 120.0


def ruff_binary() -> str:
    """The ``ruff`` executable of the ``ruff`` package installed beside the generator."""
    try:
        from ruff import find_ruff_bin  # type: ignore[import-untyped]
    except ImportError:
        raise fail(
            "the generator formats with ruff, which is not installed; "
            "install the codegen extra: pip install -e '.[codegen]'"
        ) from None
    try:
        return str(find_ruff_bin())
    except FileNotFoundError:
        raise fail(
            "the ruff package is installed without its ruff executable; "
            "reinstall it: pip install --force-reinstall ruff"
        ) from None


def format_modules(modules: dict[str, str]) -> dict[str, str]:
    """``modules`` (path → source) as ``ruff format`` writes them in black's style.

    One ``ruff format`` over all of them: each is written to a scratch folder under a
    plain numbered name (so no path of the package can be taken for an option or be
    excluded by ruff's default patterns), formatted there, and read back. No
    configuration file and no cache of ruff's is read or written. A module that is not
    valid Python is a generator bug, reported with its path.
    """
    if not modules:
        return {}
    paths = list(modules)
    with tempfile.TemporaryDirectory(prefix="sfapi-codegen-format-") as scratch:
        folder = Path(scratch)
        names = [f"m{index}.py" for index in range(len(paths))]
        for name, path in zip(names, paths, strict=True):
            (folder / name).write_text(modules[path], encoding="utf-8", newline="\n")
        command = [ruff_binary(), "format", "--isolated", "--no-cache"]
        command += ["--line-length", str(LINE_LENGTH), "--target-version", TARGET, *names]
        try:
            done = subprocess.run(
                command, cwd=folder, capture_output=True, text=True, timeout=FORMAT_TIMEOUT_S
            )
        except subprocess.TimeoutExpired:
            raise fail(f"ruff format took longer than {FORMAT_TIMEOUT_S:.0f} s") from None
        if done.returncode != 0:
            raise fail(_ruff_error(done.stderr, paths))
        return {
            path: (folder / name).read_text(encoding="utf-8")
            for name, path in zip(names, paths, strict=True)
        }


def _ruff_error(stderr: str, paths: list[str]) -> str:
    """ruff's complaint, with each scratch name (``m3.py``) replaced by its module's path."""
    text = _SCRATCH_NAME.sub(lambda m: paths[int(m.group(1))], stderr.strip())
    return "generated code is not valid Python: " + (
        "; ".join(text.splitlines()[:5]) or "ruff format failed"
    )


#: The name ``format_modules`` gives a module in its scratch folder.
_SCRATCH_NAME = re.compile(r"\bm(\d+)\.py\b")


def black_changes(modules: Iterable[tuple[str, str]]) -> list[str]:
    """The paths of the ``(path, source)`` modules black would change: black is the
    formatter of record, and ``python -m generator check`` fails on any."""
    import black
    from black.mode import TargetVersion

    mode = black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)
    changed = []
    for path, source in modules:
        try:
            if black.format_str(source, mode=mode) != source:
                changed.append(path)
        except black.parsing.InvalidInput:
            changed.append(path)
    return changed
