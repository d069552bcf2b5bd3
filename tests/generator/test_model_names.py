"""The rules that name and type the models, on small documents: context names for
inline schemas, names the package may not hold, enum members, text defaults."""

from __future__ import annotations

import ast
from typing import Any

import pytest

from generator.model_source import schema_models_source
from generator.naming import free_class_name
from generator.normalise import normalise
from generator.problems import GeneratorError
from tests.generator.test_units import mini_config, spec


def _schemas(schemas: dict[str, Any], reserved: frozenset[str] = frozenset()) -> Any:
    doc, warnings = normalise(spec(schemas=schemas), mini_config(), reserved)
    return doc["components"]["schemas"], [str(w) for w in warnings]


def test_inline_schemas_take_names_from_their_context() -> None:
    """Owner + property, ``Item`` for list items, ``Value`` for map values, a member's
    title, nested to any depth; what describes the use stays beside the ``$ref``."""
    owner = {
        "type": "object",
        "properties": {"login": {"type": "string"}, "plan": {"properties": {"n": {}}}},
        "nullable": True,
        "description": "The owner.",
    }
    schemas, warnings = _schemas(
        {
            "repo-full": {
                "type": "object",
                "properties": {
                    "owner": owner,
                    "tags": {"type": "array", "items": {"properties": {"t": {}}}},
                    "extra": {"additionalProperties": {"properties": {"x": {}}}},
                    "state": {"type": "string", "enum": ["a", "b", None], "default": "a"},
                    "pick": {"oneOf": [{"title": "first choice", "properties": {"f": {}}}]},
                },
            }
        }
    )
    assert warnings == []
    assert set(schemas) == {
        "RepoFull",
        "RepoFullOwner",
        "RepoFullOwnerPlan",
        "RepoFullTagsItem",
        "RepoFullExtraValue",
        "RepoFullState",
        "FirstChoice",
    }
    properties = schemas["RepoFull"]["properties"]
    assert properties["owner"] == {
        "$ref": "#/components/schemas/RepoFullOwner",
        "description": "The owner.",
        "nullable": True,
    }
    assert "nullable" not in schemas["RepoFullOwner"]
    # Null among an enum's values: the class holds the values, the field the null.
    assert properties["state"] == {
        "$ref": "#/components/schemas/RepoFullState",
        "default": "a",
        "nullable": True,
    }
    assert schemas["RepoFullState"]["enum"] == ["a", "b"]


def test_a_taken_context_name_takes_a_number() -> None:
    schemas, _ = _schemas(
        {"A": {"properties": {"b": {"properties": {"x": {}}}}}, "AB": {"type": "object"}}
    )
    assert schemas["A"]["properties"]["b"] == {"$ref": "#/components/schemas/AB2"}


def test_a_context_name_the_package_holds_is_changed_with_a_warning() -> None:
    """The pointer is the schema's place in the document as written."""
    schemas, warnings = _schemas(
        {"api": {"properties": {"client": {"properties": {"x": {}}}}}},
        frozenset({"ApiClient"}),
    )
    assert "ApiClientModel" in schemas
    assert warnings == [
        "warning: #/components/schemas/api/properties/client: inline schema named "
        "'ApiClientModel', not 'ApiClient': the package already holds 'ApiClient'"
    ]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Credentials", ("CredentialsModel", "the package already holds 'Credentials'")),
        ("AsyncJob", ("AsynchronousJob", "the sync twin rewrites names that start with Async")),
        ("Asynchrony", ("Asynchrony", "")),
        ("Job", ("Job", "")),
    ],
)
def test_free_class_names(name: str, expected: tuple[str, str]) -> None:
    assert free_class_name(name, {"Credentials"}) == expected


def test_a_configured_rename_to_an_async_name_is_an_error() -> None:
    with pytest.raises(GeneratorError, match="'AsyncThing' cannot name a model"):
        normalise(
            spec(schemas={"thing": {"type": "object"}}),
            mini_config(renames={"thing": "AsyncThing"}),
            frozenset(),
        )


def test_enum_members_named_like_str_methods_get_an_underscore() -> None:
    schemas, _ = _schemas({"E": {"enum": ["title", "open", "format"]}, "F": {"enum": ["a"]}})
    assert schemas["E"]["x-enum-varnames"] == ["title_", None, "format_"]
    assert "x-enum-varnames" not in schemas["F"]


def test_nullable_false_says_nothing() -> None:
    schemas, _ = _schemas({"A": {"properties": {"a": {"type": "string", "nullable": False}}}})
    assert schemas["A"]["properties"]["a"] == {"type": "string"}


def test_text_defaults_of_other_types_are_validated() -> None:
    """A default the document writes as text or as an object, for a field whose type
    is another (a URL, a date, a model), is validated into that type; a default of the
    field's own type is written as it is."""
    schemas = {
        "Plan": {"type": "object", "properties": {"name": {"type": "string"}}},
        "A": {
            "type": "object",
            "properties": {
                "note": {"type": "string", "default": "é"},
                "url": {"type": "string", "format": "uri", "default": "https://é.org"},
                "kind": {"const": "x", "default": "x"},
                "day": {"type": "string", "format": "date", "default": "2020-01-01"},
                "plan": {"$ref": "#/components/schemas/Plan", "default": {"name": "free"}},
                "extra": {"type": "object", "default": {"a": 1}},
            },
        },
    }
    source, _ = schema_models_source(schemas, "")
    # Unformatted: the run's formatter writes the quotes of the objects as black does.
    fields = [line.strip() for line in source.splitlines() if line.startswith("    ")]
    assert fields[-6:] == [
        'note: str = "é"',
        'url: AnyUrl = Field(default="https://é.org", validate_default=True)',
        'kind: Literal["x"] = "x"',
        'day: date = Field(default="2020-01-01", validate_default=True)',
        "plan: Plan = Field(default={'name': 'free'}, validate_default=True)",
        "extra: dict[str, Any] = {'a': 1}",
    ]
    ast.parse(source)
