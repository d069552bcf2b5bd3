"""The whole run: config and spec in, a formatted package out (or a clear error).

``generate`` is one straight line of stages, each a function of what the one before
made, all in this process:

    hash the inputs (and stop if the package on disk was made from them)
    → load and validate the document → read the static modules → normalise
    → models → IR → render → sync twins → format → write

``check`` regenerates into a scratch folder and compares; it also asks black, the
formatter of record, about every module (``fmt.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .config import Config
from .fmt import black_changes
from .load import load_document
from .locations import GENERATOR, ROOT, TEMPLATES
from .output import PROVENANCE, is_up_to_date, provenance_text, read_tree, sha256, write_package
from .problems import Problem, fail
from .spec_parts import recorded_parts, with_parts
from .timeline import stage

__all__ = ["GENERATOR", "ROOT", "TEMPLATES", "Checked", "Result", "check", "generate"]


@dataclass
class Result:
    """What a run did: the files it produced, warnings, and whether it wrote anything."""

    package_dir: Path
    files: dict[str, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    written: bool = False


#: Parts of generator/ that cannot change the output: the command line, the drift check
#: and the release proposal.
NOT_INPUTS = frozenset({"__main__.py", "drift", "release"})


def _input_hashes(config: Config, templates: Path) -> dict[str, str]:
    inputs = {
        "config": config.path,
        "spec": config.spec,
        **{f"job_sample:{name}": path for name, path in config.job_samples.items()},
    }
    hashes = {}
    for role, path in inputs.items():
        try:
            hashes[role] = sha256(path.read_bytes())
        except OSError:
            raise fail("file not found or unreadable", source=str(path)) from None
    if config.version_file is not None:
        # The version, not the whole file: other edits of pyproject.toml change nothing.
        hashes["package_version"] = sha256(config.version.encode())
    for base, prefix in ((templates, "templates"), (GENERATOR, "generator")):
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(base).parts
            if path.is_file() and _is_input(relative, config):
                hashes[f"{prefix}/{path.relative_to(base).as_posix()}"] = sha256(path.read_bytes())
    return hashes


def _is_input(relative: tuple[str, ...], config: Config) -> bool:
    """Whether a file of templates/ or generator/ can change the package of ``config``:
    static folders count only for the packages that include them."""
    if "__pycache__" in relative or relative[0] in NOT_INPUTS:
        return False
    return not (relative[0] == "static" and len(relative) > 2 and relative[1] not in config.static)


def generate(
    config: Config, out_dir: Path, *, templates: Path = TEMPLATES, force: bool = False
) -> Result:
    """Generate ``config.package`` into ``out_dir``; skip the work when nothing changed."""
    package_dir = out_dir / config.package
    with stage("hash the inputs"):
        inputs = _input_hashes(config, templates)
        inputs = with_parts(inputs, config.spec, recorded_parts(package_dir))
    if not force and is_up_to_date(package_dir, __version__, inputs):
        return Result(package_dir)
    # The stages' modules (the templates' engine, the IR builder and the rest) are
    # loaded here, once a run needs them: a run with unchanged inputs stops above.
    from .assemble import (
        build_ir,
        formatted,
        make_models,
        read_static,
        render_package,
        reserved_names,
    )
    from .normalise import normalise
    from .sync import make_sync_twins

    with stage("load and validate"):
        loaded = load_document(config.spec)
        document = loaded.document
        # A document split over several files: the files it was read from are inputs.
        inputs = with_parts(inputs, config.spec, loaded.parts)
    with stage("read the static modules"):
        static = read_static(config, templates)
    with stage("normalise"):
        normalised, warnings = normalise(document, config, reserved_names(config, static.exported))
    with stage("models"):
        models = make_models(normalised, config)
    with stage("build the IR"):
        api, ir_warnings = build_ir(
            normalised, config, static, models.names, models.job_names, tuple(sorted(inputs))
        )
    with stage("render"):
        rendered = render_package(api, static, models, config, templates)
    with stage("sync twins"):
        files = make_sync_twins(rendered, static.table) | models.files
    with stage("format"):
        files = formatted(files, static)
    with stage("write"):
        write_package(package_dir, files, provenance_text(__version__, inputs, files))
    return Result(package_dir, files, warnings + ir_warnings + models.warnings, written=True)


@dataclass(frozen=True)
class Checked:
    """What ``check`` found: files that differ from a fresh run, and modules black
    would change (none of either means the package is what its inputs produce)."""

    differing: list[str]
    unlike_black: list[str]


def check(config: Config, out_dir: Path, scratch: Path, templates: Path = TEMPLATES) -> Checked:
    """Regenerate into ``scratch``; the files that differ from ``out_dir``, and the
    modules of the fresh package that black would change."""
    fresh = generate(config, scratch, templates=templates, force=True)
    expected = read_tree(fresh.package_dir)
    package_dir = out_dir / config.package
    actual = read_tree(package_dir) if package_dir.exists() else {}
    expected.pop(PROVENANCE, None)
    actual.pop(PROVENANCE, None)
    differing = sorted(
        path for path in set(expected) | set(actual) if expected.get(path) != actual.get(path)
    )
    modules = sorted((p, text) for p, text in expected.items() if p.endswith(".py"))
    return Checked(differing, black_changes(modules))
