"""``python -m generator release`` in a temporary clone, against variants served over HTTP.

Each variant of the committed document (``variants.py``) is served on 127.0.0.1; the
release command runs in one clone of the repository (reset between variants) with the
clone's generator, and must give the expected API-diff lines, version, changelog entry
and a tree that ``python -m generator check`` (``make check-generated``) accepts.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from tests.release.repository import ROOT, Clone, Run, clone_working_tree
from tests.release.served import serving
from tests.release.variants import DRIFTING, EQUIVALENT, sanity_check, served_variants

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
MAJOR, MINOR, PATCH = (int(part) for part in VERSION.split("."))
NEXT_MINOR = f"{MAJOR}.{MINOR + 1}.0"
NEXT_PATCH = f"{MAJOR}.{MINOR}.{PATCH + 1}"
#: Breaking changes raise the major number, or the minor one while it is 0.
NEXT_BREAKING = NEXT_MINOR if MAJOR == 0 else f"{MAJOR + 1}.0.0"
#: The variant whose pull request body the maintainers' release page shows, from this file.
SHOWN_VARIANT = "optional-parameter"
SHOWN_BODY = ROOT / "examples" / "maintainers" / "release_body.md"
#: The served variants' base URL as the page shows it (the tests take a free port).
SHOWN_BASE = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class Expected:
    code: int
    version: str
    #: Lines of the pull request body, each under the heading before it.
    body: tuple[str, ...]
    #: Lines of the changelog entry, in this order.
    changelog: tuple[str, ...]


EXPECTED = {
    "optional-parameter": Expected(
        1,
        NEXT_MINOR,
        ("### Added", "- `compute.read_jobs` gains optional parameter `account`"),
        ("### Added", "- `compute.read_jobs` gains optional parameter `account`."),
    ),
    "removed-field": Expected(
        2,
        NEXT_BREAKING,
        (
            "### Breaking changes",
            "- `UserInfo.workphone` removed",
            f"- clients of {VERSION} against the live API: schema `UserInfo`: "
            "field removed: workphone",
        ),
        ("### Removed", "- **Breaking:** `UserInfo.workphone` removed."),
    ),
    "response-enum-value": Expected(
        2,
        NEXT_BREAKING,
        (
            "### Breaking changes",
            f"- clients of {VERSION} against the live API: schema "
            "`app__routers__storage__models__Status`: enum value added: DEGRADED",
            "### Added",
            "- enum `StorageStatus` gains `DEGRADED`",
        ),
        ("### Added", "- enum `StorageStatus` gains `DEGRADED`.", "### Changed"),
    ),
    "docs-only": Expected(
        1,
        NEXT_PATCH,
        ("### Changed", "- `status.read_status` documentation changed"),
        ("### Changed", "- `status.read_status` documentation changed."),
    ),
    "renamed-operation": Expected(
        2,
        NEXT_BREAKING,
        ("### Breaking changes", "- `compute.read_jobs` renamed to `compute.list_jobs`"),
        ("### Changed", "- **Breaking:** `compute.read_jobs` renamed to `compute.list_jobs`."),
    ),
}
#: What a release may change in the repository.
RELEASE_FILES = {"spec/openapi.json", "pyproject.toml", "CHANGELOG.md"}
KEPT_FILES = ("pyproject.toml", "CHANGELOG.md", "generated/sfapi_client/__init__.py")


@dataclass(frozen=True)
class Released:
    run: Run
    body_file: str
    changed: set[str]
    check: Run
    #: Files of the clone right after the release, by path.
    files: dict[str, str]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    sanity_check()
    with serving(served_variants()) as url:
        yield url


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Clone:
    return clone_working_tree(tmp_path_factory.mktemp("release") / "repository")


@pytest.fixture(scope="module")
def release(
    clone: Clone, server: str, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], Released]:
    """Runs the release of one variant once, checks the tree, and keeps the outcome."""
    done: dict[str, Released] = {}
    bodies = tmp_path_factory.mktemp("bodies")

    def released(variant: str) -> Released:
        if variant not in done:
            clone.reset()
            body = bodies / f"{variant}.md"
            run = clone.generator(
                "release", "--against", f"{server}/{variant}", "--body-file", str(body)
            )
            changed = {line[3:] for line in clone.status().splitlines()}
            # An unchanged tree is the committed one, which `make test` checks already.
            check = clone.generator("check") if changed else Run(0, "", "")
            files = {path: clone.read(path) for path in KEPT_FILES}
            body_text = body.read_text() if body.exists() else ""
            done[variant] = Released(run, body_text, changed, check, files)
        return done[variant]

    return released


@pytest.mark.parametrize("variant", sorted(EXPECTED))
def test_release_of_a_drifted_document(release: Callable[[str], Released], variant: str) -> None:
    expected = EXPECTED[variant]
    outcome = release(variant)
    run = outcome.run
    assert run.code == expected.code, run.err
    body = run.out
    assert body == outcome.body_file
    assert body.startswith(f"## sfapi_client {VERSION} → {expected.version}\n")
    _in_order(body, expected.body)
    assert "<details>\n<summary>Drift report: 1 change(s)" in body
    pyproject = tomllib.loads(outcome.files["pyproject.toml"])
    assert pyproject["project"]["version"] == expected.version
    assert (
        f'__version__ = "{expected.version}"' in outcome.files["generated/sfapi_client/__init__.py"]
    )
    changelog = outcome.files["CHANGELOG.md"]
    heading = f"## [{expected.version}] - {dt.date.today().isoformat()}"
    assert changelog.index("## [Unreleased]") < changelog.index(heading)
    entry = changelog[changelog.index(heading) :]
    _in_order(entry, expected.changelog)
    assert outcome.changed >= RELEASE_FILES
    assert all(path in RELEASE_FILES or path.startswith("generated/") for path in outcome.changed)
    assert outcome.check.code == 0, outcome.check.out
    assert "matches its inputs" in outcome.check.out


@pytest.mark.parametrize("variant", sorted(EQUIVALENT))
def test_a_re_encoded_document_changes_nothing(
    release: Callable[[str], Released], variant: str
) -> None:
    outcome = release(variant)
    assert outcome.run.code == 0, outcome.run.err
    assert "nothing changed" in outcome.run.err
    assert outcome.run.out == "" and outcome.body_file == ""
    assert outcome.changed == set()  # the committed tree, as `make check-generated` found it


def test_a_tree_with_uncommitted_changes_is_refused(clone: Clone, server: str) -> None:
    clone.reset()
    (clone.path / "notes.txt").write_text("work in progress\n")
    readme = clone.path / "README.md"
    readme.write_text(readme.read_text() + "\nan edit\n")
    run = clone.generator("release", "--against", f"{server}/optional-parameter")
    assert run.code == 4
    assert "uncommitted changes" in run.err and "notes.txt" in run.err and "README.md" in run.err
    assert run.out == ""
    assert {line[3:] for line in clone.status().splitlines()} == {"notes.txt", "README.md"}
    clone.reset()


def test_a_document_that_cannot_be_fetched_changes_nothing(clone: Clone, server: str) -> None:
    clone.reset()
    run = clone.generator("release", "--against", f"{server}/no-such-document", "--timeout", "5")
    assert run.code == 3
    assert "HTTP 404" in run.err
    assert clone.status() == ""


def _in_order(text: str, lines: tuple[str, ...]) -> None:
    """Each of ``lines`` is a whole line of ``text``, after the one before it."""
    position = 0
    for line in lines:
        found = re.compile(rf"^{re.escape(line)}$", re.MULTILINE).search(text, position)
        assert found is not None, f"{line!r} not found (in order) in:\n{text}"
        position = found.end()


def test_the_site_shows_a_real_pull_request_body(
    release: Callable[[str], Released], server: str
) -> None:
    body = release(SHOWN_VARIANT).run.out.replace(server, SHOWN_BASE)
    if os.environ.get("UPDATE_SHOWN_BODY") == "1":
        SHOWN_BODY.write_text(body)
        return
    assert SHOWN_BODY.read_text() == body, (
        f"{SHOWN_BODY.relative_to(ROOT)} is not what the release command writes; "
        "refresh it with UPDATE_SHOWN_BODY=1 pytest tests/release -k shows"
    )


def test_every_variant_is_tested() -> None:
    assert set(EXPECTED) == set(DRIFTING)
