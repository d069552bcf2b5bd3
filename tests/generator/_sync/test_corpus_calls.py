# Generated from tests/generator/_async/test_corpus_calls.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Clients generated from five corpus documents call every operation of their API on a
real server (``corpus_servers.py``, on 127.0.0.1), and get typed answers back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlencode

import pydantic
import pytest

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
        added = client.pets.add_pet(body=package.NewPet(name="Tom", tag="cat"))
        assert isinstance(added, package.Pet) and added.name == "Tom" and added.id > 1
        cats = client.pets.find_pets(tags=["cat"], limit=5)
        assert [pet.id for pet in cats] == [added.id]
        assert (client.pets.find_pet_by_id(added.id)).tag == "cat"
        assert client.pets.delete_pet(added.id) is None
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
        user = client.users.get_user_by_name("bob")
        api = client.repositories
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
        details = client.v2.get_version_detailsv2()
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


def test_a_document_split_over_several_files(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    """Path items, parameters, responses and schemas from other files: typed answers,
    the shared schemas as classes of their own (a recursive one included), the document's
    bearer scheme applied."""
    package, client, since = _open(corpus_package, corpus_server, "split-droplets.yaml")
    auth = package.BearerTokenAuth("split-token")
    with package.ApiClient(client.base_url, auth=auth) as client:
        page = client.droplets.list_droplets(per_page=1)
        assert isinstance(page, package.ListDropletsResponse)
        assert isinstance(page.droplets[0].region, package.Region)
        assert isinstance(page.links, package.Tree) and page.links.children
        assert isinstance(page.links.children[0], package.Tree)
        new = package.DropletCreate(name="web-2", region="sfo3", tags=["a"])
        created = client.droplets.create_droplet(body=new)
        assert isinstance(created, package.Droplet) and created.region.slug == "sfo3"
        assert (client.droplets.get_droplet(created.id)).name == "web-2"
        with pytest.raises(package.NotFoundError):
            client.droplets.get_droplet(99)
    with package.ApiClient(client.base_url) as anonymous:
        with pytest.raises(package.MissingCredentialsError) as refused:
            anonymous.droplets.get_droplet(1)
    # The advice names the generic client's own arguments, nothing of another API.
    assert "create the client with auth=" in str(refused.value)
    seen = corpus_server[1][since:]
    assert [entry["authorization"] for entry in seen] == ["Bearer split-token"] * 4
    assert seen[0]["query"] == [("per_page", "1")]
    assert seen[1]["json"] == {"name": "web-2", "region": "sfo3", "tags": ["a"]}
    assert _calls(corpus_server, since) == [
        ("GET", "/split/droplets"),
        ("POST", "/split/droplets"),
        ("GET", f"/split/droplets/{created.id}"),
        ("GET", "/split/droplets/99"),
    ]


def test_auth_is_sent_where_the_document_says_nothing_of_security(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    """No security schemes: the user's auth goes with every operation but the one that
    declares ``security: []``; without auth, nothing is refused before sending."""
    package, client, since = _open(corpus_package, corpus_server, "no-security-schemes.yaml")
    auth = package.BearerTokenAuth("gh-token")
    with package.ApiClient(client.base_url, auth=auth) as client:
        assert (client.user.get_authenticated_user()).login == "alice"
        assert client.meta.get_meta() == {"version": "1"}
    with package.ApiClient(client.base_url) as anonymous:
        assert (anonymous.user.get_authenticated_user()).login == "anonymous"
    seen = corpus_server[1][since:]
    assert [(entry["path"], entry["authorization"]) for entry in seen] == [
        ("/nosec/user", "Bearer gh-token"),
        ("/nosec/meta", None),
        ("/nosec/user", None),
    ]


def test_form_fields_follow_their_encoding_on_the_wire(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    """Each style as OpenAPI's style tables write a field ``color`` (3.0.3 section
    4.7.12.4, 3.1.0 section 4.8.12.4): array ``["blue", "black", "brown"]``, object
    ``{"R": 100, "G": 200, "B": 150}``; the body is the standard form encoding of those
    pairs, byte for byte."""
    package, client, since = _open(corpus_package, corpus_server, "form-styles.yaml")
    colors = ["blue", "black", "brown"]
    rgb = {"R": 100, "G": 200, "B": 150}
    with client:
        answer = client.customers.create_customer(
            email="a@example.org",
            metadata={"order": "6735", "note": "rush [1]"},
            expand=["customer", "invoice.subscription"],
            items=[package.Item(price="price_1", quantity=2), package.Item(price="price_2")],
            address=package.Address(line1="1 Main St", city="Berkeley"),
            color_list=colors,
            color_object=rgb,
            rgb=rgb,
            spaced=colors,
            piped=colors,
            piped_object=rgb,
            shipping=package.Address(city="Oakland"),
            tags=["a", "b"],
        )
    expected = [
        ("email", "a@example.org"),
        # deepObject: metadata[key]=value, expand[]=a, items[0][price]=p
        ("metadata[order]", "6735"),
        ("metadata[note]", "rush [1]"),
        ("expand[]", "customer"),
        ("expand[]", "invoice.subscription"),
        ("items[0][price]", "price_1"),
        ("items[0][quantity]", "2"),
        ("items[1][price]", "price_2"),
        ("address[line1]", "1 Main St"),
        ("address[city]", "Berkeley"),
        # form, explode false: color=blue,black,brown and color=R,100,G,200,B,150
        ("color_list", "blue,black,brown"),
        ("color_object", "R,100,G,200,B,150"),
        # form, explode true, an object: R=100&G=200&B=150
        ("R", "100"),
        ("G", "200"),
        ("B", "150"),
        # spaceDelimited and pipeDelimited, explode false
        ("spaced", "blue black brown"),
        ("piped", "blue|black|brown"),
        ("piped_object", "R|100|G|200|B|150"),
        # no encoding: an object as JSON, a list repeated
        ("shipping", '{"city":"Oakland"}'),
        ("tags", "a"),
        ("tags", "b"),
    ]
    assert [tuple(pair) for pair in answer["form"]] == expected
    entry = corpus_server[1][since]
    assert entry["body"] == urlencode(expected).encode()
    assert b"metadata%5Border%5D=6735" in entry["body"]


def test_query_parameters_follow_their_style_on_the_wire(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    """``deepObject`` lists and objects (``expand[]=a``, ``created[gte]=1``), ``form`` not
    exploded (``ids=a,b``), and an object without a style as OpenAPI's default for a
    query (``form``, exploded: ``R=100&G=200``)."""
    _, client, _ = _open(corpus_package, corpus_server, "form-styles.yaml")
    with client:
        answer = client.customers.retrieve_customer(
            "cus_1",
            expand=["customer", "invoice.subscription"],
            created={"gte": 1700000000, "lt": 1800000000},
            ids=["a", "b"],
            rgb={"R": 100, "G": 200},
        )
    expected = [
        ("expand[]", "customer"),
        ("expand[]", "invoice.subscription"),
        ("created[gte]", "1700000000"),
        ("created[lt]", "1800000000"),
        ("ids", "a,b"),
        ("R", "100"),
        ("G", "200"),
    ]
    assert [tuple(pair) for pair in answer["query"]] == expected
    assert answer["raw"] == urlencode(expected)


def test_multipart_fields_follow_their_encoding(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    _, client, _ = _open(corpus_package, corpus_server, "form-styles.yaml")
    with client:
        answer = client.files.upload_file(
            file=("report.csv", b"a,b\n"),
            purpose="dispute_evidence",
            file_link_data={"create": True, "metadata": {"case": "7"}},
            tags=["x", "y"],
        )
    assert [tuple(part) for part in answer["parts"]] == [
        ("purpose", "dispute_evidence"),
        ("file_link_data[create]", "true"),
        ("file_link_data[metadata][case]", "7"),
        ("tags", "x,y"),
        ("file", "report.csv", 4),
    ]


def test_a_field_of_an_empty_enum_stays_unset(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    """``enum: []`` takes no value: the field is None, the parameter only None (not sent)."""
    package, client, since = _open(corpus_package, corpus_server, "empty-enums.yaml")
    with client:
        channel = client.channels.get_channel("c1", reserved=None)
    assert isinstance(channel, package.Channel) and channel.flags is None
    assert corpus_server[1][since]["query"] == []


def test_one_way_properties_are_required_only_the_way_they_go(
    corpus_package: Callable[[str], ModuleType], corpus_server: Server
) -> None:
    """An answer without its write-only properties parses, a body is built and sent
    without its read-only ones; every other required property stays required, and a
    read-only one stays required in a schema only responses use."""
    package, client, since = _open(corpus_package, corpus_server, "read-write-only.yaml")
    with client:
        account = client.accounts.get_account(7)
        assert isinstance(account, package.Account)
        assert (account.id, account.login, account.password) == (7, "alice", None)
        session = package.SessionRequest(login="alice", password="pw")
        assert client.accounts.open_session(body=session) is None
        widget = package.Widget(name="w", colour="red", secret="s")
        stored = client.widgets.put_widget(3, body=widget)
        assert isinstance(stored, package.Widget) and isinstance(stored.stamp, package.Stamp)
        assert (stored.id, stored.secret, stored.stamp.by) == (3, None, "server")
    assert [entry.get("json") for entry in corpus_server[1][since:]] == [
        None,
        {"login": "alice", "password": "pw"},
        {"name": "w", "colour": "red", "secret": "s"},
    ]
    assert _calls(corpus_server, since) == [
        ("GET", "/rw/accounts/7"),
        ("POST", "/rw/sessions"),
        ("PUT", "/rw/widgets/3"),
    ]
    for model, data, missing in (
        (package.Account, {"login": "alice"}, "id"),
        (package.SessionRequest, {"login": "alice"}, "password"),
        (package.Widget, {"name": "w"}, "colour"),
        (package.Audit, {}, "at"),
    ):
        with pytest.raises(pydantic.ValidationError, match=missing):
            model.model_validate(data)
