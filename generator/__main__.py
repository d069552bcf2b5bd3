"""Command line of the generator: ``python -m generator {codegen,unasync,check,drift,release}``."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from . import timeline
from .config import Config, load_config
from .drift import arguments as drift_arguments
from .fmt import black_changes
from .pipeline import ROOT, TEMPLATES, generate
from .pipeline import check as check_generated
from .problems import GeneratorError
from .release import arguments as release_arguments

# The other commands' modules, and the sync twins of the tests, are imported where they
# run.

DEFAULT_CONFIG = ROOT / "spec" / "codegen.toml"
DEFAULT_OUT = ROOT / "generated"
TESTS = ROOT / "tests"

COMMANDS = {
    "codegen": "generate the package (models, endpoints, async and sync clients)",
    "unasync": "regenerate the package and the sync twins of async test modules",
    "check": "fail if the package on disk differs from what the inputs produce",
    "drift": "compare the live OpenAPI document with the committed spec",
    "release": "take the live document in: regenerate, raise the version, write the changelog",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in COMMANDS.items():
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="codegen TOML file")
        sub.add_argument("--spec", type=Path, help="OpenAPI document (default: from the config)")
        sub.add_argument(
            "--job-json", type=Path, nargs="+", metavar="PATH", help="sample job-status responses"
        )
        sub.add_argument(
            "--out", type=Path, default=DEFAULT_OUT, help="folder that holds the package"
        )
        sub.add_argument(
            "--templates", type=Path, default=TEMPLATES, help="folder of the Jinja templates"
        )
        if name in ("codegen", "unasync"):
            sub.add_argument(
                "--force", action="store_true", help="regenerate even if nothing changed"
            )
            sub.add_argument(
                "--timeline",
                type=Path,
                metavar="FILE",
                help="write each stage of the run, its process, wall and CPU time (JSON lines)",
            )
        if name == "drift":
            drift_arguments.add_arguments(sub)
        if name == "release":
            release_arguments.add_arguments(sub)
    return parser


def _twins(config: Config, out: Path, templates: Path) -> dict[Path, str]:
    """The sync twins of the async tests: the package's renames plus the tests' own."""
    from .assemble import sync_table
    from .sync import TABLE_FILE, read_table
    from .test_twins import test_twins

    replacements = {**sync_table(config, templates), **read_table(TESTS / TABLE_FILE)}
    return test_twins(TESTS, out / config.package, replacements)


def _check(config: Config, out: Path, templates: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        checked = check_generated(config, out, Path(scratch), templates)
        if checked.differing:
            from .check_report import report

            print(report(out / config.package, Path(scratch) / config.package, checked.differing))
            return 1
    if checked.unlike_black:
        print(f"black would change these generated modules: {', '.join(checked.unlike_black)}")
        return 1
    twins = _twins(config, out, templates)
    stale = [p for p, text in twins.items() if _differs(p, text)]
    if stale:
        names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
        print(f"sync test twins out of date: {names}; run `make codegen`")
        return 1
    unlike_black = black_changes((str(p.relative_to(ROOT)), text) for p, text in twins.items())
    if unlike_black:
        print(f"black would change these sync test twins: {', '.join(unlike_black)}")
        return 1
    print(f"{out / config.package} matches its inputs, and black would change none of it")
    return 0


def _differs(path: Path, text: str) -> bool:
    return not path.exists() or path.read_text(encoding="utf-8") != text


def _generate(config: Config, out: Path, templates: Path, *, force: bool, twins: bool) -> int:
    started = time.perf_counter()
    result = generate(config, out, templates=templates, force=force)
    if twins:
        from .test_twins import write_twins

        for path in write_twins(_twins(config, out, templates)):
            print(f"wrote {path.relative_to(ROOT)}")
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    elapsed = time.perf_counter() - started
    if result.written:
        print(f"wrote {len(result.files)} files to {result.package_dir} in {elapsed:.2f}s")
    else:
        print(f"{result.package_dir} is up to date ({elapsed:.2f}s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.config).with_inputs(spec=args.spec, job_samples=args.job_json)
        if args.command == "check":
            return _check(config, args.out, args.templates)
        if args.command in ("drift", "release"):

            def regenerate(updated: Config) -> int:
                return _generate(updated, args.out, args.templates, force=True, twins=True)

            if args.command == "drift":
                from .drift import command as drift

                return drift.run(args, config, regenerate)
            from .release import command as release

            return release.run(args, config, regenerate)
        timeline.record_to(args.timeline)
        return _generate(
            config,
            args.out,
            args.templates,
            force=args.force,
            twins=args.command == "unasync",
        )
    except GeneratorError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
