"""The generated fixture client, called over real HTTP: every construct of the fixture
spec reaches the server as the spec says, and every answer comes back typed."""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

import pytest

Seen = list[dict[str, Any]]


def make(fixture_client: ModuleType, server: tuple[str, Seen]) -> Any:
    base_url, _ = server
    return fixture_client.AsyncClient(base_url, headers={"Authorization": "Bearer fixture"})


async def test_query_header_and_list_response(
    fixture_client: ModuleType, fixture_server: tuple[str, Seen]
) -> None:
    async with make(fixture_client, fixture_server) as client:
        items = await client.items.list_items(
            tag=["a", "b"], kind="small", x_trace="t-1", kwargs=["x=1", "y=2"]
        )
    request = fixture_server[1][-1]
    assert request["query"] == [
        ("tag", "a"),
        ("tag", "b"),
        ("limit", "10"),
        ("kind", "small"),
        ("kwargs", "x=1"),
        ("kwargs", "y=2"),
    ]
    assert request["headers"]["x-trace"] == "t-1"
    (item,) = items
    assert isinstance(item, fixture_client.models.Item)
    assert item.created == dt.date(2026, 11, 1) and item.date == dt.date(2026, 11, 25)
    assert item.grid == [[1.0, 2.5]] and item.attributes == {"colour": "black"}
    assert isinstance(item.owner, fixture_client.models.ClientModel)


async def test_json_body_and_created_status(
    fixture_client: ModuleType, fixture_server: tuple[str, Seen]
) -> None:
    models = fixture_client.models
    async with make(fixture_client, fixture_server) as client:
        item = await client.items.create_item(
            body=models.NewItem(name="hammer", size=models.Size.M)
        )
    assert fixture_server[1][-1]["json"] == {"name": "hammer", "size": "M"}
    assert item.name == "hammer"


async def test_path_form_body_and_in_band_error(
    fixture_client: ModuleType, fixture_server: tuple[str, Seen]
) -> None:
    async with make(fixture_client, fixture_server) as client:
        renamed = await client.items.rename_item(5, name="tongs", labels=["x", "y"])
        assert renamed.item is not None and renamed.item.name == "tongs"
        assert fixture_server[1][-1]["form"] == [
            ("name", "tongs"),
            ("labels", "x"),
            ("labels", "y"),
            ("pinned", "false"),
        ]
        with pytest.raises(fixture_client.ApiErrorStatus, match="names may not be bad"):
            await client.items.rename_item(5, name="bad")


async def test_errors_are_typed(
    fixture_client: ModuleType, fixture_server: tuple[str, Seen]
) -> None:
    async with make(fixture_client, fixture_server) as client:
        with pytest.raises(fixture_client.NotFoundError, match="no such item"):
            await client.items.get_item(0)
        with pytest.raises(fixture_client.RequestValidationError) as caught:
            await client.items.list_items(limit=0)
    assert caught.value.detail[0]["loc"] == ["query", "limit"]
    assert caught.value.status == 422 and "GET" in str(caught.value)


async def test_empty_response(fixture_client: ModuleType, fixture_server: tuple[str, Seen]) -> None:
    async with make(fixture_client, fixture_server) as client:
        assert await client.items.delete_item(3) is None
    assert fixture_server[1][-1]["method"] == "DELETE"


async def test_multipart_upload_binary_download_and_slashes(
    fixture_client: ModuleType, fixture_server: tuple[str, Seen]
) -> None:
    async with make(fixture_client, fixture_server) as client:
        stored = await client.files.upload(
            "scratch", "/deep/dir/data.bin", file=("data.bin", b"12345"), comment="c"
        )
        assert fixture_server[1][-1]["raw_path"] == "/v0/files/scratch//deep/dir/data.bin"
        assert stored.bytes == 5 and stored.comment == "c"
        content = await client.files.download("a b", "/x/y.bin")
    assert fixture_server[1][-1]["raw_path"] == "/v0/files/a%20b//x/y.bin"
    assert content == b"\x00\x01binary/x/y.bin"


async def test_operation_without_tag_or_id_and_public(
    fixture_client: ModuleType, fixture_server: tuple[str, Seen]
) -> None:
    base_url, seen = fixture_server
    async with fixture_client.AsyncClient(base_url) as client:
        assert await client.ping.get_ping() == "pong"
        with pytest.raises(fixture_client.MissingCredentialsError):
            await client.items.get_item(1)
    assert "authorization" not in seen[-1]["headers"]
