"""Writing the package: the new tree replaces the old one whole, and a file whose bytes
are unchanged is the old file linked into the new tree, never a file that anything
outside the package can reach or that was edited by hand."""

from __future__ import annotations

import os
from pathlib import Path

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


def test_unchanged_files_are_the_old_files_and_changed_ones_are_new(tmp_path: Path) -> None:
    package = _package(tmp_path)
    before = {name: (package / name).stat().st_ino for name in FILES}
    changed = FILES | {"models/b.py": "B = 3\n", "models/c.py": "C = 4\n"}
    del changed["__init__.py"]
    write_package(package, changed, "{}\n")
    assert read_tree(package) == changed | {PROVENANCE: "{}\n"}
    assert (package / "models/a.py").stat().st_ino == before["models/a.py"]
    assert (package / "models/b.py").stat().st_ino != before["models/b.py"]
    assert (package / "models/a.py").stat().st_nlink == 1  # the old tree is gone
    assert sorted(p.name for p in package.parent.iterdir()) == ["pkg"]


def test_a_hand_edited_file_is_written_again(tmp_path: Path) -> None:
    package = _package(tmp_path)
    (package / "models/a.py").write_text("A = 'edited'\n")
    write_package(package, FILES, "{}\n")
    assert (package / "models/a.py").read_text() == "A = 1\n"


def test_a_file_reachable_from_outside_the_package_is_not_reused(tmp_path: Path) -> None:
    """A symlink to a file outside, or a file hard-linked from outside, holding the
    right bytes: the new tree gets a file of its own, and the outside file is left as
    it was."""
    package = _package(tmp_path)
    outside = tmp_path / "outside.py"
    outside.write_text("A = 1\n")
    (package / "models/a.py").unlink()
    (package / "models/a.py").symlink_to(outside)
    shared = tmp_path / "shared.py"
    os.link(package / "models/b.py", shared)
    write_package(package, FILES, "{}\n")
    for name, elsewhere in (("models/a.py", outside), ("models/b.py", shared)):
        written = package / name
        assert not written.is_symlink() and written.read_text() == FILES[name]
        assert written.stat().st_ino != elsewhere.stat().st_ino
        assert elsewhere.stat().st_nlink == 1 and elsewhere.read_text() == FILES[name]
