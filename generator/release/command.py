"""``python -m generator release``: propose the package regenerated from the live document.

Fetches the live document and compares it with the committed spec (descriptions
included). Without drift nothing changes. Otherwise it writes the live document into
the spec, the next version into ``pyproject.toml``, regenerates the package (whose
``__version__`` follows), adds the ``CHANGELOG.md`` entry, and prints the pull request's
body (also written to ``--body-file``). A tree with uncommitted changes is refused
before anything is fetched.

Exit codes: 0 no drift (nothing written), 1 a release proposed, nothing breaking,
2 a release proposed with breaking changes, 3 the live document could not be fetched,
read or generated (nothing written), 4 refused (uncommitted changes, no git work tree,
no version to raise).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from enum import IntEnum
from pathlib import Path

from ..config import Config
from ..drift.arguments import URL_VARIABLE
from ..drift.compare import compare
from ..drift.fetch import DEFAULT_URL, FetchError, fetch_document
from ..load import read_json, validate_spec
from ..problems import GeneratorError
from . import changelog
from .body import pull_request_body
from .proposal import Proposal, propose
from .version import parse_version, write_version
from .worktree import WorktreeError, repository_root, require_clean


class ReleaseExit(IntEnum):
    """``python -m generator release`` exit codes (documented in the README)."""

    NO_DRIFT = 0
    PROPOSED = 1
    PROPOSED_BREAKING = 2
    UNAVAILABLE = 3
    REFUSED = 4


def run(args: argparse.Namespace, config: Config, regenerate: Callable[[Config], int]) -> int:
    """Check the tree, fetch, compare; with drift, write the release and print its body."""
    if args.timeout <= 0:
        return _stop("--timeout must be a positive number of seconds", ReleaseExit.REFUSED)
    try:
        root = repository_root(config.path.parent)
        require_clean(root)
    except WorktreeError as exc:
        return _stop(str(exc), ReleaseExit.REFUSED)
    if config.version_file is None:
        return _stop(
            f"{config.path} names no [package] version_file, so there is no version to raise",
            ReleaseExit.REFUSED,
        )
    try:
        parse_version(config.version)
    except GeneratorError as exc:
        return _stop(f"{config.version_file}: {exc.problems[0].message}", ReleaseExit.REFUSED)
    live = args.against or os.environ.get(URL_VARIABLE) or DEFAULT_URL
    spec = _shown(config.spec, root)
    try:
        text, live_doc = fetch_document(live, timeout=args.timeout)
        committed_doc = read_json(config.spec)
        drift = compare(committed_doc, live_doc, include_docs=True)
        if not drift.changes:
            print(f"release: {live} says what {spec} says; nothing changed", file=sys.stderr)
            return int(ReleaseExit.NO_DRIFT)
        validate_spec(live_doc, live)
        shown = args.live_name or live
        proposal = propose(config, committed_doc, live_doc, drift, live=shown, committed=spec)
    except FetchError as exc:
        return _stop(str(exc), ReleaseExit.UNAVAILABLE)
    except GeneratorError as exc:
        problems = "; ".join(str(problem) for problem in exc.problems)
        return _stop(f"the live document cannot be generated: {problems}", ReleaseExit.UNAVAILABLE)
    status = _write(proposal, config, text, regenerate, root)
    if status is not None:
        return status
    body = pull_request_body(proposal, spec)
    if args.body_file is not None:
        args.body_file.write_text(body, encoding="utf-8")
    print(body, end="")
    print(
        f"release: {proposal.version.previous} → {proposal.version.version}; "
        "review the diff and commit",
        file=sys.stderr,
    )
    return int(ReleaseExit.PROPOSED_BREAKING if proposal.breaking else ReleaseExit.PROPOSED)


def _write(
    proposal: Proposal,
    config: Config,
    live_text: str,
    regenerate: Callable[[Config], int],
    root: Path,
) -> int | None:
    """Write spec, version, package and changelog; on a failure put the inputs back and
    return the exit code (the package is swapped in whole or not at all)."""
    assert config.version_file is not None
    originals = {path: path.read_bytes() for path in (config.spec, config.version_file)}
    try:
        config.spec.write_text(live_text, encoding="utf-8")
        write_version(config.version_file, proposal.version.version)
        with contextlib.redirect_stdout(sys.stderr):
            status = regenerate(replace(config, version=proposal.version.version))
    except GeneratorError as exc:
        _restore(originals)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        status = 2
    except BaseException:
        _restore(originals)
        raise
    if status != 0:
        _restore(originals)
        return _stop(
            "regenerating failed; the spec and the version are as they were",
            ReleaseExit.UNAVAILABLE,
        )
    changelog.write_entry(root / "CHANGELOG.md", proposal, dt.date.today())
    return None


def _restore(originals: dict[Path, bytes]) -> None:
    for path, data in originals.items():
        path.write_bytes(data)


def _stop(message: str, code: ReleaseExit) -> int:
    print(f"release: {message}", file=sys.stderr)
    return int(code)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
