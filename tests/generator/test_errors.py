"""Broken inputs give a clear message naming the file and place, exit code 2, no
traceback, and leave the existing package untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the SF API inputs."""
    shutil.copytree(ROOT / "spec", tmp_path / "spec")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)  # the config's version_file
    return tmp_path


@pytest.fixture
def generated(workspace: Path) -> Path:
    """The workspace with a package generated from its inputs."""
    spec = workspace / "spec"
    assert (
        main(["codegen", "--config", str(spec / "codegen.toml"), "--out", str(workspace / "out")])
        == 0
    )
    return workspace


def run(workspace: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(
        [
            "codegen",
            "--force",
            "--config",
            str(workspace / "spec" / "codegen.toml"),
            "--out",
            str(workspace / "out"),
            *extra,
        ]
    )
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def snapshot(workspace: Path) -> dict[str, bytes]:
    package = workspace / "out" / "sfapi_client"
    return {str(p.relative_to(package)): p.read_bytes() for p in package.rglob("*") if p.is_file()}


def edit_spec(workspace: Path, change: object) -> None:
    path = workspace / "spec" / "openapi.json"
    document = json.loads(path.read_text())
    change(document)  # type: ignore[operator]
    path.write_text(json.dumps(document))


def test_invalid_json_names_line_and_column(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = generated
    before = snapshot(workspace)
    (workspace / "spec" / "openapi.json").write_text('{"openapi": "3.1.0",\n  "info": }')
    code, err = run(workspace, capsys)
    assert code == 2 and "openapi.json: not valid JSON" in err and "line 2" in err
    assert snapshot(workspace) == before


def test_unsupported_version(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_spec(workspace, lambda d: d.update(openapi="2.0"))
    code, err = run(workspace, capsys)
    assert code == 2 and "#/openapi" in err and "expected 3.0.x or 3.1.x" in err


def test_schema_violation_names_the_pointer(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = generated
    before = snapshot(workspace)
    edit_spec(
        workspace, lambda d: d["paths"]["/status"]["get"]["responses"].update({"200": "nonsense"})
    )
    code, err = run(workspace, capsys)
    assert code == 2 and "invalid OpenAPI" in err and "#/paths/~1status/get/responses/200" in err
    assert snapshot(workspace) == before


def test_dangling_ref_is_named(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_spec(
        workspace,
        lambda d: d["components"]["schemas"]["Note"]["properties"].update(
            {"extra": {"$ref": "#/components/schemas/Missing"}}
        ),
    )
    code, err = run(workspace, capsys)
    assert code == 2
    assert "dangling $ref '#/components/schemas/Missing'" in err
    assert "#/components/schemas/Note/properties/extra/$ref" in err


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"output": []}', "non-empty list of job rows"),
        ('{"status": "OK"}', "nothing at '/output'"),
        ('{"output": [{"jobid": 31415}]}', "'jobid' is int"),
        ('{"output": ["row"]}', "a job row must be a JSON object"),
    ],
)
def test_malformed_job_sample(
    workspace: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    sample = workspace / "spec" / "job.json"
    sample.write_text(content)
    code, err = run(workspace, capsys)
    assert code == 2 and str(sample) in err and message in err


def test_missing_spec_file(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(workspace, capsys, "--spec", str(workspace / "absent.json"))
    assert code == 2 and "absent.json: file not found" in err


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """A copy of the templates, to break the runtime's sync table in."""
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path / "templates"


@pytest.mark.parametrize(
    "entry, message",
    [
        ('never_used = "x"', "never used: never_used"),
        # aclose becomes aread, itself a name of the table: it must not survive.
        ('aclose = "aread"', "'aread' left in the sync module"),
    ],
)
def test_runtime_sync_table_is_enforced(
    workspace: Path, templates: Path, capsys: pytest.CaptureFixture[str], entry: str, message: str
) -> None:
    table = templates / "static" / "runtime" / "unasync.toml"
    lines = [line for line in table.read_text().splitlines() if not line.startswith("aclose")]
    table.write_text("\n".join([*lines, entry, ""]))
    code, err = run(workspace, capsys, "--templates", str(templates))
    assert code == 2 and message in err


@pytest.mark.parametrize(
    "addition, pointer, rule",
    [
        ("[surprise]\nkey = 1\n", "#/surprise", "unknown key 'surprise'"),
        (
            "[operations.overrides.read_jobs]\nidempotant = true\n",
            "#/operations/overrides/read_jobs/idempotant",
            "unknown key 'idempotant'",
        ),
        (
            '[operations.overrides.read_jobs]\nidempotent = "yes"\n',
            "#/operations/overrides/read_jobs/idempotent",
            "must be true or false, not a string",
        ),
    ],
)
def test_bad_config_names_the_key(
    workspace: Path, capsys: pytest.CaptureFixture[str], addition: str, pointer: str, rule: str
) -> None:
    config = workspace / "spec" / "codegen.toml"
    config.write_text(config.read_text() + "\n" + addition)
    code, err = run(workspace, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"error: {config}{pointer}: {rule}")


def test_slash_allowed_must_be_a_list(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = workspace / "spec" / "codegen.toml"
    config.write_text(
        config.read_text().replace('slash_allowed = ["path"]', 'slash_allowed = "path"')
    )
    code, err = run(workspace, capsys)
    assert code == 2
    assert err.strip() == (
        f"error: {config}#/parameters/slash_allowed: must be a list of strings, not a string 'path'"
    )


def test_a_schema_named_reference_keeps_its_name_and_only_the_real_error_is_reported(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pydantic tries a plain object as a Reference too; why it is none ($ref missing) is
    not an error of the document, but a schema that is called Reference is part of it."""

    def add_schema(document: dict[str, object]) -> None:
        schemas = document["components"]["schemas"]  # type: ignore[index]
        schemas["Reference"] = {"type": "object", "properties": {"x": {"minLength": "a"}}}

    edit_spec(workspace, add_schema)
    code, err = run(workspace, capsys)
    assert code == 2
    assert [line.split("openapi.json", 1)[1] for line in err.splitlines()] == [
        "#/components/schemas/Reference/properties/x/minLength: invalid OpenAPI: "
        "Input should be a valid integer, unable to parse string as an integer"
    ]
