"""Who does what in a run: the ``models`` worker alone loads pydantic, makes the models
and then validates the document; the main process never loads pydantic, so its own
path (black, rendering, formatting) does not wait for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.load import load_spec
from generator.problems import GeneratorError
from generator.workers import Validation, started
from tests.generator.exit_probe import codegen_reports

ROOT = Path(__file__).resolve().parents[2]


def test_the_main_process_of_a_run_loads_no_pydantic(tmp_path: Path) -> None:
    """Each process of a run reports, as it ends, which of pydantic,
    datamodel-code-generator and openapi-pydantic it loaded: only the ``models`` worker
    loaded any."""
    names = ("pydantic", "datamodel_code_generator", "openapi_pydantic")
    main, loaded = codegen_reports(
        tmp_path, f"','.join(n for n in {names!r} if n in sys.modules) or '-'"
    )
    assert loaded.pop(main) == "-"
    # The workers: one loaded all three, the other (formatting) none.
    assert sorted(loaded.values()) == ["-", "pydantic,datamodel_code_generator,openapi_pydantic"]


def test_validation_is_queued_once_and_names_the_pointer() -> None:
    document = load_spec(ROOT / "spec" / "openapi.json", validate=False)
    broken = json.loads(json.dumps(document))
    broken["paths"]["/status"]["get"]["responses"]["200"] = "nonsense"
    with started() as workers:
        valid = Validation(workers, document, "openapi.json")
        assert valid.start() is valid.start()  # queued once
        valid.result()
        invalid = Validation(workers, broken, "broken.json")
        with pytest.raises(GeneratorError) as raised:
            invalid.result()  # starts it when nothing did
    assert any(
        problem.source == "broken.json" and problem.pointer == "/paths/~1status/get/responses/200"
        for problem in raised.value.problems
    ), raised.value.problems
