# Generated from tests/runtime/_async/test_request_paths.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""The URL sent is always the path the caller meant: ``.``/``..`` segments, NUL and
control characters and invalid text are refused before any request, at the low level
and in the ergonomic layer; ordinary odd names still reach the server byte for byte."""

from __future__ import annotations

import pytest

from sfapi_client import ApiClient, Client, RemotePath, ResponseDecodeError
from tests.runtime.hostile_server import Reply, hostile

API = "/api/v1.2"
TOKEN = {"Authorization": "Bearer t"}
LS_OK = {"status": "OK", "entries": [], "error": None}
STATUS = {"name": "perlmutter", "status": "active"}
HOME = "/global/homes/a/alice"

REFUSED = [
    f"{HOME}/../../../../evil/up",
    f"{HOME}/./x",
    f"{HOME}/..",
    "/..",
    f"{HOME}/a\x00b",
    f"{HOME}/a\nb",
    f"{HOME}/a\x7fb",
    f"{HOME}/bad-\udcff-name",
]


@pytest.mark.parametrize("path", REFUSED)
def test_low_level_path_parameters_are_refused_before_any_request(path: str) -> None:
    with hostile({API: [Reply(200, LS_OK)]}) as (server, root):
        with ApiClient(root + API, headers=TOKEN) as client:
            with pytest.raises(ValueError, match=r"refused|control character|not valid Unicode"):
                client.utilities.ls("perlmutter", path)
            with pytest.raises(ValueError):
                client.utilities.upload_file("perlmutter", path, file=b"payload")
    assert server.arrivals == []


@pytest.mark.parametrize("jobid", ["..", ".", "1\n2"])
def test_a_single_segment_parameter_cannot_change_the_url(jobid: str) -> None:
    with hostile({API: [Reply(200, {"status": "OK", "output": []})]}) as (server, root):
        with ApiClient(root + API, headers=TOKEN) as client:
            with pytest.raises(ValueError):
                client.compute.read_job("perlmutter", jobid)
    assert server.arrivals == []


def test_unusual_but_valid_names_reach_the_server_as_written() -> None:
    names = ["x y.txt", "...", "..hidden", "a..b", "ünï", "100%", "q?x#y"]
    with hostile({API: [Reply(200, LS_OK)]}) as (server, root):
        with ApiClient(root + API, headers=TOKEN) as client:
            for name in names:
                client.utilities.ls("perlmutter", f"{HOME}/{name}")
    sent = [a.path for a in server.arrivals]
    assert sent == [
        f"{API}/utilities/ls/perlmutter/{HOME}/x%20y.txt",
        f"{API}/utilities/ls/perlmutter/{HOME}/...",
        f"{API}/utilities/ls/perlmutter/{HOME}/..hidden",
        f"{API}/utilities/ls/perlmutter/{HOME}/a..b",
        f"{API}/utilities/ls/perlmutter/{HOME}/%C3%BCn%C3%AF",
        f"{API}/utilities/ls/perlmutter/{HOME}/100%25",
        f"{API}/utilities/ls/perlmutter/{HOME}/q%3Fx%23y",
    ]


@pytest.mark.parametrize("path", REFUSED)
def test_ergonomic_paths_are_refused_with_the_argument_named(path: str) -> None:
    with hostile({API + "/status": [Reply(200, STATUS)], API: [Reply(200, LS_OK)]}) as (
        server,
        root,
    ):
        with Client(access_token="t", api_base_url=root + API) as client:
            compute = client.compute("perlmutter")
            seen = len(server.arrivals)
            with pytest.raises(ValueError, match="remote path"):
                compute.ls(path)
            with pytest.raises(ValueError, match="remote path"):
                RemotePath(path, compute).download()
            with pytest.raises(ValueError, match=r"job script path|not valid Unicode"):
                compute.submit_job(path)
            home = RemotePath(HOME, compute)
            with pytest.raises(ValueError):
                (home / "..").upload(b"data")
            assert len(server.arrivals) == seen


def test_repeated_and_trailing_slashes_are_normalised() -> None:
    with hostile({API + "/status": [Reply(200, STATUS)], API: [Reply(200, LS_OK)]}) as (_, root):
        with Client(access_token="t", api_base_url=root + API) as client:
            compute = client.compute("perlmutter")
            assert str(RemotePath("/global//homes/a/alice/", compute)) == HOME


def test_an_id_from_the_service_that_would_change_a_url_is_a_decode_error() -> None:
    script = {
        API + "/status": [Reply(200, STATUS)],
        API + "/utilities/command": [Reply(200, {"task_id": "..", "status": "OK", "error": None})],
        API: [Reply(200, {"id": "1", "status": "completed", "result": "{}"})],
    }
    with hostile(script) as (server, root):
        with Client(access_token="t", api_base_url=root + API) as client:
            compute = client.compute("perlmutter")
            with pytest.raises(ResponseDecodeError, match="task id that cannot be used"):
                compute.run("hostname")
    assert [a.method for a in server.arrivals] == ["GET", "POST"]  # no GET of /tasks/..
