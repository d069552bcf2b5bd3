"""``ls`` keeps every listed path inside the listed folder: entry names the server sends
that are not one name in it are left out with a WARNING, and the rest stay listable."""

from __future__ import annotations

import logging

import pytest

from sfapi_client import AsyncClient
from tests.runtime.hostile_server import Reply, hostile

API = "/api/v1.2"
STATUS = {"name": "perlmutter", "status": "active"}
HOME = "/global/homes/a/alice"


def _entry(name: str, perms: str = "-rw-r--r--") -> dict[str, object]:
    return {"name": name, "perms": perms, "user": "alice", "group": "alice", "size": 1.0}


BAD_NAMES = ["/etc/passwd", "", "sub/../../x", "bad\x01name", "tab\tname", "..", "."]


async def test_bad_entry_names_are_left_out_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    entries = [
        _entry(".", "drwxr-xr-x"),
        _entry("..", "drwxr-xr-x"),
        _entry("good.txt"),
        *(_entry(name) for name in BAD_NAMES),
        _entry("link -> /etc/passwd", "lrwxrwxrwx"),
        _entry("...hidden"),
    ]
    listing = {"status": "OK", "entries": entries, "error": None}
    script = {API + "/status": [Reply(200, STATUS)], API: [Reply(200, listing)]}
    with hostile(script) as (_, root):
        async with AsyncClient(access_token="t", api_base_url=root + API) as client:
            compute = await client.compute("perlmutter")
            with caplog.at_level(logging.WARNING, logger="sfapi_client"):
                listed = await compute.ls(HOME)
    assert [str(path) for path in listed] == [
        f"{HOME}/good.txt",
        f"{HOME}/link",
        f"{HOME}/...hidden",
    ]
    assert all(path.parent.path.as_posix() == HOME for path in listed)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == len(BAD_NAMES)
    text = "\n".join(r.getMessage() for r in warnings)
    assert "'/etc/passwd' left out" in text and "'' left out: an empty name" in text
    assert "\x01" not in text and "'bad\\x01name' left out" in text


async def test_a_name_that_is_not_utf8_leaves_the_rest_of_the_folder_listable(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A server written in Python sends a file name whose bytes are not UTF-8 as an
    escaped lone surrogate (``"\\udcff"``): valid JSON that pydantic's parser refused as a
    whole, so one such file made its folder unlistable."""
    entries = [
        _entry(".", "drwxr-xr-x"),
        _entry("..", "drwxr-xr-x"),
        _entry("caf\udce9.txt"),
        _entry("good.txt"),
        _entry("\ud83d\ude00.txt"),
    ]
    listing = {"status": "OK", "entries": entries, "error": None}
    assert b"\\udce9" in Reply(200, listing).payload()  # sent as the escape
    script = {API + "/status": [Reply(200, STATUS)], API: [Reply(200, listing)]}
    with hostile(script) as (_, root):
        async with AsyncClient(access_token="t", api_base_url=root + API) as client:
            compute = await client.compute("perlmutter")
            with caplog.at_level(logging.WARNING, logger="sfapi_client"):
                listed = await compute.ls(HOME)
    assert [str(path) for path in listed] == [f"{HOME}/good.txt", f"{HOME}/\U0001f600.txt"]
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "'caf\\udce9.txt' left out" in warning and "not valid Unicode" in warning
