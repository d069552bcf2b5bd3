"""``python -m generator drift``: compare the live document with the committed one.

Exit codes: 0 no drift, 1 only non-breaking drift, 2 breaking drift, 3 the live
document could not be fetched or parsed. With ``--update`` the live document
replaces the committed one and the package is regenerated (exit 0 on success).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..config import Config
from ..load import read_json
from ..problems import GeneratorError
from .arguments import URL_VARIABLE
from .compare import compare
from .fetch import DEFAULT_URL, FetchError, fetch_document
from .model import ExitCode
from .report import render, render_failure


def run(args: argparse.Namespace, config: Config, regenerate: Callable[[Config], int]) -> int:
    """Fetch, compare, report; with ``--update`` also write the spec and regenerate."""
    if args.timeout <= 0:
        print("drift: --timeout must be a positive number of seconds", file=sys.stderr)
        return int(ExitCode.UNAVAILABLE)
    live = args.against or os.environ.get(URL_VARIABLE) or DEFAULT_URL
    committed_path: Path = config.spec
    try:
        text, live_doc = fetch_document(live, timeout=args.timeout)
    except FetchError as exc:
        if args.format != "text":
            print(render_failure(str(exc), args.format, live=live))
        print(f"drift: {exc}", file=sys.stderr)
        return int(ExitCode.UNAVAILABLE)
    try:
        committed_doc = read_json(committed_path)
    except GeneratorError as exc:
        print(f"drift: the committed spec is unreadable: {exc}", file=sys.stderr)
        return int(ExitCode.UNAVAILABLE)
    try:
        result = compare(committed_doc, live_doc, include_docs=args.include_docs)
    except FetchError as exc:
        print(f"drift: {exc}", file=sys.stderr)
        return int(ExitCode.UNAVAILABLE)
    print(render(result, args.format, live=live, committed=_shown(committed_path)))
    if not args.update:
        return int(result.exit_code)
    if committed_path.read_text(encoding="utf-8") == text:
        print(f"{_shown(committed_path)} already holds the live document", file=sys.stderr)
        return 0
    scratch = committed_path.with_name(f".{committed_path.name}.new")
    scratch.write_text(text, encoding="utf-8")
    scratch.replace(committed_path)
    print(f"wrote the live document to {_shown(committed_path)}; regenerating", file=sys.stderr)
    status = regenerate(config)
    if status == 0:
        print("review the diff of generated/ and commit", file=sys.stderr)
    return status


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
