"""``python -m generator drift`` against variants of the spec served over real HTTP.

A threaded HTTP server on 127.0.0.1 serves the committed document changed in one
way per path; each test runs the command and checks its exit code and the lines of
its report that a maintainer would read.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from generator.__main__ import main
from sfapi_sim.testing import free_port

ROOT = Path(__file__).resolve().parents[2]
SPEC = json.loads((ROOT / "spec" / "openapi.json").read_text())
SCHEMAS = "#/components/schemas/"


def _reordered(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _reordered(node[key]) for key in reversed(list(node))}
    if isinstance(node, list):
        return [_reordered(item) for item in node]
    return node


def _variant(change: Callable[[dict[str, Any]], None]) -> bytes:
    document = copy.deepcopy(SPEC)
    change(document)
    return json.dumps(document).encode()


def _add_operation(doc: dict[str, Any]) -> None:
    doc["paths"]["/compute/reservations/{machine}"] = {
        "get": copy.deepcopy(doc["paths"]["/compute/jobs/{machine}"]["get"])
        | {"operationId": "read_reservations"}
    }


def _remove_operation(doc: dict[str, Any]) -> None:
    del doc["paths"]["/tasks/{id}"]["delete"]


def _retype_field(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Task"]["properties"]["id"]["type"] = "integer"


def _remove_enum_value(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["PublicHost"]["enum"].remove("dtn01")


def _add_enum_value(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["TaskStatus"]["enum"].append("pending")


def _add_request_enum_value(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["BatchGroupAction"]["enum"].append("batch_replace")


def _add_required_query(doc: dict[str, Any]) -> None:
    doc["paths"]["/compute/jobs/{machine}"]["get"]["parameters"].append(
        {"name": "project", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def _add_optional_response_field(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Task"]["properties"]["created"] = {
        "type": "string",
        "format": "date-time",
    }


def _move_schema(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    schemas["TaskState"] = schemas.pop("TaskStatus")
    text = json.dumps(doc).replace(f'"{SCHEMAS}TaskStatus"', f'"{SCHEMAS}TaskState"')
    doc.clear()
    doc.update(json.loads(text))


def _edit_description(doc: dict[str, Any]) -> None:
    doc["paths"]["/status"]["get"]["description"] = "All systems, said differently."


VARIANTS: dict[str, bytes] = {
    "identical": (ROOT / "spec" / "openapi.json").read_bytes(),
    "reordered": json.dumps(_reordered(SPEC), indent=7).encode(),
    "added-operation": _variant(_add_operation),
    "removed-operation": _variant(_remove_operation),
    "retyped-field": _variant(_retype_field),
    "enum-value-removed": _variant(_remove_enum_value),
    "enum-value-added": _variant(_add_enum_value),
    "request-enum-value-added": _variant(_add_request_enum_value),
    "required-query-parameter": _variant(_add_required_query),
    "optional-response-field": _variant(_add_optional_response_field),
    "moved-schema": _variant(_move_schema),
    "description": _variant(_edit_description),
    "invalid-json": b'{"openapi": "3.1.0", "paths": {',
}


class _Handler(BaseHTTPRequestHandler):
    seen: ClassVar[Counter[str]] = Counter()

    def do_GET(self) -> None:
        name = self.path.strip("/")
        self.seen[name] += 1
        if name == "error-500":
            self._answer(500, b'{"detail": "internal error"}')
        elif name == "silent":
            time.sleep(5)  # longer than any timeout the tests give
            self._answer(200, VARIANTS["identical"])
        elif name in VARIANTS:
            self._answer(200, VARIANTS[name])
        else:
            self._answer(404, b'{"detail": "not found"}')

    def _answer(self, status: int, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first, as the timeout tests intend

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def drift(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["drift", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("variant", ["identical", "reordered"])
def test_same_document_is_no_drift(
    server: str, capsys: pytest.CaptureFixture[str], variant: str
) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/{variant}")
    assert code == 0
    assert "no drift: 0 change(s), 0 breaking" in out


def test_added_operation_is_non_breaking(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/added-operation")
    assert code == 1
    assert "operation GET /compute/reservations/{machine}" in out
    assert "ok       operation added: GET /compute/reservations/{machine}" in out
    assert "[#/paths/~1compute~1reservations~1{machine}/get]" in out


def test_removed_operation_is_breaking(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/removed-operation")
    assert code == 2
    assert "BREAKING drift: 1 change(s), 1 breaking" in out
    assert "BREAKING operation removed: DELETE /tasks/{id}  [#/paths/~1tasks~1{id}/delete]" in out


def test_retyped_field_is_breaking_and_names_the_operations_using_it(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/retyped-field")
    assert code == 2
    assert "schema Task" in out
    assert (
        "BREAKING type changed: string → integer  [#/components/schemas/Task/properties/id]" in out
    )
    assert "GET /tasks/{id}: uses changed Task" in out


def test_enum_value_removed_from_a_request_enum_is_breaking(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/enum-value-removed")
    assert code == 2
    assert "BREAKING enum value removed: dtn01  [#/components/schemas/PublicHost/enum]" in out


def test_enum_value_added_to_a_response_enum_is_breaking(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/enum-value-added")
    assert code == 2  # the generated enum cannot parse the new value
    assert "BREAKING enum value added: pending  [#/components/schemas/TaskStatus/enum]" in out


def test_enum_value_added_to_a_request_only_enum_is_not(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/request-enum-value-added")
    assert code == 1
    assert "ok       enum value added: batch_replace" in out


def test_new_required_query_parameter_is_breaking(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/required-query-parameter")
    assert code == 2
    assert "operation GET /compute/jobs/{machine}" in out
    assert "BREAKING parameter added: query parameter 'project' (required)" in out
    assert "[#/paths/~1compute~1jobs~1{machine}/get/parameters/6]" in out


def test_optional_response_field_is_non_breaking(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/optional-response-field")
    assert code == 1
    assert "ok       field added: created (optional)" in out
    assert "[#/components/schemas/Task/properties/created]" in out


def test_moved_schema_is_not_a_change(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/moved-schema")
    assert code == 0
    assert "moved schemas (not a change):\n  TaskStatus → TaskState" in out


def test_descriptions_count_only_when_asked(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert drift(capsys, "--against", f"{server}/description")[0] == 0
    code, out, _ = drift(capsys, "--against", f"{server}/description", "--include-docs")
    assert code == 1
    assert "ok       description changed: documentation  [#/paths/~1status/get/description]" in out


def test_json_report(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = drift(
        capsys, "--against", f"{server}/required-query-parameter", "--format", "json"
    )
    report = json.loads(out)
    assert code == report["exit_code"] == 2
    assert report["summary"] == {"changes": 1, "breaking": 1}
    (change,) = report["changes"]
    assert change["group"] == "GET /compute/jobs/{machine}"
    assert change["kind"] == "parameter added" and change["breaking"] is True


def test_markdown_report(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = drift(capsys, "--against", f"{server}/removed-operation", "--format", "markdown")
    assert code == 2
    assert out.startswith("## SF API drift check")
    assert "### operation `DELETE /tasks/{id}`" in out
    assert (
        "| **breaking** | operation removed | DELETE /tasks/{id} | `#/paths/~1tasks~1{id}/delete` |"
        in out
    )


def test_server_error_is_retried_then_exit_3(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _Handler.seen["error-500"]
    code, _, err = drift(capsys, "--against", f"{server}/error-500", "--timeout", "2")
    assert code == 3
    assert "could not fetch" in err and "HTTP 500" in err
    assert 2 <= _Handler.seen["error-500"] - before <= 4  # retried, but bounded


def test_answer_that_never_comes_times_out(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    code, _, err = drift(capsys, "--against", f"{server}/silent", "--timeout", "1")
    assert code == 3
    assert "no answer within 1s" in err
    assert time.monotonic() - started < 4  # it gave up; it did not wait for the answer


def test_unreachable_host_exits_3_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()  # nothing listens there
    code, out, err = drift(
        capsys,
        "--against",
        f"http://127.0.0.1:{port}/openapi.json",
        "--timeout",
        "1",
        "--format",
        "markdown",
    )
    assert code == 3
    assert "could not reach the URL" in err
    assert "**Could not check for drift:**" in out


def test_invalid_json_exits_3(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = drift(capsys, "--against", f"{server}/invalid-json")
    assert code == 3
    assert "is not valid JSON" in err and "line 1" in err


def test_url_from_the_environment(
    server: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SFAPI_SPEC_URL", f"{server}/added-operation")
    code, out, _ = drift(capsys)
    assert code == 1 and f"{server}/added-operation against" in out


def test_update_writes_the_live_document_and_regenerates(
    server: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    for name in ("codegen.toml", "openapi.json", "job.json", "job_sacct.json"):
        (spec_dir / name).write_bytes((ROOT / "spec" / name).read_bytes())
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    out_dir = tmp_path / "generated"
    code, out, err = drift(
        capsys,
        "--against",
        f"{server}/added-operation",
        "--update",
        "--config",
        str(spec_dir / "codegen.toml"),
        "--out",
        str(out_dir),
    )
    assert code == 0, err
    assert "operation added: GET /compute/reservations/{machine}" in out
    assert (spec_dir / "openapi.json").read_bytes() == VARIANTS["added-operation"]
    compute = (out_dir / "sfapi_client" / "_async" / "endpoints" / "compute.py").read_text()
    assert "async def read_reservations(" in compute
    assert "review the diff of generated/" in err
