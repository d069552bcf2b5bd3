"""Stage 7b: write the package atomically, with a provenance file.

The new tree is written beside the old one and swapped in only when complete, so a
failed run leaves the previous package untouched. ``PROVENANCE.json`` records the
sha256 of every input and output; when nothing changed, a run writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

PROVENANCE = "PROVENANCE.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def provenance_text(generator_version: str, inputs: dict[str, str], files: dict[str, str]) -> str:
    """The provenance document: inputs' and outputs' hashes, sorted, no timestamp."""
    document = {
        "generator": generator_version,
        "inputs": dict(sorted(inputs.items())),
        "files": {path: sha256(text.encode()) for path, text in sorted(files.items())},
    }
    return json.dumps(document, indent=2) + "\n"


def is_up_to_date(package_dir: Path, generator_version: str, inputs: dict[str, str]) -> bool:
    """True when the package on disk was made from exactly these inputs and is intact."""
    try:
        recorded = json.loads((package_dir / PROVENANCE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if recorded.get("generator") != generator_version or recorded.get("inputs") != dict(
        sorted(inputs.items())
    ):
        return False
    expected: dict[str, str] = recorded.get("files", {})
    on_disk = {
        p.relative_to(package_dir).as_posix()
        for p in package_dir.rglob("*")
        if p.is_file() and p.name != PROVENANCE and "__pycache__" not in p.parts
    }
    if on_disk != set(expected):
        return False
    return all(
        sha256((package_dir / path).read_bytes()) == digest for path, digest in expected.items()
    )


def write_package(package_dir: Path, files: dict[str, str], provenance: str) -> None:
    """Replace ``package_dir`` with exactly ``files`` (stale files disappear)."""
    package_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{package_dir.name}.new-", dir=package_dir.parent))
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode())
        (staging / PROVENANCE).write_text(provenance, encoding="utf-8")
        old = None
        if package_dir.exists():
            old = package_dir.with_name(f".{package_dir.name}.old")
            if old.exists():
                shutil.rmtree(old)
            package_dir.rename(old)
        staging.rename(package_dir)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def read_tree(package_dir: Path) -> dict[str, str]:
    """Every file of a package as text, keyed by relative path (no caches)."""
    return {
        p.relative_to(package_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(package_dir.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }
