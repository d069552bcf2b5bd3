"""Command line of the generator: ``python -m generator {codegen,unasync,check}``."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from .config import Config, load_config
from .pipeline import ROOT, generate
from .pipeline import check as check_generated
from .problems import GeneratorError
from .test_twins import test_twins, write_twins

DEFAULT_CONFIG = ROOT / "spec" / "codegen.toml"
DEFAULT_OUT = ROOT / "generated"
TESTS = ROOT / "tests"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("codegen", "generate the package (models, endpoints, async and sync clients)"),
        ("unasync", "regenerate the package and the sync twins of async test modules"),
        ("check", "fail if the package on disk differs from what the inputs produce"),
    ):
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="codegen TOML file")
        sub.add_argument("--spec", type=Path, help="OpenAPI document (default: from the config)")
        sub.add_argument(
            "--job-json", type=Path, nargs="+", metavar="PATH", help="sample job-status responses"
        )
        sub.add_argument(
            "--out", type=Path, default=DEFAULT_OUT, help="folder that holds the package"
        )
        if name != "check":
            sub.add_argument(
                "--force", action="store_true", help="regenerate even if nothing changed"
            )
    return parser


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config).with_inputs(spec=args.spec, job_samples=args.job_json)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = _config(args)
        if args.command == "check":
            with tempfile.TemporaryDirectory() as scratch:
                differing = check_generated(config, args.out, Path(scratch))
                twins = test_twins(
                    TESTS,
                    args.out / config.package,
                    {**config.sync_replacements, **config.test_replacements},
                )
                stale = [
                    p
                    for p, text in twins.items()
                    if not p.exists() or p.read_text(encoding="utf-8") != text
                ]
                if stale:
                    names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
                    print(f"sync test twins out of date: {names}; run `make codegen`")
                    return 1
                if differing:
                    from .check_report import report

                    print(
                        report(args.out / config.package, Path(scratch) / config.package, differing)
                    )
                    return 1
            print(f"{args.out / config.package} matches its inputs")
            return 0
        started = time.perf_counter()
        result = generate(config, args.out, force=args.force)
        if args.command == "unasync":
            twins = test_twins(
                TESTS,
                args.out / config.package,
                {**config.sync_replacements, **config.test_replacements},
            )
            for path in write_twins(twins):
                print(f"wrote {path.relative_to(ROOT)}")
    except GeneratorError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    elapsed = time.perf_counter() - started
    if result.written:
        print(f"wrote {len(result.files)} files to {result.package_dir} in {elapsed:.2f}s")
    else:
        print(f"{result.package_dir} is up to date ({elapsed:.2f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
