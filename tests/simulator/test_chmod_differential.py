"""``chmod`` of the simulated shell against the host's GNU chmod: each case runs in
``bash -c`` (umask 022, an empty temporary folder) and in the simulator's shell (an
empty folder of the simulated home); the modes ``ls -l`` shows must agree."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest

from sfapi_sim.clock import Clock
from sfapi_sim.shell import Session, login_state, run_script
from sfapi_sim.shell.commands import COMMAND_NAMES
from sfapi_sim.state.filesystem import Account, Filesystem, home_of

BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(
    BASH is None or shutil.which("chmod") is None, reason="the host's chmod is the oracle"
)

#: Modes applied in turn to a new file ``f`` and a new folder ``d``.
CASES = [
    "640",
    "0750",
    "4755",
    "1777",
    "u+x",
    "go-rwx",
    "g=u",
    "a+rX",
    "u=rw,g=r,o=",
    "+x",
    "=r",
    "-w",
    "o+t",
    "g+s",
    "u-w,g+w",
    "ug+rwx,o-r",
    "a=,u+r",
    "u+s,g-x",
]
_counter = itertools.count()


def _script(mode: str) -> str:
    return f"touch f && mkdir d && chmod {mode} f d; ls -ld f d | cut -c1-10"


@pytest.fixture(scope="module")
def filesystem(tmp_path_factory: pytest.TempPathFactory) -> Filesystem:
    root = tmp_path_factory.mktemp("chmod-sim")
    accounts = [Account("alice", 12345, ("m1234",))]
    return Filesystem(root / "perlmutter", "perlmutter", accounts, 1024 * 1024, COMMAND_NAMES)


def _in_bash(mode: str, folder: Path) -> str:
    assert BASH is not None
    done = subprocess.run(
        ["bash", "-c", f"umask 022; {_script(mode)}"],
        executable=BASH,
        cwd=folder,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"},
        capture_output=True,
        text=True,
        timeout=20,
        stdin=subprocess.DEVNULL,
    )
    return done.stdout


def _in_simulator(mode: str, filesystem: Filesystem) -> str:
    folder = f"{home_of('alice')}/chmod-{next(_counter)}"
    filesystem.mkdir(folder, "alice")
    session = Session(filesystem=filesystem, user="alice", uid=12345, clock=Clock())
    result = run_script(_script(mode), session, login_state(session, cwd=folder))
    assert result.stderr == "", result.stderr
    return result.stdout


@pytest.mark.parametrize("mode", CASES)
def test_modes_as_gnu_chmod_sets_them(mode: str, filesystem: Filesystem, tmp_path: Path) -> None:
    expected = _in_bash(mode, tmp_path)
    assert len(expected.splitlines()) == 2
    assert _in_simulator(mode, filesystem) == expected
