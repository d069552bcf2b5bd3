"""``codegen --timeline FILE``: each stage of a run, in the process that ran it, with
its wall and CPU time; nothing is recorded without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.timeline import read

ROOT = Path(__file__).resolve().parents[2]


def _codegen(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "codegen", "--force"]
    command += ["--out", str(tmp_path / "out"), *extra]
    env = {"SFAPI_CODEGEN_CACHE": "", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )


def test_a_timeline_names_every_stage_and_its_process(tmp_path: Path) -> None:
    timeline = tmp_path / "timeline.jsonl"
    _codegen(tmp_path, "--timeline", str(timeline))
    records = read(timeline)
    where = {(record["stage"], record["process"]) for record in records}
    expected = {
        ("start Python, import the generator", "main"),
        ("read the document", "main"),
        ("load black", "main"),
        ("load the model generator", "models"),
        ("schema models", "models"),
        ("job models", "models"),
        ("import the stages", "main"),
        ("validate", "models"),
        ("normalise", "main"),
        ("render", "main"),
        ("sync twins", "main"),
        ("format", "main"),
        ("format", "formatting"),
        ("split the models", "main"),
        ("write", "main"),
    }
    assert expected <= where
    for record in records:
        assert record["wall"] >= 0 and record["cpu"] >= 0, record
    # Loading datamodel-code-generator is real work in its worker, before the models.
    first = {r["stage"]: r for r in records if r["process"] == "models"}
    assert first["load the model generator"]["cpu"] > 0.05
    assert first["load the model generator"]["start"] < first["schema models"]["start"]
    # The model worker loads its libraries while the main process loads black, and
    # validates only once the models are made.
    main = {r["stage"]: r for r in records if r["process"] == "main"}
    black = main["load black"]
    assert first["load the model generator"]["start"] < black["start"] + black["wall"]
    assert first["job models"]["start"] < first["validate"]["start"]
    # The package is written last (the models worker may still be filling the cache).
    writes = [r for r in records if r["stage"] == "write"]
    assert len(writes) == 1
    before = [r for r in records if r["stage"] != "keep in the cache"]
    assert all(r["start"] <= writes[0]["start"] for r in before)


def test_without_the_option_no_timeline_is_written(tmp_path: Path) -> None:
    _codegen(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_command_line_loads_no_stage_before_it_starts_the_model_worker() -> None:
    """What ``python -m generator`` imports before the fork delays the model worker,
    whose loading is the longest chain of a cold run: the templates' engine, the IR
    builder and the other commands wait until they are needed."""
    probe = (
        "import sys, generator.__main__; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('jinja2', 'black', 'datamodel_code_generator', 'openapi_pydantic', 'pydantic') "
        "or m in ('generator.assemble', 'generator.render', 'generator.build_ir', "
        "'generator.drift.command', 'generator.release.command')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"
