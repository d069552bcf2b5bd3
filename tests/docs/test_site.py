"""The documentation site's promises that a build alone does not check: every code
block is a file under examples/ (so the test suite runs what the pages show), every
example is shown somewhere, and the reference pages cover every public name of the
package. ``make docs`` builds the site itself, with warnings as errors."""

from __future__ import annotations

import re
from pathlib import Path

import sfapi_client
import sfapi_client.models

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

FENCE = re.compile(r"^\s*(```|~~~)")
SNIPPET = re.compile(r'^\s*--8<-- "([^"]+)"\s*$')
DIRECTIVE = re.compile(r"^::: (\S+)\s*$", re.MULTILINE)


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def code_blocks(page: Path) -> list[list[str]]:
    """The lines inside each fenced code block of a page."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in page.read_text().splitlines():
        if FENCE.match(line):
            if current is None:
                current = []
            else:
                blocks.append(current)
                current = None
        elif current is not None:
            current.append(line)
    assert current is None, f"{page}: a code block is not closed"
    return blocks


def included_files() -> set[Path]:
    """Every file a page includes, resolved as the site's snippet paths are."""
    found = set()
    for page in pages():
        for block in code_blocks(page):
            for line in block:
                match = SNIPPET.match(line)
                if match:
                    name = match.group(1).split(":")[0]
                    found.add(
                        next(base / name for base in (EXAMPLES, ROOT) if (base / name).is_file())
                    )
    return found


def test_every_code_block_is_included_from_a_file() -> None:
    pasted = [
        f"{page.relative_to(ROOT)}: {block[:2]}"
        for page in pages()
        for block in code_blocks(page)
        if not block or not all(SNIPPET.match(line) for line in block if line.strip())
    ]
    assert pasted == [], "code pasted into pages instead of included from examples/"
    assert len(included_files()) >= 20


def test_every_example_is_shown_on_a_page() -> None:
    examples = {
        path for path in EXAMPLES.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    }
    shown = included_files()
    assert examples - shown == set()
    # Besides examples, pages include only the generator's real configuration.
    assert {path.relative_to(ROOT).as_posix() for path in shown - examples} == {"spec/codegen.toml"}


def documented_names() -> set[str]:
    text = "\n".join(page.read_text() for page in (DOCS / "reference").glob("*.md"))
    return set(DIRECTIVE.findall(text))


def test_the_reference_covers_every_public_name() -> None:
    documented = documented_names()
    assert "sfapi_client.models" in documented
    models = set(sfapi_client.models.__all__)
    missing = [
        name
        for name in sfapi_client.__all__
        if f"sfapi_client.{name}" not in documented and name not in models and name != "models"
    ]
    assert missing == []


def test_the_reference_names_only_what_exists() -> None:
    for dotted in documented_names():
        module, _, name = dotted.rpartition(".")
        if module == "sfapi_client":
            assert name in sfapi_client.__all__ or name == "models", dotted
        else:
            assert dotted.startswith("sfapi_client._sync.endpoints."), dotted
            owner = __import__(module, fromlist=[name])
            assert isinstance(getattr(owner, name), type), dotted
