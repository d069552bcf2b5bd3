"""The whole run: config and spec in, a formatted package out (or a clear error).

Light on purpose: a run with unchanged inputs stops after hashing them, and a cold run
starts the worker that makes the models before it imports the heavier stages
(``assemble.py``), so that the worker's loading starts as early as it can.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .collector import loading
from .config import Config
from .fmt import FormatCache, Formatter
from .load import load_document
from .locations import GENERATOR, ROOT, TEMPLATES
from .output import PROVENANCE, is_up_to_date, provenance_text, read_tree, sha256, write_package
from .problems import Problem, fail
from .spec_parts import recorded_parts, with_parts
from .timeline import stage
from .workers import Validation, started

__all__ = ["GENERATOR", "ROOT", "TEMPLATES", "Result", "check", "generate"]


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
    config: Config,
    out_dir: Path,
    *,
    templates: Path = TEMPLATES,
    force: bool = False,
    format_cache: FormatCache | None = None,
) -> Result:
    """Generate ``config.package`` into ``out_dir``; skip the work when nothing changed.

    One worker process generates the models, then validates the document, while the
    main process renders; the other shares the formatting with the main process (see
    ``workers.py``). Modules found in ``format_cache`` are not formatted again.
    """
    package_dir = out_dir / config.package
    with stage("hash the inputs"):
        inputs = _input_hashes(config, templates)
        inputs = with_parts(inputs, config.spec, recorded_parts(package_dir))
    result = Result(package_dir)
    if not force and is_up_to_date(package_dir, __version__, inputs):
        return result
    with started() as workers:
        with stage("read the document"):
            loaded = load_document(config.spec, validate=False)
            document = loaded.document
            inputs = with_parts(inputs, config.spec, loaded.parts)
        validation = Validation(workers, document, str(config.spec))
        try:
            with stage("import the stages"), loading():
                from .assemble import build  # only now: see the module's docstring

            # The models worker, idle once it has validated, keeps what was formatted.
            formatter = Formatter(workers.formatting, format_cache, keeper=workers.models)
            files, result.warnings = build(
                config, templates, inputs, document, formatter, workers, validation
            )
        except Exception:
            # A document that breaks the OpenAPI schema explains any failure best.
            validation.result()
            raise
        validation.result()
        files["py.typed"] = ""
        result.files = dict(sorted(files.items()))
        with stage("write"):  # while the models worker may still fill the format cache
            provenance = provenance_text(__version__, inputs, result.files)
            write_package(package_dir, result.files, provenance)
    result.written = True
    return result


def check(config: Config, out_dir: Path, scratch: Path, templates: Path = TEMPLATES) -> list[str]:
    """Regenerate into ``scratch`` and list the files that differ from ``out_dir``."""
    fresh = generate(config, scratch, templates=templates, force=True)
    expected = read_tree(fresh.package_dir)
    package_dir = out_dir / config.package
    actual = read_tree(package_dir) if package_dir.exists() else {}
    expected.pop(PROVENANCE, None)
    actual.pop(PROVENANCE, None)
    return sorted(
        path for path in set(expected) | set(actual) if expected.get(path) != actual.get(path)
    )
