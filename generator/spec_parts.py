"""The other files of a document split over several, as inputs of a run.

A run with unchanged inputs writes nothing, so every file the document was read from
must count. Which files those are is known only once the document is read; a run
first hashes the files its previous run read (listed in the package's provenance) and,
after reading, the ones it read. A changed list means a changed file that refers to
them, so the first check is enough to tell that nothing changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .output import PROVENANCE, sha256

#: The prefix of their names among a run's inputs.
PREFIX = "spec_part:"


def recorded_parts(package_dir: Path) -> list[str]:
    """The files (relative to the document's folder) the last run read, from its provenance."""
    try:
        inputs = json.loads((package_dir / PROVENANCE).read_text(encoding="utf-8"))["inputs"]
        return [name[len(PREFIX) :] for name in inputs if name.startswith(PREFIX)]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def part_hashes(spec: Path, parts: Iterable[Path | str]) -> dict[str, str]:
    """Input names and hashes of ``parts`` (absolute, or relative to the document's
    folder); a file that cannot be read is "missing", so that the run goes on and the
    reading reports it."""
    folder = spec.resolve().parent
    hashes: dict[str, str] = {}
    for part in parts:
        path = folder / part
        relative = path.resolve().relative_to(folder).as_posix()
        try:
            hashes[PREFIX + relative] = sha256(path.read_bytes())
        except OSError:
            hashes[PREFIX + relative] = "missing"
    return hashes


def with_parts(inputs: dict[str, str], spec: Path, parts: Iterable[Path | str]) -> dict[str, str]:
    """``inputs`` with exactly ``parts`` as the document's other files."""
    kept = {name: digest for name, digest in inputs.items() if not name.startswith(PREFIX)}
    return {**kept, **part_hashes(spec, parts)}
