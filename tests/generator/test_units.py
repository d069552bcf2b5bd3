"""Generator units on inline mini-specs: naming, normalisation, types, IR."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.build_ir import build_api
from generator.config import Config, load_config
from generator.load import validate_spec, with_object_schemas
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
    # The inline enum became a component named from its place (``hoist.py``).
    assert schemas["C"]["properties"]["e"] == {"$ref": "#/components/schemas/CE"}
    assert schemas["CE"]["type"] == "string"


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
    # A reference into a schema (not to a whole component) is replaced by what it names.
    media = doc["paths"]["/x"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["schema"] == {"type": "string"}


def test_reserved_name_gets_a_suffix_and_a_warning() -> None:
    doc, warnings = normalise(
        spec(schemas={"Client": {"type": "object"}}), mini_config(), frozenset({"Client"})
    )
    assert "ClientModel" in doc["components"]["schemas"]
    assert str(warnings[0]) == (
        "warning: #/components/schemas/Client: schema 'Client' is named 'ClientModel', "
        "not 'Client': the package already holds 'Client' (set a rename in the config to choose)"
    )


def test_schemas_with_one_name_take_numbers() -> None:
    """The schema spelt like the class keeps the name; the others, by name, take numbers."""
    doc, warnings = normalise(
        spec(
            schemas={
                "Thing_": {"type": "object"},
                "thing": {"type": "object"},
                "Thing": {"type": "object"},
                "Thing2": {"type": "object"},
                "Holder": {"properties": {"t": {"$ref": "#/components/schemas/thing"}}},
            }
        ),
        mini_config(),
        frozenset(),
    )
    assert sorted(doc["components"]["schemas"]) == ["Holder", "Thing", "Thing2", "Thing3", "Thing4"]
    assert doc["components"]["schemas"]["Holder"]["properties"]["t"] == {
        "$ref": "#/components/schemas/Thing4"
    }
    assert [str(w) for w in warnings] == [
        "warning: #/components/schemas/Thing_: schema 'Thing_' is named 'Thing3': "
        "'thing', 'Thing' also became 'Thing' (set a rename in the config to choose)",
        "warning: #/components/schemas/thing: schema 'thing' is named 'Thing4': "
        "'Thing_', 'Thing' also became 'Thing' (set a rename in the config to choose)",
    ]


def test_a_configured_rename_wins_over_a_derived_name() -> None:
    doc, warnings = normalise(
        spec(schemas={"a__Item": {"type": "object"}, "Item": {"type": "object"}}),
        mini_config(renames={"a__Item": "Item"}),
        frozenset(),
    )
    assert sorted(doc["components"]["schemas"]) == ["Item", "Item2"]
    assert "schema 'Item' is named 'Item2': a configured rename" in str(warnings[0])


def test_two_renames_to_one_name_are_an_error() -> None:
    with pytest.raises(GeneratorError, match="renames of 'a', 'b' all give 'X'"):
        normalise(
            spec(schemas={"a": {"type": "object"}, "b": {"type": "object"}}),
            mini_config(renames={"a": "X", "b": "X"}),
            frozenset(),
        )


def test_reference_cycles_are_errors() -> None:
    with pytest.raises(GeneratorError, match="circular \\$ref: #/components/parameters/p"):
        normalise(
            {**spec(), "components": {"parameters": {"p": {"$ref": "#/components/parameters/p"}}}},
            mini_config(),
            frozenset(),
        )


def test_a_self_referencing_list_gets_a_class_for_its_items() -> None:
    doc, _ = normalise(
        spec(schemas={"Tree": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}),
        mini_config(),
        frozenset(),
    )
    schemas = doc["components"]["schemas"]
    assert schemas["Tree"]["items"] == {"$ref": "#/components/schemas/TreeItem"}
    assert schemas["TreeItem"] == {"anyOf": [{"$ref": "#/components/schemas/Tree"}]}
    assert TypeNamer(doc).annotation({"$ref": "#/components/schemas/Tree"}) == "list[TreeItem]"


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
        ({"enum": ["a", "b", None]}, 'Literal["a", "b", None]'),
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


CLIENT_ATTRIBUTES = frozenset({"send", "base_url", "has_credentials"})


def _api_and_warnings(paths: dict[str, Any], **config: Any) -> Any:
    doc, _ = normalise(spec(paths=paths), mini_config(**config), frozenset())
    return build_api(doc, mini_config(**config), (), (), (), client_attributes=CLIENT_ATTRIBUTES)


def _api(paths: dict[str, Any], **config: Any) -> Any:
    return _api_and_warnings(paths, **config)[0]


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


def _get(operation_id: str, *parameters: dict[str, Any], tags: list[str] | None = None) -> Any:
    operation: dict[str, Any] = {
        "operationId": operation_id,
        "parameters": list(parameters),
        "responses": {"200": {"description": ""}},
    }
    return {"get": {**operation, "tags": tags} if tags else operation}


def test_clashing_arguments_take_their_location_then_a_number() -> None:
    item_path = {"name": "itemId", "in": "path", "required": True, "schema": {"type": "string"}}
    item_query = {"name": "item_id", "in": "query", "schema": {"type": "string"}}
    mixed = {"name": "mixedCase", "in": "query", "schema": {"type": "string"}}
    api, warnings = _api_and_warnings(
        {
            "/a/{itemId}": _get("a", item_path, item_query, mixed, {**mixed, "name": "mixed_case"}),
            "/b": _get("b", {"name": "self", "in": "query", "schema": {"type": "string"}}),
        }
    )
    a, b = api.operations
    assert [p.python_name for p in a.params] == [
        "item_id_path",
        "item_id_query",
        "mixed_case_query",
        "mixed_case_query_2",
    ]
    assert [p.python_name for p in b.params] == ["self_query"]
    assert "warning: #/paths/~1b/get: query parameter 'self' is named 'self_query'" in str(
        warnings[-1]
    )


def test_path_level_parameters_are_overridden_by_the_operation() -> None:
    shared = {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 5}}
    own = {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 9}}
    path_item = {**_get("a", own), "parameters": [shared]}
    ((op,),) = [tag.operations for tag in _api({"/a": path_item}).tags]
    assert [p.signature for p in op.params] == ["limit: int = 9"]


def test_clashing_operations_and_tags_take_numbers() -> None:
    api, warnings = _api_and_warnings(
        {
            "/a": _get("a", tags=["send"]),
            "/b": _get("a", tags=["send"]),
            "/c": _get("c", tags=["Has credentials"]),
        }
    )
    assert [t.python_name for t in api.tags] == ["send_api", "has_credentials_api"]
    assert [op.name for op in api.tags[0].operations] == ["a", "a_2"]
    assert [str(w) for w in warnings] == [
        "warning: #/tags: tag 'send' is named 'send_api': the client's 'send' is taken",
        "warning: #/tags: tag 'Has credentials' is named 'has_credentials_api': "
        "the client's 'has_credentials' is taken",
        "warning: #/paths/~1b/get: operation GET /b is named 'a_2': another operation "
        "of its tag is 'a' (set a name override in the config to choose)",
    ]


def test_invalid_ir_input_is_an_error() -> None:
    with pytest.raises(GeneratorError, match="a path parameter must have required: true"):
        _api({"/a/{x}": _get("a", {"name": "x", "in": "path", "schema": {"type": "string"}})})
    with pytest.raises(GeneratorError, match="path parameter \\{y\\} is not declared"):
        _api({"/a/{y}": _get("a")})


def test_normalise_does_not_touch_its_input() -> None:
    source = spec(schemas={"A": {"enum": ["x"]}})
    before = copy.deepcopy(source)
    normalise(source, mini_config(), frozenset())
    assert source == before


def test_public_static_modules_are_not_re_exported_at_the_root() -> None:
    from generator.assemble import _package_exports

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
        # The rendered module's error base, under the configured name.
        "._package": ["SfApiError"],
    }


#: A 3.1 schema with JSON Schema's boolean schemas where openapi-pydantic wants objects.
BOOLEAN_SCHEMAS = {
    "Payment": {
        "type": "object",
        "properties": {
            "source": {"anyOf": [{"type": "string"}, True], "unevaluatedProperties": False},
            "lines": {"type": "array", "prefixItems": [{"type": "string"}], "items": False},
        },
        "patternProperties": {"^x-": True},
    }
}


def test_boolean_schemas_of_3_1_are_valid() -> None:
    """``true`` and ``false`` are schemas in 3.1 (``unevaluatedProperties: false``):
    validated as ``{}`` and ``{"not": {}}``; the document itself is left as it is."""
    document = spec(schemas=copy.deepcopy(BOOLEAN_SCHEMAS))
    validate_spec(document, "payments.json")
    assert document["components"]["schemas"] == BOOLEAN_SCHEMAS
    converted = with_object_schemas(document)["components"]["schemas"]["Payment"]
    source = converted["properties"]["source"]
    assert source == {"anyOf": [{"type": "string"}, {}], "unevaluatedProperties": {"not": {}}}
    assert converted["properties"]["lines"]["items"] == {"not": {}}
    assert converted["patternProperties"] == {"^x-": {}}


def test_boolean_schemas_are_refused_in_3_0() -> None:
    """3.0 knows no boolean schemas (but for additionalProperties): still an error."""
    document = {**spec(schemas=copy.deepcopy(BOOLEAN_SCHEMAS)), "openapi": "3.0.3"}
    with pytest.raises(GeneratorError) as caught:
        validate_spec(document, "payments.json")
    assert any("/components/schemas/Payment/" in str(p) for p in caught.value.problems)


def _one_query_parameter(schema: dict[str, Any]) -> Any:
    """The IR and warnings of a document whose one operation takes a query parameter
    ``q`` of ``schema``."""
    parameter = {"name": "q", "in": "query", "schema": schema}
    operation = {
        "operationId": "find",
        "parameters": [parameter],
        "responses": {"200": {"description": ""}},
    }
    return _api_and_warnings({"/items": {"get": operation}})


def test_a_stray_null_default_of_a_parameter_is_a_warning() -> None:
    """``default: null`` on a string parameter: optional with None, and a warning."""
    api, warnings = _one_query_parameter({"type": "string", "default": None})
    (op,) = api.operations
    assert op.params[0].signature == "q: str | None = None"
    assert [str(w) for w in warnings] == [
        "warning: #/paths/~1items/get/parameters/0/schema/default: "
        "default null on a schema that is not nullable: read as no default"
    ]


def test_a_list_of_a_parameters_values_as_its_default_is_a_warning() -> None:
    """``default: [a]`` on a parameter that takes one of ``a``, ``b``: the default of a
    list written on its items; read as no default, with a warning."""
    schema = {"type": "string", "enum": ["a", "b"], "default": ["a"]}
    api, warnings = _one_query_parameter(schema)
    (op,) = api.operations
    assert op.params[0].signature == 'q: Literal["a", "b", None] = None'
    assert [str(w) for w in warnings] == [
        "warning: #/paths/~1items/get/parameters/0/schema/default: default is a list of the "
        "schema's values, not one of them (the default of a list written on its items): "
        "read as no default"
    ]


def test_enum_values_that_are_lists_or_objects_are_members() -> None:
    """JSON Schema lets an enum hold lists and objects: each is a member of the class."""
    from generator.model_source import schema_models_source

    source, _ = schema_models_source({"Shape": {"enum": [[], "a", {"b": [1]}, [1, 2]]}}, "")
    namespace: dict[str, Any] = {}
    exec(compile(source, "models.py", "exec"), namespace)
    assert [member.value for member in namespace["Shape"]] == [[], "a", {"b": [1]}, [1, 2]]


def test_multipart_fields_holding_files_or_lists_of_files() -> None:
    """OpenAPI 3.0 (``format: binary``) and 3.1 (``contentMediaType``) file fields, alone
    or in a list, required or optional (a union with ``null``, or a 3.1 type list holding
    ``null``), become file arguments."""
    binary = {"type": "string", "format": "binary"}
    typed = {"type": "string", "contentMediaType": "application/pdf"}
    properties = {
        "one": binary,
        "many": {"type": "array", "items": binary},
        "many31": {"type": "array", "items": typed},
        "maybe": {"anyOf": [{"type": "array", "items": typed}, {"type": "null"}]},
        "maybe_one": {"anyOf": [typed, {"type": "null"}]},
        "maybe_many": {"type": ["array", "null"], "items": typed},
        "names": {"type": "array", "items": {"type": "string"}},
    }
    body = {
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["many31"], "properties": properties}
            }
        }
    }
    api = _api({"/u": {"post": {"requestBody": body, "responses": {"200": {"description": ""}}}}})
    (op,) = api.operations
    assert op.body is not None
    fields = {f.name: (f.annotation, f.is_file, f.required) for f in op.body.fields}
    assert fields == {
        "one": ("FileContent", True, False),
        "many": ("list[FileContent]", True, False),
        "many31": ("list[FileContent]", True, True),
        "maybe": ("list[FileContent]", True, False),
        "maybe_one": ("FileContent", True, False),
        "maybe_many": ("list[FileContent]", True, False),
        "names": ("list[str]", False, False),
    }


def test_async_names_defined_in_any_block_derive_their_sync_names() -> None:
    """``AsyncX`` classes, functions and assignments become ``X`` wherever the module
    defines them, nested blocks included; a name only bound in an expression (a
    comprehension) defines nothing."""
    from generator.sync import derived_replacements

    source = """
class AsyncA: pass
if flag:
    AsyncB = 1
else:
    def AsyncC(): pass
try:
    pass
except Exception:
    class AsyncD: pass
finally:
    AsyncE = 2
match value:
    case 1:
        AsyncF = 3
def outer():
    class AsyncG:
        async def AsyncH(self): pass
with manager:
    for item in items:
        while True:
            AsyncI = 4
names = [AsyncJ for AsyncJ in ()]
"""
    derived = derived_replacements({"module.py": source})
    # (the rest are httpx2's AsyncClient and the like)
    assert {name: derived[name] for name in derived if len(name) == len("AsyncA")} == {
        f"Async{letter}": letter for letter in "ABCDEFGHI"
    }
