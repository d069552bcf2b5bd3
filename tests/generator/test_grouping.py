"""Operations without tags are grouped by their path, so that a large untagged document
gives a module per resource rather than one huge ``default`` module; tags, where
given, decide alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.config import load_config
from generator.grouping import path_groups
from generator.pipeline import generate
from tests.generator.conftest import minimal_config


def _operation(operation_id: str, tags: list[str] | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": operation_id,
        "responses": {"204": {"description": "done"}},
    }
    if tags is not None:
        operation["tags"] = tags
    return operation


def _document(paths: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {"openapi": "3.0.3", "info": {"title": "shop", "version": "1"}, "paths": paths}


def test_the_prefix_every_path_shares_is_skipped() -> None:
    groups = path_groups(["/v1/customers", "/v1/customers/{id}", "/v1/charges/{id}/refund"])
    assert groups == {
        "/v1/customers": "customers",
        "/v1/customers/{id}": "customers",
        "/v1/charges/{id}/refund": "charges",
    }


def test_a_prefix_is_kept_where_a_path_would_have_nothing_left() -> None:
    assert path_groups(["/pets", "/pets/{id}"]) == {"/pets": "pets", "/pets/{id}": "pets"}
    assert path_groups(["/v1/customers/{id}"]) == {"/v1/customers/{id}": "customers"}


def test_a_path_without_a_literal_segment_goes_to_default() -> None:
    assert path_groups(["/", "/{id}", "/v2"]) == {"/": "default", "/{id}": "default", "/v2": "v2"}
    assert path_groups([]) == {}


def test_an_untagged_document_gets_a_module_per_resource(tmp_path: Path) -> None:
    """Each group is a client attribute and an endpoint module of its own, async and
    sync; no ``default`` module is left when every path has a literal segment."""
    document = tmp_path / "shop.json"
    paths = {
        "/v1/customers": {"get": _operation("listCustomers"), "post": _operation("addCustomer")},
        "/v1/customers/{id}": {"delete": _operation("deleteCustomer")},
        "/v1/charges/{id}": {"get": _operation("getCharge")},
        "/v1/invoices": {"get": _operation("listInvoices")},
    }
    for operation in ("deleteCustomer", "getCharge"):
        item = next(i for i in paths.values() for o in i.values() if o["operationId"] == operation)
        next(iter(item.values()))["parameters"] = [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        ]
    document.write_text(json.dumps(_document(paths)), encoding="utf-8")
    result = generate(load_config(minimal_config(tmp_path, document)), tmp_path, force=True)
    for side in ("_async", "_sync"):
        modules = {
            name.rsplit("/", 1)[1]
            for name in result.files
            if name.startswith(f"{side}/endpoints/") and not name.endswith("__init__.py")
        }
        assert modules == {"customers.py", "charges.py", "invoices.py"}
    customers = result.files["_sync/endpoints/customers.py"]
    for method in ("def list_customers(", "def add_customer(", "def delete_customer("):
        assert method in customers
    assert "def get_charge(" in result.files["_sync/endpoints/charges.py"]
    client = result.files["_sync/api_client.py"]
    for attribute in ("def customers(", "def charges(", "def invoices("):
        assert attribute in client
    assert "def default(" not in client
    assert '"""Operations without a tag, grouped by their path: ``customers``."""' in customers


def test_tags_decide_where_given(tmp_path: Path) -> None:
    """Tagged operations keep their tag's group; only the untagged one is grouped by path."""
    document = tmp_path / "tagged.json"
    paths = {
        "/v1/customers": {"get": _operation("listCustomers", ["people"])},
        "/v1/charges": {"get": _operation("listCharges", ["money"])},
        "/v1/invoices": {"get": _operation("listInvoices")},
    }
    document.write_text(json.dumps(_document(paths)), encoding="utf-8")
    result = generate(load_config(minimal_config(tmp_path, document)), tmp_path, force=True)
    modules = {
        name.rsplit("/", 1)[1]
        for name in result.files
        if name.startswith("_async/endpoints/") and not name.endswith("__init__.py")
    }
    assert modules == {"people.py", "money.py", "invoices.py"}
    assert '"""Operations of the ``people`` tag."""' in result.files["_async/endpoints/people.py"]
    invoices = result.files["_async/endpoints/invoices.py"]
    assert '"""Operations without a tag, grouped by their path: ``invoices``."""' in invoices
