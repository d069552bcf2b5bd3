# Generated from tests/generator/_async/test_corpus_calls.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Clients generated from five corpus documents call every operation of their API on a
real server (``corpus_servers.py``, on 127.0.0.1), and get typed answers back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.generator.corpus_servers import PREFIXES

Server = tuple[str, list[dict[str, Any]]]


def _open(
    corpus_package: Callable[[str], ModuleType], server: Server, document: str
) -> tuple[ModuleType, Any, int]:
    """The document's package, a client of its server, and how many requests came before."""
    package = corpus_package(document)
    origin, seen = server
    return package, package.ApiClient(origin + PREFIXES[document]), len(seen)


def _calls(server: Server, since: int) -> list[tuple[str, str]]:
    return [(entry["method"], entry["path"]) for entry in server[1][since:]]


def test_petstore_expanded(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    package, client, since = _open(corpus_package, corpus_server, "petstore-expanded.json")
    with client:
        added = client.default.add_pet(body=package.NewPet(name="Tom", tag="cat"))
        assert isinstance(added, package.Pet) and added.name == "Tom" and added.id > 1
        cats = client.default.find_pets(tags=["cat"], limit=5)
        assert [pet.id for pet in cats] == [added.id]
        assert (client.default.find_pet_by_id(added.id)).tag == "cat"
        assert client.default.delete_pet(added.id) is None
    assert corpus_server[1][since]["json"] == {"name": "Tom", "tag": "cat"}
    assert corpus_server[1][since + 1]["query"] == [("tags", "cat"), ("limit", "5")]
    assert _calls(corpus_server, since) == [
        ("POST", "/petstore/pets"),
        ("GET", "/petstore/pets"),
        ("GET", f"/petstore/pets/{added.id}"),
        ("DELETE", f"/petstore/pets/{added.id}"),
    ]


def test_uspto(corpus_package: Callable[[str], ModuleType], corpus_server: Server) -> None:
    package, client, since = _open(corpus_package, corpus_server, "uspto.json")
    with client:
        listing = client.metadata.list_data_sets()
        assert isinstance(listing, package.DataSetList) and listing.apis
        api = listing.apis[0]
        fields = client.metadata.list_searchable_fields(api.apiKey, api.apiVersionNumber)
        assert fields == "fields of oa_citations v1"
        found = client.search.perform_search(
            "v1", "oa_citations", criteria="patentNumber:1", rows=5
        )
        assert found == [{"record": {"dataset": "oa_citations", "criteria": "patentNumber:1"}}]
    assert corpus_server[1][-1]["form"] == [
        ("criteria", "patentNumber:1"),
        ("start", "0"),
        ("rows", "5"),
    ]
    assert _calls(corpus_server, since) == [
        ("GET", "/uspto/"),
        ("GET", "/uspto/oa_citations/v1/fields"),
        ("POST", "/uspto/oa_citations/v1/records"),
    ]


def test_link_example(corpus_package: Callable[[str], ModuleType], corpus_server: Server) -> None:
    package, client, since = _open(corpus_package, corpus_server, "link-example.yaml")
    with client:
        api = client.default
        user = api.get_user_by_name("bob")
        assert isinstance(user, package.User) and user.username == "bob"
        (repository,) = api.get_repositories_by_owner("bob")
        assert isinstance(repository.owner, package.User)
        assert (api.get_repository("bob", "tools")).slug == "tools"
        (pull,) = api.get_pull_requests_by_repository("bob", "tools", state="open")
        assert isinstance(pull, package.Pullrequest)
        assert (api.get_pull_requests_by_id("bob", "tools", "7")).id == 7
        assert api.merge_pull_request("bob", "tools", "7") is None
    base = "/links/2.0/repositories/bob/tools"
    assert _calls(corpus_server, since) == [
        ("GET", "/links/2.0/users/bob"),
        ("GET", "/links/2.0/repositories/bob"),
        ("GET", base),
        ("GET", f"{base}/pullrequests"),
        ("GET", f"{base}/pullrequests/7"),
        ("POST", f"{base}/pullrequests/7/merge"),
    ]
    assert corpus_server[1][since + 3]["query"] == [("state", "open")]


def test_api_with_examples(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    _, client, since = _open(corpus_package, corpus_server, "api-with-examples.yaml")
    with client:
        versions = client.default.list_versionsv2()
        details = client.default.get_version_detailsv2()
    assert versions["versions"][0]["id"] == "v2.0"
    assert details["version"]["status"] == "CURRENT"
    assert _calls(corpus_server, since) == [("GET", "/versions/"), ("GET", "/versions/v2")]


def test_file_uploads(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.bin"
    first.write_bytes(b"one")
    second.write_bytes(bytes(range(256)) * 4)
    _, client, since = _open(corpus_package, corpus_server, "file-uploads.yaml")
    with client:
        api = client.multipart_form_data
        with first.open("rb") as one, second.open("rb") as two:
            api.put_anything_multipart_formdata(filename=[(first.name, one), (second.name, two)])
        api.put_anything_multipart_formdata()
        api.post_anything_multipart_formdata(order_id=7, document_file=b"scan")
    assert _calls(corpus_server, since) == [("PUT", "/uploads/anything/multipart-formdata")] * 2 + [
        ("POST", "/uploads/anything/multipart-formdata")
    ]
    uploaded, empty, single = corpus_server[1][since:]
    assert uploaded["parts"] == [("filename", "first.txt", 3), ("filename", "second.bin", 1024)]
    assert "parts" not in empty
    assert single["parts"] == [("orderId", "7"), ("documentFile", "documentFile", 4)]
