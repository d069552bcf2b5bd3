"""Driving ``sfapi`` against the session's simulator, through the real token flow."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sfapi_cli.app import app
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"


@dataclass
class Outcome:
    """One invocation's exit code and output."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    def json(self) -> Any:
        return json.loads(self.stdout)


Sfapi = Callable[..., Outcome]


@pytest.fixture
def cli_env(sim: RunningSimulator) -> dict[str, str | None]:
    """The environment variables that point ``sfapi`` at the simulator with alice's key."""
    return {
        "SFAPI_BASE_URL": sim.base_url,
        "SFAPI_TOKEN_URL": sim.token_url,
        "SFAPI_KEY": str(sim.key_file),
        "SFAPI_CLIENT_ID": None,
        "SFAPI_SECRET_FILE": None,
        "SFAPI_WAIT_INTERVAL": "0.1",
        "COLUMNS": "200",
    }


@pytest.fixture
def sfapi(cli_env: dict[str, str | None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sfapi:
    """Run ``sfapi ARGS...`` in-process (in a scratch working folder); ``env=`` overrides."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Outcome:
        result = runner.invoke(app, list(args), env={**cli_env, **(env or {})})
        return Outcome(result.exit_code, result.stdout, result.stderr, result.exception)

    return invoke


@pytest.fixture
def remote_dir(sim: RunningSimulator) -> str:
    """A fresh folder in alice's home on perlmutter, holding ``data.txt``."""
    folder = f"{HOME}/cli-{uuid.uuid4().hex[:8]}"
    filesystem = sim.world.filesystems["perlmutter"]
    filesystem.mkdir(folder, "alice", parents=True)
    filesystem.write(f"{folder}/data.txt", "alice", b"line one\nline two\n")
    return folder
