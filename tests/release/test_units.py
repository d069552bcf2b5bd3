"""The pieces of a release on their own: versions, pyproject edits, changelog entries,
the API diff of two documents, and ``__version__`` in the generated package."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from generator.assemble import intermediate
from generator.config import load_config
from generator.drift.model import DriftResult
from generator.problems import GeneratorError
from generator.release.api_diff import ApiChange, Verdict, diff_surfaces
from generator.release.changelog import HEADER, unreleased, with_entry, write_entry
from generator.release.proposal import Proposal
from generator.release.surface import surface_of
from generator.release.version import Bump, NextVersion, next_version, with_version

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(ROOT / "spec" / "codegen.toml")
SPEC = json.loads((ROOT / "spec" / "openapi.json").read_text())


@pytest.mark.parametrize(
    ("previous", "bump", "expected"),
    [
        ("0.1.0", Bump.MAJOR, "0.2.0"),
        ("0.1.7", Bump.MINOR, "0.2.0"),
        ("0.1.7", Bump.PATCH, "0.1.8"),
        ("1.4.2", Bump.MAJOR, "2.0.0"),
        ("1.4.2", Bump.MINOR, "1.5.0"),
        ("1.4.2", Bump.PATCH, "1.4.3"),
    ],
)
def test_next_version(previous: str, bump: Bump, expected: str) -> None:
    assert next_version(previous, bump).version == expected


@pytest.mark.parametrize("previous", ["1.4", "01.2.3", "1.2.3rc1", ""])
def test_a_version_that_is_not_major_minor_patch_is_refused(previous: str) -> None:
    with pytest.raises(GeneratorError, match=r"is not MAJOR\.MINOR\.PATCH"):
        next_version(previous, Bump.MINOR)


def test_only_the_project_version_line_changes() -> None:
    text = '[tool.x]\nversion = "9"\n\n[project]\nname = "p"\nversion = "0.1.0"  \n# note\n'
    assert with_version(text, "0.2.0", "pyproject.toml") == text.replace(
        'version = "0.1.0"  ', 'version = "0.2.0"'
    )
    with pytest.raises(GeneratorError, match=r"has no \[project\] line"):
        with_version('[project]\nname = "p"\n', "0.2.0", "pyproject.toml")


def test_changelog_entries_go_below_unreleased_newest_first() -> None:
    first = with_entry(None, "## [0.2.0] - 2026-01-01\n\n### Added\n\n- a.\n")
    assert first.startswith(HEADER)
    second = with_entry(first, "## [0.3.0] - 2026-02-01\n\n### Removed\n\n- c.\n")
    assert second.index("## [Unreleased]") < second.index("## [0.3.0]") < second.index("## [0.2.0]")
    with pytest.raises(GeneratorError, match="Unreleased"):
        with_entry("# Changelog\n", "## [0.2.0] - 2026-01-01\n")


PENDING = """## [Unreleased]

A note on the whole release.

### Fixed

- A bug, told over
  two lines.

### Added

- `thing`, by hand.

## [0.1.0] - 2026-01-01

### Added

- The first release.
"""


def _proposal() -> Proposal:
    added = ApiChange(Verdict.FEATURE, "Added", "`compute.read_jobs` gains optional parameter `x`")
    return Proposal(
        package="sfapi_client",
        live="live.json",
        committed="spec/openapi.json",
        drift=DriftResult(),
        api_changes=(added,),
        version=NextVersion("0.1.0", "0.2.0", Bump.MINOR, "a feature"),
        api_versions=("1.2", "1.2"),
    )


def test_a_release_takes_in_what_unreleased_held(tmp_path: Path) -> None:
    """Keep a Changelog: at a release the [Unreleased] items move into its entry, merged
    section by section (sections in the format's order), and [Unreleased] is left empty."""
    path = tmp_path / "CHANGELOG.md"
    path.write_text(HEADER.replace("## [Unreleased]\n", PENDING), encoding="utf-8")
    write_entry(path, _proposal(), dt.date(2026, 2, 1))
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HEADER.removesuffix("\n") + "\n\n## [0.2.0] - 2026-02-01\n")
    released = text[text.index("## [0.2.0]") : text.index("## [0.1.0]")]
    assert unreleased(text).strip() == ""
    assert released.split("\n\n")[1:] == [
        "Regenerated from the live OpenAPI document (API version 1.2): 0 change(s) in the "
        "document, 0 breaking for clients of 0.1.0.",
        "A note on the whole release.",
        "### Added",
        "- `compute.read_jobs` gains optional parameter `x`.\n- `thing`, by hand.",
        "### Fixed",
        "- A bug, told over\n  two lines.",
        "",
    ]
    assert text.endswith("### Added\n\n- The first release.\n")


def _diff_lines(change: object) -> list[tuple[Verdict, str]]:
    document = copy.deepcopy(SPEC)
    change(document)  # type: ignore[operator]
    old = surface_of(*intermediate(CONFIG, SPEC))
    new = surface_of(*intermediate(CONFIG, document))
    return [(c.verdict, c.text) for c in diff_surfaces(old, new)]


def test_api_diff_in_the_users_terms() -> None:
    def change(doc: dict[str, object]) -> None:
        schemas = doc["components"]["schemas"]  # type: ignore[index]
        schemas["Task"]["properties"]["id"]["type"] = "integer"  # type: ignore[index]
        schemas["Task"]["required"].remove("result")  # type: ignore[index]
        schemas["TaskStatus"]["enum"].remove("completed")  # type: ignore[index]
        del doc["paths"]["/tasks/{id}"]["delete"]  # type: ignore[index]
        get_jobs = doc["paths"]["/compute/jobs/{machine}"]["get"]  # type: ignore[index]
        get_jobs["parameters"][1]["required"] = True
        get_jobs["security"] = []

    lines = _diff_lines(change)
    assert (Verdict.BREAKING, "`tasks.cancel_task` removed") in lines
    assert (Verdict.BREAKING, "`compute.read_jobs` parameter `index` is now required") in lines
    assert (Verdict.FEATURE, "`compute.read_jobs` no longer needs credentials") in lines
    assert (Verdict.BREAKING, "`Task.id` type changed: `str` → `int`") in lines
    assert (Verdict.BREAKING, "`Task.result` is now optional (it may be missing)") in lines
    assert (Verdict.BREAKING, "enum `TaskStatus` loses `completed`") in lines


def test_the_same_document_has_no_api_diff() -> None:
    assert _diff_lines(lambda doc: None) == []


def test_the_package_carries_the_distributions_version() -> None:
    import sfapi_client

    assert sfapi_client.__version__ == CONFIG.version
    assert CONFIG.version_file is not None
    assert CONFIG.version_file.resolve() == ROOT / "pyproject.toml"


def test_a_version_file_that_cannot_be_read_is_a_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "codegen.toml"
    config.write_text('[package]\nname = "p"\nversion_file = "missing.toml"\n')
    with pytest.raises(GeneratorError, match="cannot read the version file"):
        load_config(config)
    (tmp_path / "missing.toml").write_text('[project]\nname = "p"\n')
    with pytest.raises(GeneratorError, match=r"has no \[project\] version string"):
        load_config(config)


def test_a_version_that_cannot_be_raised_is_refused_before_fetching(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.__main__ import main

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "p"\nversion = "1.2"\n')
    config = tmp_path / "codegen.toml"
    config.write_text('[package]\nname = "p"\nversion_file = "pyproject.toml"\n')
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@localhost"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "inputs"]):
        subprocess.run([*git, *args], check=True, timeout=30)
    unreachable = "http://127.0.0.1:9/openapi.json"  # never asked: the run stops first
    assert main(["release", "--config", str(config), "--against", unreachable]) == 4
    assert "version '1.2' is not MAJOR.MINOR.PATCH" in capsys.readouterr().err
