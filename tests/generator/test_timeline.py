"""``codegen --timeline FILE``: each stage of a run, in order, with its wall and CPU
time; nothing is recorded without it."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

from generator.timeline import read

ROOT = Path(__file__).resolve().parents[2]

#: The stages of a run, in the order ``pipeline.generate`` runs them.
STAGES = [
    "hash the inputs",
    "load and validate",
    "read the static modules",
    "normalise",
    "models",
    "build the IR",
    "render",
    "sync twins",
    "format",
    "write",
]


def _codegen(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "codegen", "--force"]
    command += ["--out", str(tmp_path / "out"), *extra]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )


def test_a_timeline_names_every_stage_in_order(tmp_path: Path) -> None:
    timeline = tmp_path / "timeline.jsonl"
    _codegen(tmp_path, "--timeline", str(timeline))
    records = read(timeline)
    stages = [r["stage"] for r in records if r["stage"] != "start Python, import the generator"]
    assert stages == STAGES
    for record in records:
        assert record["wall"] >= 0 and record["cpu"] >= 0, record
    # One stage after another: each starts once the one before has ended.
    timed = [r for r in records if r["stage"] in STAGES]
    for before, after in itertools.pairwise(timed):
        assert after["start"] >= before["start"] + before["wall"] - 0.001, (before, after)
    # Making the models is work the timeline measures.
    assert next(r for r in records if r["stage"] == "models")["cpu"] > 0


def test_without_the_option_no_timeline_is_written(tmp_path: Path) -> None:
    _codegen(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_run_on_unchanged_inputs_loads_no_stage(tmp_path: Path) -> None:
    """A run with unchanged inputs stops after hashing them: it loads neither the model
    generator, the validator, a formatter, the templates' engine nor the stages."""
    _codegen(tmp_path)
    probe = (
        "import sys\n"
        "from generator.__main__ import main\n"
        f"assert main(['codegen', '--out', {str(tmp_path / 'out')!r}]) == 0\n"
        "heavy = ('black', 'datamodel_code_generator', 'openapi_pydantic', 'pydantic', 'ruff',"
        " 'jinja2', 'generator.assemble', 'generator.render', 'generator.build_ir')\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "is up to date" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
