"""Run the generator on a folder of OpenAPI documents it has never seen, the way a user
would, and print one row per document.

For each document the sweep writes the smallest configuration a user writes (a package
name and the document), generates the package in a process of its own, imports the
package and loads every class of ``models.__all__`` in another, and runs
``mypy --strict`` on the package with a cache folder of its own. Each step is measured
by the operating system (wall time, CPU time of the process and its children, peak
resident memory) and bounded by ``--timeout``. Run as a script, from the repository's
root::

    .venv/bin/python -m tests.generator.published_sweep FOLDER_OR_DOCUMENT... \\
        [--out DIR] [--timeout SECONDS] [--no-mypy] [--show N]

A folder stands for every OpenAPI document under it (a file whose top level has an
``openapi`` key; the other files of a document split over several are read through its
references). The table goes to standard output, then the first ``--show`` problems of
each document that had any; the exit code is 1 when any document failed a step.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
#: The first key of a document (``openapi: 3.1.0``, ``"openapi": "3.0.3"``).
_OPENAPI_KEY = re.compile(r'^(?:openapi|\s*"openapi")\s*:', re.MULTILINE)
_VERSION = re.compile(r'^(?:openapi|\s*"openapi")\s*:\s*["\']?([0-9.]+)', re.MULTILINE)
_MYPY_ERROR = re.compile(r"^(?P<place>[^:\n]+:\d+(?::\d+)?): error: (?P<text>.*)$", re.MULTILINE)

#: What the import step runs: the package, every model, the count of operations (the
#: public methods of the async client's endpoint groups).
_LOAD_MODELS = """
import importlib, inspect, json, sys
sys.path.insert(0, sys.argv[1])
package = importlib.import_module(sys.argv[2])
models = importlib.import_module(sys.argv[2] + ".models")
failed = []
for name in models.__all__:
    try:
        if not isinstance(getattr(models, name), type):
            failed.append(f"{name}: not a class")
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}")
print(json.dumps({"models": len(models.__all__), "failed": failed}))
"""


@dataclass(frozen=True)
class Measured:
    """One child process: its exit code, output, and what the system measured."""

    code: int
    wall: float
    cpu: float
    peak_rss_mb: float
    stdout: str
    stderr: str
    timed_out: bool


@dataclass
class Row:
    """What the sweep found for one document."""

    document: Path
    version: str
    size: int
    operations: int | None = None
    codegen: Measured | None = None
    imported: bool | None = None
    models: int | None = None
    models_failed: list[str] = field(default_factory=list)
    mypy: Measured | None = None
    mypy_errors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.models_failed and not self.mypy_errors


def run_measured(command: list[str], timeout: float, cwd: Path = ROOT) -> Measured:
    """Run ``command``, killed after ``timeout`` seconds; the rusage of the process and
    the children it waited for (``os.wait4``) gives CPU time and peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            process.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        return Measured(
            code=process.returncode,
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_rss_mb=usage.ru_maxrss / 1024,
            stdout=_read(out),
            stderr=_read(err),
            timed_out=expired.is_set(),
        )


def _read(stream: IO[bytes]) -> str:
    stream.seek(0)
    return stream.read().decode("utf-8", "replace")


def documents_in(paths: list[Path]) -> list[Path]:
    """The documents named, and those under the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*") if p.suffix in (".json", ".yaml", ".yml")
            )
            found += [p for p in candidates if _is_document(p)]
        else:
            found.append(path)
    return found


def _is_document(path: Path) -> bool:
    """A file whose top level has an ``openapi`` key (anywhere in it: a JSON document
    may list its components first)."""
    return bool(_OPENAPI_KEY.search(path.read_text(encoding="utf-8", errors="replace")))


def package_name(document: Path) -> str:
    """``twilio_api_v2010.yaml`` → ``published_twilio_api_v2010``."""
    stem = "".join(ch if ch.isalnum() else "_" for ch in document.stem.lower())
    return f"published_{stem}"


def sweep_one(document: Path, out: Path, timeout: float, mypy: bool) -> Row:
    """Generate, import and type-check the package of one document."""
    version = _VERSION.search(document.read_text(encoding="utf-8", errors="replace"))
    row = Row(document, version.group(1) if version else "?", document.stat().st_size)
    name = package_name(document)
    work = out / name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    config = work / "codegen.toml"
    config.write_text(
        f'[package]\nname = "{name}"\n\n[inputs]\nspec = {json.dumps(str(document.resolve()))}\n',
        encoding="utf-8",
    )
    command = [str(PYTHON), "-m", "generator", "codegen", "--config", str(config)]
    row.codegen = run_measured([*command, "--out", str(work), "--force"], timeout)
    if row.codegen.code != 0:
        reason = "timed out" if row.codegen.timed_out else f"exit {row.codegen.code}"
        lines = row.codegen.stderr.strip().splitlines()
        row.problems += [f"codegen {reason}", *lines[-20:]]
        return row
    row.operations = _operations(work / name)
    loaded = run_measured([str(PYTHON), "-c", _LOAD_MODELS, str(work), name], timeout)
    row.imported = loaded.code == 0
    if loaded.code != 0:
        row.problems += ["import failed", *loaded.stderr.strip().splitlines()[-10:]]
    else:
        answer: dict[str, Any] = json.loads(loaded.stdout.strip().splitlines()[-1])
        row.models, row.models_failed = answer["models"], answer["failed"]
    if mypy:
        cache = work / ".mypy_cache"
        mypy_bin = PYTHON.parent / "mypy"
        checked = [str(mypy_bin), "--strict", "--cache-dir", str(cache), str(work / name)]
        row.mypy = run_measured(checked, timeout)
        row.mypy_errors = [
            f"{m['place'].replace(str(work) + os.sep, '')}: {m['text']}"
            for m in _MYPY_ERROR.finditer(row.mypy.stdout)
        ]
        if row.mypy.code != 0 and not row.mypy_errors:
            reason = "timed out" if row.mypy.timed_out else f"exit {row.mypy.code}"
            row.problems += [f"mypy {reason}", *row.mypy.stderr.strip().splitlines()[-10:]]
    return row


_METHOD = re.compile(r"^    async def (?!_)\w+\(", re.MULTILINE)


def _operations(package_dir: Path) -> int:
    """The operations of a generated package: public methods of the async endpoints."""
    endpoints = package_dir / "_async" / "endpoints"
    return sum(len(_METHOD.findall(p.read_text("utf-8"))) for p in endpoints.glob("*.py"))


COLUMNS = (
    "document",
    "openapi",
    "size kB",
    "ops",
    "gen wall s",
    "gen CPU s",
    "gen RSS MB",
    "import",
    "models",
    "mypy errs",
    "mypy wall s",
    "mypy CPU s",
)


def _cells(row: Row) -> tuple[str, ...]:
    gen, checked = row.codegen, row.mypy
    models = "-" if row.models is None else f"{row.models - len(row.models_failed)}/{row.models}"
    return (
        row.document.name,
        row.version,
        f"{row.size / 1000:,.0f}",
        "-" if row.operations is None else str(row.operations),
        "-" if gen is None else f"{gen.wall:.1f}",
        "-" if gen is None else f"{gen.cpu:.1f}",
        "-" if gen is None else f"{gen.peak_rss_mb:.0f}",
        {None: "-", True: "ok", False: "FAIL"}[row.imported],
        models,
        "-" if checked is None else str(len(row.mypy_errors)),
        "-" if checked is None else f"{checked.wall:.1f}",
        "-" if checked is None else f"{checked.cpu:.1f}",
    )


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    cells = [COLUMNS, *(_cells(r) for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(len(COLUMNS))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def details(rows: list[Row], show: int) -> str:
    """The first ``show`` problems of each document that had any."""
    parts: list[str] = []
    for row in rows:
        if row.ok:
            continue
        lines = row.problems + row.models_failed + row.mypy_errors
        parts.append(f"{row.document}:\n" + "\n".join(f"  {line}" for line in lines[:show]))
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", type=Path, nargs="+", help="documents, or folders of them")
    parser.add_argument(
        "--out", type=Path, help="where the packages go (default: a scratch folder)"
    )
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per step")
    parser.add_argument("--no-mypy", action="store_true", help="skip mypy --strict")
    parser.add_argument("--show", type=int, default=5, help="problems listed per document")
    args = parser.parse_args(argv)
    documents = documents_in(args.paths)
    if not documents:
        parser.error("no OpenAPI document found")
    out = args.out or Path(tempfile.mkdtemp(prefix="published-sweep-"))
    rows = []
    for document in documents:
        rows.append(sweep_one(document, out.resolve(), args.timeout, not args.no_mypy))
        print(f"{document.name}: done", file=sys.stderr, flush=True)
    load = os.getloadavg()
    print(table(rows))
    print(f"\nload average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; packages in {out}")
    if any(not row.ok for row in rows):
        print("\n" + details(rows, args.show))
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
