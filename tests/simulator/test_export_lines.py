"""The ``export`` lines ``sfapi-sim serve`` prints are read back by a shell as the
values they name: the key file as an absolute path, quoted when it needs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sfapi_sim.cli import CLIENT_WAIT_INTERVAL, _export_lines


def shell_reads(lines: list[str]) -> dict[str, str]:
    script = "\n".join([*lines, 'printf "%s\\0" "$SFAPI_BASE_URL" "$SFAPI_TOKEN_URL"'])
    script += ' "${SFAPI_KEY-unset}" "$SFAPI_WAIT_INTERVAL"'
    out = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, check=True, env={}
    ).stdout
    names = ("SFAPI_BASE_URL", "SFAPI_TOKEN_URL", "SFAPI_KEY", "SFAPI_WAIT_INTERVAL")
    return dict(zip(names, out.split("\0")[:4], strict=True))


def test_a_relative_key_path_with_spaces_reads_back_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    lines = _export_lines(
        "http://127.0.0.1:8766/api/v1.2",
        "http://127.0.0.1:8766/c2id/token",
        Path("my keys/sim key's.pem"),
    )
    assert all(line.startswith("export SFAPI_") for line in lines)
    assert shell_reads(lines) == {
        "SFAPI_BASE_URL": "http://127.0.0.1:8766/api/v1.2",
        "SFAPI_TOKEN_URL": "http://127.0.0.1:8766/c2id/token",
        "SFAPI_KEY": str(tmp_path / "my keys" / "sim key's.pem"),
        "SFAPI_WAIT_INTERVAL": CLIENT_WAIT_INTERVAL,
    }


def test_without_a_key_file_no_key_is_exported() -> None:
    lines = _export_lines("http://h:1/api/v1.2", "http://h:1/c2id/token", None)
    assert shell_reads(lines)["SFAPI_KEY"] == "unset"
    assert float(CLIENT_WAIT_INTERVAL) <= 1
