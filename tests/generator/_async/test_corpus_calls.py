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
    return package, package.AsyncApiClient(origin + PREFIXES[document]), len(seen)


def _calls(server: Server, since: int) -> list[tuple[str, str]]:
    return [(entry["method"], entry["path"]) for entry in server[1][since:]]


async def test_petstore_expanded(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    package, client, since = _open(corpus_package, corpus_server, "petstore-expanded.json")
    async with client:
        added = await client.default.add_pet(body=package.NewPet(name="Tom", tag="cat"))
        assert isinstance(added, package.Pet) and added.name == "Tom" and added.id > 1
        cats = await client.default.find_pets(tags=["cat"], limit=5)
        assert [pet.id for pet in cats] == [added.id]
        assert (await client.default.find_pet_by_id(added.id)).tag == "cat"
        assert await client.default.delete_pet(added.id) is None
    assert corpus_server[1][since]["json"] == {"name": "Tom", "tag": "cat"}
    assert corpus_server[1][since + 1]["query"] == [("tags", "cat"), ("limit", "5")]
    assert _calls(corpus_server, since) == [
        ("POST", "/petstore/pets"),
        ("GET", "/petstore/pets"),
        ("GET", f"/petstore/pets/{added.id}"),
        ("DELETE", f"/petstore/pets/{added.id}"),
    ]


async def test_uspto(corpus_package: Callable[[str], ModuleType], corpus_server: Server) -> None:
    package, client, since = _open(corpus_package, corpus_server, "uspto.json")
    async with client:
        listing = await client.metadata.list_data_sets()
        assert isinstance(listing, package.DataSetList) and listing.apis
        api = listing.apis[0]
        fields = await client.metadata.list_searchable_fields(api.apiKey, api.apiVersionNumber)
        assert fields == "fields of oa_citations v1"
        found = await client.search.perform_search(
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


async def test_link_example(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    package, client, since = _open(corpus_package, corpus_server, "link-example.yaml")
    async with client:
        api = client.default
        user = await api.get_user_by_name("bob")
        assert isinstance(user, package.User) and user.username == "bob"
        (repository,) = await api.get_repositories_by_owner("bob")
        assert isinstance(repository.owner, package.User)
        assert (await api.get_repository("bob", "tools")).slug == "tools"
        (pull,) = await api.get_pull_requests_by_repository("bob", "tools", state="open")
        assert isinstance(pull, package.Pullrequest)
        assert (await api.get_pull_requests_by_id("bob", "tools", "7")).id == 7
        assert await api.merge_pull_request("bob", "tools", "7") is None
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


async def test_api_with_examples(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    _, client, since = _open(corpus_package, corpus_server, "api-with-examples.yaml")
    async with client:
        versions = await client.default.list_versionsv2()
        details = await client.default.get_version_detailsv2()
    assert versions["versions"][0]["id"] == "v2.0"
    assert details["version"]["status"] == "CURRENT"
    assert _calls(corpus_server, since) == [("GET", "/versions/"), ("GET", "/versions/v2")]


async def test_file_uploads(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.bin"
    first.write_bytes(b"one")
    second.write_bytes(bytes(range(256)) * 4)
    _, client, since = _open(corpus_package, corpus_server, "file-uploads.yaml")
    async with client:
        api = client.multipart_form_data
        with first.open("rb") as one, second.open("rb") as two:
            await api.put_anything_multipart_formdata(
                filename=[(first.name, one), (second.name, two)]
            )
        await api.put_anything_multipart_formdata()
        await api.post_anything_multipart_formdata(order_id=7, document_file=b"scan")
    assert _calls(corpus_server, since) == [("PUT", "/uploads/anything/multipart-formdata")] * 2 + [
        ("POST", "/uploads/anything/multipart-formdata")
    ]
    uploaded, empty, single = corpus_server[1][since:]
    assert uploaded["parts"] == [("filename", "first.txt", 3), ("filename", "second.bin", 1024)]
    assert "parts" not in empty
    assert single["parts"] == [("orderId", "7"), ("documentFile", "documentFile", 4)]
