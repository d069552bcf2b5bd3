"""``[schemas] lenient_answers = true``: a schema only answers use requires nothing, so
an answer that leaves out a key its document calls required still parses (the key reads
as None); request bodies and the requirements that tell ``anyOf`` members apart keep
theirs. Checked on the rule's data and on GitHub's description, whose own examples
leave out required keys."""

from __future__ import annotations

import copy
import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pydantic
import pytest

from generator.config import load_config
from generator.lenient_answers import relax_answer_requirements
from generator.pipeline import generate
from tests.generator.conftest import DOCUMENTS
from tests.generator.example_parse import parse_examples

REF = "#/components/schemas/"


def _document() -> dict[str, Any]:
    def body(name: str) -> dict[str, Any]:
        return {"content": {"application/json": {"schema": {"$ref": REF + name}}}}

    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "requestBody": body("NewThing"),
                    "responses": {"201": {"description": "made", **body("Thing")}},
                },
                "get": {"responses": {"200": {"description": "one", **body("Choice")}}},
            }
        },
        "components": {
            "schemas": {
                "NewThing": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}},
                },
                "Thing": {
                    "allOf": [
                        {"$ref": REF + "NewThing"},
                        {
                            "type": "object",
                            "required": ["id"],
                            "properties": {"id": {"type": "integer"}},
                        },
                    ]
                },
                "Choice": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {"kind": {"type": "string"}, "a": {"type": "string"}},
                    "oneOf": [{"required": ["a"]}, {"required": ["kind"]}],
                },
            }
        },
    }


def test_only_schemas_that_answers_alone_use_lose_their_requirements() -> None:
    document = _document()
    before = copy.deepcopy(document)
    assert relax_answer_requirements(document) == ["Thing", "Choice"]
    schemas = document["components"]["schemas"]
    # A request body's schema keeps what the caller must send, though answers hold it too.
    assert schemas["NewThing"] == before["components"]["schemas"]["NewThing"]
    assert "required" not in schemas["Thing"]["allOf"][1]
    assert "required" not in schemas["Choice"]
    # The members' requirements tell the alternatives apart: they stay.
    assert schemas["Choice"]["oneOf"] == [{"required": ["a"]}, {"required": ["kind"]}]


def test_github_answers_that_leave_out_required_keys_parse(tmp_path: Path) -> None:
    """The excerpt's four examples that leave out a required key (``archived_at``,
    ``language``, a file's ``sha``, a team's ``type``) parse with the option, the key
    None; types are checked as before."""
    document = next(p for p in DOCUMENTS if p.name == "api.github.com.json")
    config = tmp_path / "codegen.toml"
    config.write_text(
        f'[package]\nname = "lenient_github"\n\n[inputs]\nspec = "{document}"\n\n'
        "[schemas]\nlenient_answers = true\n",
        encoding="utf-8",
    )
    generate(load_config(config), tmp_path / "out", force=True)
    sys.path.insert(0, str(tmp_path / "out"))
    try:
        package = importlib.import_module("lenient_github")
        spec = json.loads(document.read_text(encoding="utf-8"))
        outcomes = parse_examples(package, spec, judge=False)
        assert len(outcomes) == 20 and all(not o.errors for o in outcomes)
        org = package.models.OrganizationFull.model_validate(
            {"login": "o", "id": 1, "type": "Organization"}
        )
        assert org.archived_at is None and org.login == "o"
        with pytest.raises(pydantic.ValidationError):
            package.models.OrganizationFull.model_validate({"login": "o", "id": "one"})
    finally:
        sys.path.remove(str(tmp_path / "out"))
        for name in [n for n in sys.modules if n.startswith("lenient_github")]:
            del sys.modules[name]
