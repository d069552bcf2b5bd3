"""Hostile requests to the simulator: forged, replayed and expired credentials, writes by
read-only clients, path traversal, oversized uploads, command lines that try to reach the host."""

from __future__ import annotations

import base64
import json
import time
import uuid

import httpx2
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from sfapi_client._credentials import Credentials
from sfapi_sim.cli import _parser
from sfapi_sim.testing import RunningSimulator

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def _token_request(sim: RunningSimulator, assertion: str) -> httpx2.Response:
    return httpx2.post(
        sim.token_url,
        data={
            "grant_type": "client_credentials",
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": assertion,
        },
    )


def _claims(sim: RunningSimulator, **changes: object) -> dict[str, object]:
    now = int(time.time())
    claims: dict[str, object] = {
        "iss": sim.client_id,
        "sub": sim.client_id,
        "aud": sim.token_url,
        "iat": now,
        "exp": now + 300,
        "jti": uuid.uuid4().hex,
    }
    claims.update(changes)
    return claims


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _token(sim: RunningSimulator, key_file: object | None = None) -> str:
    credentials = Credentials.from_key_file(key_file or sim.key_file)  # type: ignore[arg-type]
    answer = _token_request(sim, credentials.assertion(sim.token_url))
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def _own_key(sim: RunningSimulator) -> RSAKey:
    return RSAKey.import_key(sim.key_file.read_text().split("\n", 1)[1])


def test_valid_assertion_gets_a_token(sim: RunningSimulator) -> None:
    answer = _token_request(sim, jwt.encode({"alg": "RS256"}, _claims(sim), _own_key(sim)))
    assert answer.status_code == 200 and answer.json()["token_type"] == "Bearer"


@pytest.mark.parametrize(
    "forge",
    [
        "other_key",
        "alg_none",
        "tampered",
        "wrong_audience",
        "expired",
        "sub_mismatch",
        "unknown_client",
    ],
)
def test_forged_assertions_are_refused(sim: RunningSimulator, forge: str) -> None:
    own = _own_key(sim)
    if forge == "other_key":
        assertion = jwt.encode({"alg": "RS256"}, _claims(sim), RSAKey.generate_key(2048))
    elif forge == "alg_none":
        assertion = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(sim))}."
    elif forge == "tampered":
        header, _, signature = jwt.encode({"alg": "RS256"}, _claims(sim), own).split(".")
        assertion = f"{header}.{_b64(_claims(sim, sub='someoneelse12'))}.{signature}"
    elif forge == "wrong_audience":
        assertion = jwt.encode({"alg": "RS256"}, _claims(sim, aud="https://elsewhere/token"), own)
    elif forge == "expired":
        assertion = jwt.encode({"alg": "RS256"}, _claims(sim, exp=int(time.time()) - 10), own)
    elif forge == "sub_mismatch":
        assertion = jwt.encode({"alg": "RS256"}, _claims(sim, sub="abcdefghij123"), own)
    else:
        assertion = jwt.encode(
            {"alg": "RS256"}, _claims(sim, iss="zzzzzzzzzzzzz", sub="zzzzzzzzzzzzz"), own
        )
    answer = _token_request(sim, assertion)
    assert answer.status_code == 401
    assert answer.json()["error"] == "invalid_client"


def test_replayed_assertion_is_refused(sim: RunningSimulator) -> None:
    assertion = jwt.encode({"alg": "RS256"}, _claims(sim), _own_key(sim))
    assert _token_request(sim, assertion).status_code == 200
    replay = _token_request(sim, assertion)
    assert replay.status_code == 401 and "replayed" in replay.json()["error_description"]


def test_protected_routes_need_a_valid_unexpired_token(sim: RunningSimulator) -> None:
    url = f"{sim.base_url}/account/"
    assert httpx2.get(url).status_code == 401
    assert httpx2.get(url, headers={"Authorization": "Bearer made-up"}).status_code == 401
    token = _token(sim)
    assert httpx2.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 200
    sim.world.clock.advance(700)
    assert httpx2.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_public_routes_need_no_token(sim: RunningSimulator) -> None:
    for path in ("/status", "/status/outages", "/status/notes", "/meta/changelog", "/meta/config"):
        assert httpx2.get(f"{sim.base_url}{path}").status_code == 200


def test_read_only_client_cannot_write(sim: RunningSimulator) -> None:
    headers = {"Authorization": f"Bearer {_token(sim, sim.read_only_key_file)}"}
    answer = httpx2.post(
        f"{sim.base_url}/utilities/command/perlmutter",
        data={"executable": "echo x"},
        headers=headers,
    )
    assert answer.status_code == 403
    assert httpx2.get(f"{sim.base_url}/account/", headers=headers).status_code == 200


@pytest.mark.parametrize(
    "raw",
    [
        "/global/homes/a/alice/../../../../../etc/passwd",
        "/global/homes/a/alice/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/global/homes/a/alice/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc",
    ],
)
def test_path_traversal_is_refused(sim: RunningSimulator, raw: str) -> None:
    headers = {"Authorization": f"Bearer {_token(sim)}"}
    url = httpx2.URL(sim.base_url + "/utilities/download/perlmutter/")
    target = url.copy_with(raw_path=url.raw_path + raw.encode())
    answer = httpx2.get(target, headers=headers)
    body = answer.json()
    assert answer.status_code in (200, 404, 422)
    assert body.get("status") != "OK"
    assert "root:" not in answer.text


def test_symlink_out_of_the_sandbox_is_refused(sim: RunningSimulator) -> None:
    filesystem = sim.world.filesystems["perlmutter"]
    home = filesystem.host_path("/global/homes/a/alice")
    link = home / f"escape-{uuid.uuid4().hex[:6]}"
    link.symlink_to("/etc/passwd")
    headers = {"Authorization": f"Bearer {_token(sim)}"}
    answer = httpx2.get(
        f"{sim.base_url}/utilities/download/perlmutter//global/homes/a/alice/{link.name}",
        headers=headers,
    )
    # The link's target is a path of the machine, where no /etc/passwd exists.
    assert answer.json()["status"] == "ERROR" and "No such file" in answer.json()["error"]
    upload = httpx2.put(
        f"{sim.base_url}/utilities/upload/perlmutter//global/homes/a/alice/{link.name}",
        files={"file": ("x", b"overwrite")},
        headers=headers,
    )
    assert upload.json()["status"] == "ERROR"
    with open("/etc/passwd", "rb") as real:
        assert b"overwrite" not in real.read()


def test_writes_outside_the_users_areas_are_refused(sim: RunningSimulator) -> None:
    headers = {"Authorization": f"Bearer {_token(sim)}"}
    answer = httpx2.put(
        f"{sim.base_url}/utilities/upload/perlmutter//usr/bin/hostname",
        files={"file": ("hostname", b"evil")},
        headers=headers,
    )
    assert answer.json()["status"] == "ERROR" and "Permission denied" in answer.json()["error"]
    other = httpx2.put(
        f"{sim.base_url}/utilities/upload/perlmutter//global/homes/b/bob/x.txt",
        files={"file": ("x.txt", b"evil")},
        headers=headers,
    )
    assert other.json()["status"] == "ERROR"


def test_oversized_upload_is_refused(sim: RunningSimulator) -> None:
    headers = {"Authorization": f"Bearer {_token(sim)}"}
    big = b"0" * (sim.world.config.max_file_bytes + 1)
    answer = httpx2.put(
        f"{sim.base_url}/utilities/upload/perlmutter//global/homes/a/alice/big.bin",
        files={"file": ("big.bin", big)},
        headers=headers,
    )
    assert answer.json()["status"] == "ERROR" and "limit" in answer.json()["error"]
    assert (
        not sim.world.filesystems["perlmutter"].host_path("/global/homes/a/alice/big.bin").exists()
    )


def test_commands_never_reach_the_host(sim: RunningSimulator) -> None:
    """Command lines run in the simulated shell: unknown programs are not found, system
    paths cannot be removed, and ``id`` describes the simulated user, not the host's."""
    headers = {"Authorization": f"Bearer {_token(sim)}"}
    expected = {
        "python -c 'import os'": (127, "python: command not found"),
        "echo hi; rm -rf /usr/bin": (1, "rm: cannot remove '/usr/bin': Permission denied"),
        "bash -c id": (0, ""),
    }
    for line, (exit_code, error) in expected.items():
        task = httpx2.post(
            f"{sim.base_url}/utilities/command/perlmutter",
            data={"executable": line},
            headers=headers,
        )
        task_id = task.json()["task_id"]
        sim.world.clock.advance(1)
        result = _wait_for_task(sim, task_id, headers)
        assert result["status"] == "completed"
        outcome = json.loads(result["result"])
        assert outcome["exit_code"] == exit_code
        assert error in (outcome["error"] or "")
        if line == "bash -c id":
            assert outcome["output"].startswith("uid=12345(alice)")
    assert sim.world.filesystems["perlmutter"].is_file("/usr/bin/ls", "alice")


def _wait_for_task(
    sim: RunningSimulator, task_id: str, headers: dict[str, str]
) -> dict[str, object]:
    deadline = time.monotonic() + 10
    while True:
        answer = httpx2.get(f"{sim.base_url}/tasks/{task_id}", headers=headers).json()
        if answer["status"] != "new" or time.monotonic() > deadline:
            return dict(answer)
        time.sleep(0.02)


def test_binds_to_loopback_by_default() -> None:
    args = _parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
