"""Sync twins of async test modules: ``tests/**/_async/test_x.py`` → ``tests/**/_sync/``.

Test data under a ``fixtures`` folder (golden output, for instance) is left alone.

Tests of the async API are written once; the sync tests are derived with the same
renaming as the package, so both twins are always tested alike.
"""

from __future__ import annotations

from pathlib import Path

from .fmt import format_modules
from .output import read_tree
from .sync import ASYNC_DIR, SYNC_DIR, convert_sources

HEADER = (
    "# Generated from {origin} by `python -m generator unasync` (make codegen). "
    "Do not edit: change the _async test and regenerate.\n"
)


def test_twins(tests_root: Path, package_dir: Path, configured: dict[str, str]) -> dict[Path, str]:
    """The sync twin of every async test module under ``tests_root``, by target path,
    formatted."""
    sources = {
        path: path.read_text(encoding="utf-8")
        for path in sorted(tests_root.rglob(f"{ASYNC_DIR}test_*.py"))
        if not {"__pycache__", "fixtures"} & set(path.parts)
    }
    if not sources:
        return {}
    package = {k: v for k, v in read_tree(package_dir).items() if k.endswith(".py")}
    keyed = {f"{ASYNC_DIR}test_module_{i}.py": text for i, text in enumerate(sources.values())}
    converted, _ = convert_sources(keyed, {**package, **keyed}, configured)
    unformatted: dict[str, str] = {}
    for (path, _), text in zip(sources.items(), converted.values(), strict=True):
        relative = path.relative_to(tests_root.parent).as_posix()
        target = path.parent.with_name(SYNC_DIR.rstrip("/")) / path.name
        unformatted[str(target)] = HEADER.format(origin=relative) + text
    return {Path(path): text for path, text in format_modules(unformatted).items()}


def write_twins(twins: dict[Path, str]) -> list[Path]:
    """Write the twins that changed; return them."""
    changed = []
    for path, text in twins.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
