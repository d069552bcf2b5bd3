"""The fixture API's generated package: golden files, types, names.

The golden files under fixtures/expected/ are the package modules produced from the
fixture spec. After an intended change, refresh them with
``UPDATE_GOLDEN=1 pytest tests/generator/test_fixture_output.py`` and review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tests.generator.conftest import FIXTURES

EXPECTED = FIXTURES / "expected" / "fixture_client"
#: Modules produced from the spec (hand-written runtime copies change on their own).
GOLDEN_PARTS = (
    "models/",
    "_async/endpoints/",
    "_sync/endpoints/",
    "_operations/",
    "_async/api_client.py",
    "_sync/api_client.py",
    "_spec_info.py",
    "_package.py",
)


def _golden_files(package: Path) -> dict[str, str]:
    return {
        path.relative_to(package).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(package.rglob("*.py"))
        if path.relative_to(package).as_posix().startswith(GOLDEN_PARTS)
    }


def test_matches_the_golden_files(fixture_out: Path) -> None:
    produced = _golden_files(fixture_out / "fixture_client")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for relative, text in produced.items():
            target = EXPECTED / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = _golden_files(EXPECTED)
    assert sorted(produced) == sorted(expected)
    for relative, text in produced.items():
        assert text == expected[relative], f"{relative} differs from the golden file"


def test_passes_mypy_strict(fixture_out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "fixture_client"],
        cwd=fixture_out,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_names_and_quirks(fixture_client: ModuleType) -> None:
    models = fixture_client.models
    assert models.ClientModel.__name__ == "ClientModel"  # "Client" is the package's own client
    assert models.UploadBody.__name__ == "UploadBody"  # FastAPI's Body_upload
    assert models.RenameItemResponse  # an inline response object, hoisted
    assert [m.value for m in models.Outcome] == ["OK", "ERROR"] and issubclass(models.Outcome, str)
    assert [m.value for m in models.Priority] == [1, 2, 3]
    row = models.JobRow.model_validate({"jobid": "1", "s:c:t": "*:*:*", "": "", "new_key": "kept"})
    assert row.s_c_t == "*:*:*" and row.blank == "" and row.model_extra == {"new_key": "kept"}
    assert sorted(fixture_client.__all__) == fixture_client.__all__
