"""Writing the package: the new tree replaces the old one whole, every file written
anew, and nothing outside the package is touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.output import PROVENANCE, read_tree, write_package

FILES = {
    "__init__.py": '"""A package."""\n',
    "models/a.py": "A = 1\n",
    "models/b.py": "B = 2\n",
}


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "out" / "pkg"
    write_package(package, FILES, "{}\n")
    return package


def test_the_new_tree_replaces_the_old_one_whole(tmp_path: Path) -> None:
    package = _package(tmp_path)
    changed = FILES | {"models/b.py": "B = 3\n", "models/c.py": "C = 4\n"}
    del changed["__init__.py"]
    write_package(package, changed, "{}\n")
    assert read_tree(package) == changed | {PROVENANCE: "{}\n"}
    assert sorted(p.name for p in package.parent.iterdir()) == ["pkg"]  # no staging left


def test_a_hand_edited_file_is_written_again(tmp_path: Path) -> None:
    package = _package(tmp_path)
    (package / "models/a.py").write_text("A = 'edited'\n")
    write_package(package, FILES, "{}\n")
    assert (package / "models/a.py").read_text() == "A = 1\n"


def test_files_reachable_from_outside_the_package_are_left_alone(tmp_path: Path) -> None:
    """A symlink to a file outside, or a file hard-linked from outside: the new tree
    gets files of its own, and the outside files keep their bytes."""
    package = _package(tmp_path)
    outside = tmp_path / "outside.py"
    outside.write_text("A = 'outside'\n")
    (package / "models/a.py").unlink()
    (package / "models/a.py").symlink_to(outside)
    shared = tmp_path / "shared.py"
    os.link(package / "models/b.py", shared)
    write_package(package, FILES, "{}\n")
    for name in ("models/a.py", "models/b.py"):
        written = package / name
        assert not written.is_symlink() and written.read_text() == FILES[name]
    assert outside.read_text() == "A = 'outside'\n"
    assert shared.read_text() == FILES["models/b.py"] and shared.stat().st_nlink == 1


def test_a_failed_write_leaves_the_previous_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _package(tmp_path)

    def full_disk(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError):
        write_package(package, FILES | {"models/c.py": "C = 4\n"}, "{}\n")
    monkeypatch.undo()
    assert read_tree(package) == FILES | {PROVENANCE: "{}\n"}
    assert sorted(p.name for p in package.parent.iterdir()) == ["pkg"]
