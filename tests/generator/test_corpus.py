"""The generator on OpenAPI documents written by others (``corpus/``, sources and
licences noted beside them), each with the smallest configuration a user would write:
a package name and the document. Every package generates, imports, and passes
``mypy --strict`` with both twins. Documents with errors (``invalid/``) end with exit
code 2 and one line per error naming the file, the JSON pointer and the rule."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.__main__ import main
from generator.pipeline import Result
from tests.generator.conftest import DOCUMENTS

HERE = Path(__file__).parent
INVALID = HERE / "invalid"


def test_the_corpus_is_varied() -> None:
    """At least a dozen documents: JSON and YAML, 3.0 and 3.1, small and large."""
    texts = {p: p.read_text(encoding="utf-8") for p in DOCUMENTS}
    assert len(DOCUMENTS) >= 12
    assert {p.suffix for p in DOCUMENTS} >= {".json", ".yaml"}
    versions = {v for v in ("3.0.", "3.1.") for t in texts.values() if v in t.split("info")[0]}
    assert versions == {"3.0.", "3.1."}
    sizes = sorted(len(t) for t in texts.values())
    assert sizes[0] < 2_000 and sizes[-1] > 50_000
    for folder in {p.parent for p in DOCUMENTS}:
        assert (folder / "LICENSE").is_file() and (folder / "SOURCE.md").is_file()
        listed = (folder / "SOURCE.md").read_text(encoding="utf-8")
        assert all(f"`{p.name}`" in listed for p in DOCUMENTS if p.parent == folder)


def _tags(package_dir: Path) -> list[str]:
    endpoints = package_dir / "_async" / "endpoints"
    return sorted(p.stem for p in endpoints.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_each_document_generates_and_imports(
    document: Path,
    corpus_out: tuple[Path, dict[str, Result]],
    corpus_package: Callable[[str], ModuleType],
) -> None:
    result = corpus_out[1][document.name]
    assert result.written
    package = corpus_package(document.name)
    with package.ApiClient("http://127.0.0.1:9/") as client:
        assert all(getattr(client, tag) is not None for tag in _tags(result.package_dir))
    client = package.AsyncApiClient("http://127.0.0.1:9/")
    assert all(getattr(client, tag) is not None for tag in _tags(result.package_dir))
    asyncio.run(client.aclose())


def _mypy_strict(folder: Path, packages: list[str]) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on packages in ``folder``, in one run and without a cache."""
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    return subprocess.run(
        [*mypy, "--cache-dir", "/dev/null", *packages],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_every_package_passes_mypy_strict(corpus_out: tuple[Path, dict[str, Result]]) -> None:
    """One mypy run over every package, both twins."""
    out, results = corpus_out
    run = _mypy_strict(out, sorted(r.package_dir.name for r in results.values()))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Success: no issues found" in run.stdout


def test_the_live_fastapi_package_passes_mypy_strict(live_api: tuple[ModuleType, str]) -> None:
    package, _ = live_api
    package_dir = Path(package.__file__).parent
    run = _mypy_strict(package_dir.parent, [package_dir.name])
    assert run.returncode == 0, run.stdout + run.stderr


def test_live_fastapi_constraints_hold_in_the_models(live_api: tuple[ModuleType, str]) -> None:
    """``pattern``, ``max_length``, ``ge`` become Field arguments that pydantic enforces."""
    package, _ = live_api
    with pytest.raises(ValueError, match="String should match pattern"):
        package.models.NewWidget(code="lowercase-1")
    with pytest.raises(ValueError, match="less than or equal to 1000"):
        package.models.NewWidget(code="ABC-1", count=1001)


def test_clashes_are_resolved_with_warnings(corpus_out: tuple[Path, dict[str, Result]]) -> None:
    """Names that meet are renamed without any configuration, each with a warning."""
    warnings = [str(w) for w in corpus_out[1]["baseline_openapi_3.0.json"].warnings]
    assert (
        "warning: #/paths/~1same-name-multiple-locations~1{param}/get: "
        "header parameter 'param' is named 'param_header': 'param' is taken"
    ) in warnings
    assert any("'mixedCase' is named 'mixed_case_query_2'" in w for w in warnings)


#: Each invalid document and the lines it must end with (the file's path left out).
INVALID_DOCUMENTS = {
    "openapi-python-client/bad-status-code.yaml": [
        "#/paths/~1/get/responses/abcdef: response status 'abcdef' is not a code (200), "
        "a range (2XX) or 'default'"
    ],
    "openapi-python-client/circular-body-ref.yaml": [
        "#/paths/~1/post/requestBody/$ref: circular $ref: #/components/requestBodies/body "
        "→ #/components/requestBodies/body"
    ],
    "openapi-python-client/invalid-uuid-defaults.yaml": [
        "#/paths/~1/put/parameters/0/schema/default: invalid default '3': not a valid uuid",
        "#/paths/~1/post/parameters/0/schema/default: invalid default 'notauuid': not a valid uuid",
    ],
    "openapi-python-client/missing-body-ref.yaml": [
        "#/paths/~1/post/requestBody/$ref: dangling $ref '#/components/requestBodies/body': "
        "it does not resolve"
    ],
    "openapi-python-client/optional-path-param.yaml": [
        "#/paths/~1{optional}/get/parameters/0: a path parameter must have required: true"
    ],
    "circular-schema-alias.yaml": [
        "#/components/schemas/A: circular $ref: #/components/schemas/A "
        "→ #/components/schemas/B → #/components/schemas/A"
    ],
    "bad-enum-default.json": [
        "#/paths/~1items/get/parameters/0/schema/default: invalid default 'huge': "
        "not one of the enum's values"
    ],
    "bad-model-default.yaml": [
        "#/components/schemas/Order/properties/count/default: invalid default 'many': "
        "not of type integer"
    ],
    "ref-not-a-string.json": [
        "#/components/schemas/Job/properties/status/$ref: a $ref must be a string"
    ],
    "not-yaml.yaml": ["not valid YAML: could not find expected ':' at line 5, column 1"],
    "duplicate-key.yaml": ["not valid YAML: duplicate key 'paths' at line 5, column 1"],
}


@pytest.mark.parametrize("name", sorted(INVALID_DOCUMENTS))
def test_invalid_documents_give_one_line_per_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = INVALID / name
    config = tmp_path / "codegen.toml"
    config.write_text(f'[package]\nname = "broken"\n\n[inputs]\nspec = "{document}"\n')
    code = main(["codegen", "--config", str(config), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        f"error: {document}{line if line.startswith('#') else ': ' + line}"
        for line in INVALID_DOCUMENTS[name]
    ]
    assert not (tmp_path / "out").exists()
