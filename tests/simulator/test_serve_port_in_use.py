"""``sfapi-sim serve`` on a port another server holds: one line saying so and how to
choose another, exit 2, and nothing else done: no export lines that would point scripts
at the other server, and no key file replaced under the simulator already running."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sfapi_sim.testing import RunningSimulator


def test_a_taken_port_is_refused_before_anything_is_written(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    port = int(sim.base_url.split(":")[2].split("/")[0])
    key = tmp_path / "sim-key.pem"
    key.write_text("the running simulator's key\n")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sfapi_sim.cli",
            "serve",
            "--port",
            str(port),
            "--key-out",
            str(key),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == (
        f"sfapi-sim: port {port} on 127.0.0.1 is already in use (another simulator, or "
        f"another server); stop that one, or choose a free port with --port, such as "
        f"--port {port + 1}"
    )
    assert key.read_text() == "the running simulator's key\n"


def test_a_host_it_cannot_listen_on_is_named() -> None:
    # 192.0.2.1 is a documentation address: no interface here has it.
    done = subprocess.run(
        [sys.executable, "-m", "sfapi_sim.cli", "serve", "--host", "192.0.2.1", "--port", "8766"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("sfapi-sim: cannot listen on 192.0.2.1:8766: ")
