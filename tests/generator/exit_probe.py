"""A codegen run whose every process reports on itself as it ends.

The command line and its workers all end through ``os._exit`` (the command line skips
the interpreter's teardown, and multiprocessing ends its workers so), so a
``sitecustomize`` module wraps it: each process writes ``report <pid> <value>`` to
stderr, where ``value`` is a Python expression evaluated in that process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def codegen_reports(tmp_path: Path, value: str) -> tuple[int, dict[int, str]]:
    """Run ``python -m generator codegen --force`` into ``tmp_path``; the main process's
    pid, and the value each process reported, by pid."""
    (tmp_path / "sitecustomize.py").write_text(
        "import gc, os, sys\n"
        "_exit = os._exit\n"
        "def _reporting_exit(code):\n"
        f"    value = {value}\n"
        "    sys.stderr.write(f'report {os.getpid()} {value}\\n')\n"
        "    sys.stderr.flush()\n"
        "    _exit(code)\n"
        "os._exit = _reporting_exit\n"
    )
    command = [sys.executable, "-m", "generator", "codegen", "--force"]
    command += ["--out", str(tmp_path / "out")]
    env = {"SFAPI_CODEGEN_CACHE": "", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)}
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    lines = [line.split(" ", 2)[1:] for line in stderr.splitlines() if line.startswith("report ")]
    reports = {int(pid): text for pid, text in lines}
    assert process.pid in reports, stderr  # the probe itself failed
    return process.pid, reports
