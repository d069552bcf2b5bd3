"""The models the generator writes, compared with datamodel-code-generator's for the same
schemas (``model_oracle.py``): over the SF API, the fixture API and every corpus
document, the classes the two share accept the same values, and where they do not, the
difference is one of the choices listed here, each for a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_config
from tests.generator.conftest import DOCUMENTS, FIXTURE_CONFIG, minimal_config
from tests.generator.model_oracle import compare, normalised_document

ROOT = Path(__file__).resolve().parents[2]

#: Classes that accept other values than the oracle's, by document, and why.
CHOSEN_DIFFERENCES: dict[str, dict[str, str]] = {
    # An enum with a null value is the enum of its other values, and every reference
    # to it admits None; the oracle makes it a root model around a second enum.
    # An enum of null alone is a root model holding None; the oracle's is an enum with
    # a member whose value is None.
    **{
        name: {"AnEnumWithNull": "null beside the enum", "AnEnumWithOnlyNull": "null alone"}
        for name in ("baseline_openapi_3.0.json", "baseline_openapi_3.1.yaml")
    },
    "openapi_3.1_enums.yaml": {
        "AnEnumWithNull": "null beside the enum",
        "AnEnumWithOnlyNull": "null alone",
        "PostUserListBody": "a list of the null-only enum is a list of None",
    },
    # ``const`` with null is ``Literal[...] | None``; the oracle writes a one-value enum.
    "3.1_specific.openapi.yaml": {"PostConstPathBody": "const as Literal"},
    # allOf of a string and an integer: no value is both, and the document says the
    # property is read as a string; the oracle makes it an empty object.
    "schema-types.yaml": {
        "QuirksIncompatibleNestedAllOfBody": "the incompatible allOf read as a string",
        "QuirksIncompatibleNestedAllOfBodyIncompatible": "read as a string",
    },
    # ``default: null`` beside a oneOf of types that take no null says nothing and is
    # dropped (a type checker refuses it); the oracle keeps it, on the class and on the
    # field that refers to it.
    # A key required by an allOf member that no member defines declares nothing, as in
    # an object of its own (Mistral's description requires such a key of an answer that
    # never holds it); the oracle makes it a required field of any value.
    "field-overrides.json": {"RequiredSpec": "a required key no member defines"},
    # A discriminator's tag that has a default of its own keeps it and stays optional,
    # so a class built by hand fills it in; the oracle requires it.
    "discriminator-tags.yaml": {
        "Podcast": "a tag with a default",
        "Playable": "holds Podcast",
    },
    "defaults-and-extensions.yaml": {
        "Chunking": "a null default the union does not take",
        "TranscriptionRequest": "refers to Chunking",
    },
}

#: Configurations compared: the SF API's, the fixture API's, and one per corpus document.
CASES = [("sfapi", ROOT / "spec" / "codegen.toml"), ("fixture", FIXTURE_CONFIG)] + [
    (document.name, document) for document in DOCUMENTS
]


@pytest.mark.parametrize(("name", "source"), CASES, ids=[name for name, _ in CASES])
def test_the_models_accept_what_the_oracle_accepts(name: str, source: Path, tmp_path: Path) -> None:
    config_path = source if source.suffix == ".toml" else minimal_config(tmp_path, source)
    normalised = normalised_document(load_config(config_path))
    if not normalised["components"].get("schemas"):
        pytest.skip("the document defines no schemas")
    tag = "".join(c if c.isalnum() else "_" for c in name)
    result = compare(normalised, tmp_path, tag)
    assert result.compared > 0
    assert set(result.differing) == set(CHOSEN_DIFFERENCES.get(name, {}))
    # Every class of ours is one of the oracle's: where it makes more, they are the
    # ones our choices above leave out (a second enum, a class for a const or a
    # boolean enum), which nothing of ours refers to.
    assert result.only_ours == []
