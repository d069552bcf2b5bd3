"""Generator units on inline mini-specs: naming, normalisation, types, IR."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.build_ir import build_api
from generator.config import Config, load_config
from generator.naming import operation_name, pascal_case, snake_case
from generator.normalise import normalise
from generator.problems import GeneratorError
from generator.types import TypeNamer

SF_CONFIG = load_config(Path(__file__).resolve().parents[2] / "spec" / "codegen.toml")


def mini_config(**changes: Any) -> Config:
    base = replace(SF_CONFIG, renames={}, slash_allowed=frozenset({"path"}))
    return replace(base, **changes)


def spec(
    paths: dict[str, Any] | None = None, schemas: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": paths or {},
        "components": {"schemas": schemas or {}},
    }


@pytest.mark.parametrize(
    "name, expected",
    [
        ("isPath", "is_path"),
        ("nodelist(reason)", "nodelist_reason"),
        ("s:c:t", "s_c_t"),
        ("class", "class_"),
        ("1st", "n1st"),
        ("", "blank"),
        ("HTTPValidationError", "http_validation_error"),
    ],
)
def test_snake_case(name: str, expected: str) -> None:
    assert snake_case(name, "blank") == expected


def test_pascal_case() -> None:
    assert (
        pascal_case("read_jobs") == "ReadJobs"
        and pascal_case("HTTPValidationError") == "HTTPValidationError"
    )


@pytest.mark.parametrize(
    "operation_id, path, method, expected",
    [
        ("read_jobs_compute_jobs__machine__get", "/compute/jobs/{machine}", "get", "read_jobs"),
        ("read_user_account__get", "/account/", "get", "read_user"),
        ("ls_utilities_ls__machine___path__get", "/utilities/ls/{machine}/{path}", "get", "ls"),
        ("custom", "/x", "get", "custom"),
        (None, "/items/{id}", "delete", "delete_items_id"),
    ],
)
def test_operation_names(operation_id: str | None, path: str, method: str, expected: str) -> None:
    assert operation_name(operation_id, path, method, True) == expected


def test_untyped_enums_get_the_type_of_their_values() -> None:
    doc, _ = normalise(
        spec(
            schemas={
                "A": {"enum": ["x", "y"]},
                "B": {"enum": [1, 2]},
                "C": {"type": "object", "properties": {"e": {"enum": ["p"]}}},
            }
        ),
        mini_config(),
        frozenset(),
    )
    schemas = doc["components"]["schemas"]
    assert schemas["A"]["type"] == "string" and schemas["B"]["type"] == "integer"
    assert schemas["C"]["properties"]["e"]["type"] == "string"


def test_renames_reach_every_ref() -> None:
    source = spec(
        paths={
            "/x": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "$ref": "#/components/schemas/app__m__Status/properties/v"
                                    }
                                }
                            },
                        }
                    }
                }
            }
        },
        schemas={
            "app__m__Status": {"type": "object", "properties": {"v": {"type": "string"}}},
            "Holder": {
                "type": "object",
                "properties": {"s": {"$ref": "#/components/schemas/app__m__Status"}},
            },
        },
    )
    doc, _ = normalise(source, mini_config(renames={"app__m__Status": "MStatus"}), frozenset())
    assert "MStatus" in doc["components"]["schemas"]
    assert (
        doc["components"]["schemas"]["Holder"]["properties"]["s"]["$ref"]
        == "#/components/schemas/MStatus"
    )
    media = doc["paths"]["/x"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["schema"]["$ref"] == "#/components/schemas/MStatus/properties/v"


def test_reserved_name_gets_a_suffix_and_a_warning() -> None:
    doc, warnings = normalise(
        spec(schemas={"Client": {"type": "object"}}), mini_config(), frozenset({"Client"})
    )
    assert "ClientModel" in doc["components"]["schemas"]
    assert "clashes with the package's own 'Client'" in str(warnings[0])


def test_two_schemas_with_one_name_are_an_error() -> None:
    with pytest.raises(GeneratorError, match="would all be named 'Thing'"):
        normalise(
            spec(schemas={"thing": {"type": "object"}, "Thing": {"type": "object"}}),
            mini_config(),
            frozenset(),
        )


def test_rename_of_unknown_schema_is_an_error() -> None:
    with pytest.raises(GeneratorError, match="rename of unknown schema 'Nope'"):
        normalise(spec(), mini_config(renames={"Nope": "X"}), frozenset())


@pytest.mark.parametrize(
    "schema, expected",
    [
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, "str | None"),
        ({"type": ["integer", "null"]}, "int | None"),
        ({"type": "string", "nullable": True}, "str | None"),
        (
            {"type": "array", "items": {"type": "array", "items": {"type": "number"}}},
            "list[list[float]]",
        ),
        ({"type": "object", "additionalProperties": {"type": "string"}}, "dict[str, str]"),
        ({"type": "string", "format": "date"}, "_dt.date"),
        ({"type": "string", "format": "date-time"}, "_dt.datetime"),
        ({"type": "string", "format": "binary"}, "bytes"),
        ({"enum": ["a", "b", None]}, "Literal['a', 'b'] | None"),
        ({"oneOf": [{"$ref": "#/components/schemas/Obj"}, {"type": "string"}]}, "Obj | str"),
        ({"$ref": "#/components/schemas/Alias"}, "str"),
        ({}, "Any"),
    ],
)
def test_annotations(schema: dict[str, Any], expected: str) -> None:
    namer = TypeNamer(
        spec(schemas={"Obj": {"type": "object", "properties": {}}, "Alias": {"type": "string"}})
    )
    assert namer.annotation(schema) == expected


def _api(paths: dict[str, Any], **config: Any) -> Any:
    doc, _ = normalise(spec(paths=paths), mini_config(**config), frozenset())
    return build_api(doc, mini_config(**config), (), (), ())


def test_ir_params_defaults_order_and_slashes() -> None:
    api = _api(
        {
            "/f/{machine}/{path}": {
                "get": {
                    "operationId": "ls",
                    "parameters": [
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer", "default": 5},
                        },
                        {
                            "name": "machine",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "path",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "kwargs",
                            "in": "query",
                            "schema": {"type": "array", "items": {"type": "string"}},
                        },
                    ],
                    "responses": {"200": {"description": ""}},
                }
            }
        }
    )
    (op,) = api.operations
    assert [p.python_name for p in op.params] == ["machine", "path", "limit", "kwargs"]
    assert [p.allow_slash for p in op.path_params] == [False, True]
    assert op.params[2].signature == "limit: int = 5"
    assert op.params[3].signature == "kwargs: list[str] | None = None"


def test_ir_security_and_idempotency() -> None:
    paths = {
        "/a": {
            "get": {"operationId": "a", "security": [], "responses": {"200": {"description": ""}}},
            "post": {
                "operationId": "b",
                "security": [{"oauth": []}],
                "responses": {"200": {"description": ""}},
            },
            "put": {
                "operationId": "c",
                "security": [{"oauth": []}],
                "responses": {"200": {"description": ""}},
            },
        }
    }
    ops = {op.name: op for op in _api(paths).operations}
    assert not ops["a"].requires_auth and ops["b"].requires_auth
    assert ops["a"].idempotent and not ops["b"].idempotent and ops["c"].idempotent


def test_ir_collisions_are_errors() -> None:
    with pytest.raises(GeneratorError, match="named 'self'"):
        _api(
            {
                "/a": {
                    "get": {
                        "operationId": "a",
                        "parameters": [
                            {"name": "self", "in": "query", "schema": {"type": "string"}}
                        ],
                        "responses": {"200": {"description": ""}},
                    }
                }
            }
        )
    with pytest.raises(GeneratorError, match="both named 'item_id' in Python"):
        _api(
            {
                "/a/{itemId}": {
                    "get": {
                        "operationId": "a",
                        "parameters": [
                            {
                                "name": "itemId",
                                "in": "path",
                                "required": True,
                                "schema": {"type": "string"},
                            },
                            {"name": "item_id", "in": "query", "schema": {"type": "string"}},
                        ],
                        "responses": {"200": {"description": ""}},
                    }
                }
            }
        )
    with pytest.raises(GeneratorError, match="are both named 'a'"):
        _api(
            {
                "/a": {"get": {"operationId": "a", "responses": {"200": {"description": ""}}}},
                "/b": {"get": {"operationId": "a", "responses": {"200": {"description": ""}}}},
            }
        )


def test_normalise_does_not_touch_its_input() -> None:
    source = spec(schemas={"A": {"enum": ["x"]}})
    before = copy.deepcopy(source)
    normalise(source, mini_config(), frozenset())
    assert source == before


def test_public_static_modules_are_not_re_exported_at_the_root() -> None:
    from generator.pipeline import _package_exports

    static = {
        "_machines.py": '__all__ = ["Machine"]\n',
        "_async/jobs.py": '__all__ = ["AsyncJob"]\n',
        "jobs.py": '__all__ = ["AsyncJob", "Job", "JobSqueue"]\n',
    }
    exports = dict(_package_exports(static, SF_CONFIG, {"AsyncJob": "Job"}))
    assert exports == {
        "._machines": ["Machine"],
        "._async.jobs": ["AsyncJob"],
        "._sync.jobs": ["Job"],
    }
