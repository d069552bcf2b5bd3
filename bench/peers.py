"""Side environments for the peers the benchmark compares us with.

Each peer is installed from the package registry into its own virtual environment
under ``bench/.peers/`` (git-ignored), so its dependencies (for instance NERSC's
client on httpx rather than httpx2) never mix with ours. An environment is reused
while its requirement is unchanged. When a peer cannot be installed, ``prepare``
says why and the benchmark still measures our side alone.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS_DIR = ROOT / "bench" / ".peers"
INSTALL_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class PeerSpec:
    """What to install, and which distributions' versions to record with the figures."""

    name: str
    requirement: str
    reported: tuple[str, ...]


@dataclass(frozen=True)
class Peer:
    """An installed peer: its interpreter, its console scripts and its versions."""

    name: str
    requirement: str
    root: Path
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    @property
    def python(self) -> Path:
        return self.bin / "python"

    def env(self) -> dict[str, str]:
        """The process environment with the peer's scripts first on PATH (its hooks need it)."""
        return {**os.environ, "PATH": f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}"}


@dataclass(frozen=True)
class Unavailable:
    """A peer that could not be installed, and why."""

    name: str
    requirement: str
    reason: str


OPENAPI_PYTHON_CLIENT = PeerSpec(
    "openapi-python-client",
    "openapi-python-client==0.29.1",
    ("openapi-python-client", "ruff"),
)
SFAPI_CLIENT = PeerSpec(
    "sfapi_client",
    "sfapi_client==0.6.0",
    ("sfapi_client", "httpx", "pydantic", "authlib"),
)


def prepare(spec: PeerSpec) -> Peer | Unavailable:
    """The peer's environment, created and installed on first use."""
    root = PEERS_DIR / spec.name
    stamp = root / ".requirement"
    if not (stamp.is_file() and stamp.read_text(encoding="utf-8") == spec.requirement):
        shutil.rmtree(root, ignore_errors=True)
        failure = _install(root, spec.requirement)
        if failure:
            shutil.rmtree(root, ignore_errors=True)
            return Unavailable(spec.name, spec.requirement, failure)
        stamp.write_text(spec.requirement, encoding="utf-8")
    peer = Peer(spec.name, spec.requirement, root)
    try:
        versions = _versions(peer, spec.reported)
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        return Unavailable(spec.name, spec.requirement, f"installed but unusable: {error}")
    return Peer(spec.name, spec.requirement, root, versions)


def _install(root: Path, requirement: str) -> str:
    """Create the environment and install ``requirement``; the error text, or ''."""
    steps = [
        [sys.executable, "-m", "venv", str(root)],
        [str(root / "bin" / "python"), "-m", "pip", "install", "--quiet", requirement],
    ]
    for step in steps:
        try:
            done = subprocess.run(
                step, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"{' '.join(step[-2:])}: {error}"
        if done.returncode != 0:
            lines = [line for line in done.stderr.splitlines() if "ignored" not in line]
            return f"{' '.join(step[-2:])} failed: {' '.join(lines[-3:]) or done.returncode}"
    return ""


def _versions(peer: Peer, names: tuple[str, ...]) -> dict[str, str]:
    script = (
        "import importlib.metadata as m, json, sys\n"
        "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))"
    )
    done = subprocess.run(
        [str(peer.python), "-c", script, *names],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    versions: dict[str, str] = json.loads(done.stdout)
    return versions


def describe(outcome: Peer | Unavailable) -> dict[str, object]:
    """The peer's entry in results.json's metadata."""
    if isinstance(outcome, Unavailable):
        return {"requirement": outcome.requirement, "installed": False, "reason": outcome.reason}
    return {"requirement": outcome.requirement, "installed": True, "versions": outcome.versions}
