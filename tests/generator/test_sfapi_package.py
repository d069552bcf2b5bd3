"""The SF API package as generated from spec/: reproducible, complete, readable."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sfapi_client
from generator.__main__ import main
from generator.config import load_config
from generator.output import PROVENANCE, read_tree
from generator.pipeline import generate
from sfapi_client import models
from sfapi_sim.testing import RunningSimulator

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(ROOT / "spec" / "codegen.toml")
SPEC = json.loads((ROOT / "spec" / "openapi.json").read_text())
COMMITTED = ROOT / "generated" / "sfapi_client"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fresh")
    generate(CONFIG, out, force=True)
    return out / "sfapi_client"


def _without_provenance(package: Path) -> dict[str, str]:
    tree = read_tree(package)
    tree.pop(PROVENANCE)
    return tree


def test_committed_package_is_what_the_inputs_produce(fresh: Path) -> None:
    assert _without_provenance(fresh) == _without_provenance(COMMITTED)


def test_generation_is_deterministic(fresh: Path, tmp_path: Path) -> None:
    generate(CONFIG, tmp_path, force=True)
    assert read_tree(tmp_path / "sfapi_client") == read_tree(fresh)


def test_rerun_with_unchanged_inputs_writes_nothing(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = fresh.parent
    before = {p: p.stat().st_mtime_ns for p in fresh.rglob("*") if p.is_file()}
    assert main(["codegen", "--out", str(out)]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in fresh.rglob("*") if p.is_file()} == before


def test_stale_files_disappear(tmp_path: Path) -> None:
    generate(CONFIG, tmp_path, force=True)
    stale = tmp_path / "sfapi_client" / "_async" / "endpoints" / "removed_tag.py"
    stale.write_text("# left over\n")
    generate(CONFIG, tmp_path)  # the provenance sees the extra file: regenerates
    assert not stale.exists()


def test_every_file_says_it_is_generated() -> None:
    for path in COMMITTED.rglob("*.py"):
        first = path.read_text().splitlines()[0]
        assert first.startswith(("# Generated from", "# Copied from")) and "Do not edit" in first, (
            path
        )


def _methods(folder: Path, prefix: str) -> set[str]:
    names = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            is_method = isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef)
            wanted = (prefix == "async") == isinstance(node, ast.AsyncFunctionDef)
            if is_method and wanted and not node.name.startswith("_"):
                names.add(node.name)
    return names


def test_all_31_operations_have_async_and_sync_methods() -> None:
    operations = [op for item in SPEC["paths"].values() for op in item.values()]
    assert len(operations) == 31
    async_methods = _methods(COMMITTED / "_async" / "endpoints", "async")
    sync_methods = _methods(COMMITTED / "_sync" / "endpoints", "sync")
    assert len(async_methods) == 31 and async_methods == sync_methods
    assert {
        "read_jobs",
        "submit_job",
        "ls",
        "download_file",
        "upload_file",
        "read_user",
    } <= async_methods


def test_every_schema_and_both_job_models_are_readable_classes() -> None:
    assert len(SPEC["components"]["schemas"]) == 42
    names = [n for n in models.__all__ if isinstance(getattr(models, n), type)]
    assert len(names) == 44
    assert not [n for n in names if n.startswith(("App", "Body")) or "__" in n]
    assert {
        "JobSqueue",
        "JobSacct",
        "ComputeStatus",
        "UtilsStatus",
        "StorageStatus",
        "UtilsCommandOutput",
        "ComputeCommandOutput",
        "SystemStatus",
        "ApiClientInfo",
    } <= set(names)


def test_ok_error_enums_stay_distinct() -> None:
    enums = {models.ComputeStatus, models.UtilsStatus, models.StorageStatus}
    assert len(enums) == 3 and all([m.value for m in e] == ["OK", "ERROR"] for e in enums)


def test_quirky_fields() -> None:
    import datetime as dt

    assert models.Changelog.model_validate({"date": "2026-09-01"}).date == dt.date(2026, 9, 1)
    assert (
        models.Task.model_validate({"id": "1", "status": "completed", "result": '{"a": 1}'}).result
        == '{"a": 1}'
    )


def test_job_models_parse_the_samples() -> None:
    squeue = json.loads((ROOT / "spec" / "job.json").read_text())["output"][0]
    sacct = json.loads((ROOT / "spec" / "job_sacct.json").read_text())["output"][0]
    row = models.JobSqueue.model_validate(squeue)
    assert row.s_c_t == "*:*:*" and row.nodelist_reason == "nid001234" and row.blank == ""
    assert row.model_dump(by_alias=True) == squeue
    assert models.JobSacct.model_validate(sacct).state == "COMPLETED"
    assert models.JobSqueue.model_validate({}).jobid is None  # every field optional


def test_package_all_is_sorted_and_complete() -> None:
    assert sfapi_client.__all__ == sorted(sfapi_client.__all__)
    public = {n for n in vars(sfapi_client) if not n.startswith("_")} - {"annotations"}
    modules = {n for n in public if type(getattr(sfapi_client, n)).__name__ == "module"}
    assert public - modules <= set(sfapi_client.__all__)


def test_failed_run_leaves_the_package_intact(tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)  # the config's version_file
    out = tmp_path / "out"
    config = load_config(spec_dir / "codegen.toml")
    generate(config, out, force=True)
    before = read_tree(out / "sfapi_client")
    (spec_dir / "openapi.json").write_text("{}")
    assert main(["codegen", "--config", str(spec_dir / "codegen.toml"), "--out", str(out)]) == 2
    assert read_tree(out / "sfapi_client") == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


UPLOAD_BODY = "Body_upload_file_utilities_upload__machine___path__put"
UPLOAD_SCRIPT = """
import io, sys
import sfapi_client
from sfapi_client import Client
print(sfapi_client.__file__)
base_url, token_url, key = sys.argv[1:4]
with Client(key=key, api_base_url=base_url, token_url=token_url, task_interval=0.02) as client:
    home = client.compute("perlmutter").ls("/global/homes/a/alice", directory=True)[0]
    blob = bytes(range(256))
    uploaded = home.upload(io.BytesIO(blob), filename="form-3-1.bin")
    assert uploaded.download(binary=True).read() == blob
    print(uploaded)
"""


def test_upload_works_with_the_body_in_the_3_1_form(tmp_path: Path, sim: RunningSimulator) -> None:
    """The upload's file field written as OpenAPI 3.1 does (``contentMediaType``, what
    current FastAPI emits) gives the same upload method, which really uploads."""
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec_dir)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)  # the config's version_file
    document = json.loads((spec_dir / "openapi.json").read_text())
    file_field = document["components"]["schemas"][UPLOAD_BODY]["properties"]["file"]
    del file_field["format"]
    file_field["contentMediaType"] = "application/octet-stream"
    (spec_dir / "openapi.json").write_text(json.dumps(document))
    out = tmp_path / "out"
    generate(load_config(spec_dir / "codegen.toml"), out, force=True)
    for twin in ("_async", "_sync"):
        module = Path("sfapi_client", twin, "endpoints", "utilities.py")
        assert (out / module).read_text() == (ROOT / "generated" / module).read_text()
    run = subprocess.run(
        [sys.executable, "-c", UPLOAD_SCRIPT, sim.base_url, sim.token_url, str(sim.key_file)],
        env={**os.environ, "PYTHONPATH": str(out)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    imported_from, uploaded = run.stdout.splitlines()
    assert Path(imported_from).is_relative_to(out)
    assert uploaded == "/global/homes/a/alice/form-3-1.bin"
