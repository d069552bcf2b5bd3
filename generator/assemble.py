"""The parts of the package the pipeline (``pipeline.py``) puts together: the static
copies and what they export, the models' modules, and the rendered modules.

Each function here takes what an earlier stage made and returns a plain value.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build_ir import build_api
from .config import Config
from .fmt import format_modules
from .ir import Api
from .locations import TEMPLATES
from .model_split import model_files
from .models import class_names, job_models, schema_models
from .normalise import normalise
from .problems import Level, Problem, fail
from .pysource import declared_all, parse
from .render import Renderer
from .sync import ASYNC_DIR, SYNC_DIR, derived_replacements, folder_tables


def header(origin: str) -> str:
    """The first line of every rendered module."""
    return (
        f"# Generated from {origin} by `python -m generator codegen` (make codegen). "
        "Do not edit: change spec/, templates/ or generator/ and regenerate."
    )


def _static_files(config: Config, templates: Path) -> dict[str, str]:
    files: dict[str, str] = {}
    for folder in config.static:
        base = templates / "static" / folder
        if not base.is_dir():
            raise fail(
                f"static folder templates/static/{folder} does not exist", source=str(config.path)
            )
        for path in sorted(base.rglob("*.py")):
            relative = path.relative_to(base).as_posix()
            if relative in files:
                raise fail(f"two static folders both provide {relative}", source=str(config.path))
            origin = f"templates/static/{folder}/{relative}"
            header = f"# Copied from {origin} by `python -m generator codegen`. Do not edit here.\n"
            files[relative] = header + path.read_text(encoding="utf-8")
    return files


def sync_table(config: Config, templates: Path) -> dict[str, str]:
    """The sync replacements the static folders of ``config`` carry (``unasync.toml``)."""
    return folder_tables([templates / "static" / folder for folder in config.static])


def _module_exports(files: dict[str, str]) -> dict[str, list[str]]:
    """``__all__`` of every static module, by module path (``_async.client``)."""
    exports: dict[str, list[str]] = {}
    for path, source in sorted(files.items()):
        names = declared_all(source)
        if names is not None:
            exports[path.removesuffix(".py").replace("/", ".")] = list(names)
    return exports


#: Names the generated modules import beside the models (typing, pydantic and the
#: runtime's): a schema may not take one, or a module would import two things as one.
IMPORTED_NAMES = frozenset(
    {
        "Any",
        "Literal",
        "Annotated",
        "Enum",
        "BaseModel",
        "RootModel",
        "Field",
        "ConfigDict",
        "AwareDatetime",
        "NaiveDatetime",
        "OperationInfo",
        "AsyncBaseClient",
        "FileContent",
    }
)


#: The rendered module that names the package's error base and logger for the runtime.
PACKAGE_NAMES = "_package.py"


#: The module and class the generated low-level clients subclass (see client.py.jinja).
BASE_CLIENT = (ASYNC_DIR + "_base_client.py", "AsyncBaseClient")


def client_attributes(static: dict[str, str]) -> frozenset[str]:
    """Every name the base client class defines (methods, properties, class attributes,
    ``self.x`` attributes): a tag's attribute on the generated client may take none."""
    path, class_name = BASE_CLIENT
    if path not in static:
        raise fail(f"no static folder provides {path}, which the generated client subclasses")
    names: set[str] = set(dir(object))
    for node in parse(static[path]).body:
        if not (isinstance(node, ast.ClassDef) and node.name == class_name):
            continue
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                names.add(statement.name)
            elif isinstance(statement, ast.Assign | ast.AnnAssign):
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                names.update(t.id for t in targets if isinstance(t, ast.Name))
        for item in ast.walk(node):
            if (
                isinstance(item, ast.Attribute)
                and isinstance(item.ctx, ast.Store)
                and isinstance(item.value, ast.Name)
                and item.value.id == "self"
            ):
                names.add(item.attr)
    return frozenset(names)


def _package_exports(
    static: dict[str, str], config: Config, sync_names: dict[str, str]
) -> list[tuple[str, list[str]]]:
    """Re-exports of the hand-written private modules, the async ones with their sync twins.

    A static module whose name has no leading underscore (``compute.py``) is a public
    module of its own, imported as ``package.compute``; its names are not re-exported.
    """
    result: list[tuple[str, list[str]]] = []
    for module, names in _module_exports(static).items():
        if not module.startswith("_"):
            continue
        if module.startswith("_async."):
            twin = SYNC_DIR.rstrip("/") + module[len(ASYNC_DIR.rstrip("/")) :]
            result.append(("." + module, sorted(names)))
            result.append(("." + twin, sorted({sync_names.get(n, n) for n in names})))
        elif not module.startswith("_sync."):
            result.append(("." + module, sorted(names)))
    result.append(("." + PACKAGE_NAMES.removesuffix(".py"), [config.error_class]))
    return sorted(result)


@dataclass(frozen=True)
class Static:
    """The hand-written modules of the package's static folders, as copied into it."""

    #: The copies by path in the package, each with its "Copied from" line.
    files: dict[str, str]
    #: The sync replacements the folders carry (``unasync.toml``).
    table: dict[str, str]
    #: What the package's ``__init__`` re-exports, by module.
    exports: list[tuple[str, list[str]]]

    @property
    def exported(self) -> set[str]:
        return {name for _, names in self.exports for name in names}


def read_static(config: Config, templates: Path) -> Static:
    """The static folders of ``config``: their modules, sync table and exports."""
    files = _static_files(config, templates)
    table = sync_table(config, templates)
    exports = _package_exports(files, config, {**derived_replacements(files), **table})
    return Static(files, table, exports)


def reserved_names(config: Config, exported: set[str]) -> frozenset[str]:
    """Names a schema may not take: what the package exports or its modules import."""
    return frozenset(
        exported | IMPORTED_NAMES | {f"Async{config.client_class}", config.client_class}
    )


@dataclass(frozen=True)
class Models:
    """The ``models`` package's modules, and the class names they define."""

    #: The modules by path in the package (``models/_enums.py``), not yet formatted.
    files: dict[str, str]
    #: The module each model name comes from, relative to ``models`` (sorted by name).
    origins: list[tuple[str, str]]
    #: The classes made from the schemas (a superset of the schema names), in order.
    names: tuple[str, ...]
    #: The classes made from the job samples, in order.
    job_names: tuple[str, ...]
    warnings: list[Problem]


#: The module of the job models, beside the schema models' package.
JOB_MODELS = "models/_jobs.py"


def make_models(normalised: dict[str, Any], config: Config) -> Models:
    """The pydantic models of the schemas and of the job samples, split into modules; a
    clear error when a schema got no class or a job model's name clashes with a schema
    model's."""
    written = schema_models(normalised)
    jobs_header = header(", ".join(sorted(p.name for p in config.job_samples.values())))
    jobs_src, job_notes = job_models(config.job_samples, config.job_rows_pointer, jobs_header)
    names = tuple(item.name for item in written.classes)
    job_names = class_names(jobs_src) if jobs_src else ()
    missing = sorted(set(normalised["components"]["schemas"]) - set(names))
    if missing:
        raise fail(
            f"the models lack classes for schema(s) {', '.join(missing)}", source=str(config.spec)
        )
    clash = sorted(set(names) & set(job_names))
    if clash:
        raise fail(
            f"job model name(s) {', '.join(clash)} clash with schema names", source=str(config.path)
        )
    files, schema_origins = model_files(written, header(config.spec.name))
    origins = dict(schema_origins) | dict.fromkeys(job_names, "._jobs")
    if jobs_src:
        files[JOB_MODELS] = jobs_src
    warnings = [
        Problem(Level.WARNING, f"models: {note}", str(config.spec)) for note in written.notes
    ]
    warnings += [
        Problem(Level.WARNING, f"job models: {note}", str(config.path)) for note in job_notes
    ]
    return Models(files, sorted(origins.items()), names, job_names, warnings)


def build_ir(
    normalised: dict[str, Any],
    config: Config,
    static: Static,
    model_names: tuple[str, ...],
    job_model_names: tuple[str, ...],
    inputs: tuple[str, ...],
) -> tuple[Api, list[Problem]]:
    """The IR of a normalised document, which names the models' classes."""
    return build_api(
        normalised,
        config,
        model_names,
        job_model_names,
        inputs=inputs,
        client_attributes=client_attributes(static.files),
    )


def intermediate(
    config: Config, document: dict[str, Any], templates: Path = TEMPLATES
) -> tuple[Api, dict[str, Any]]:
    """The IR and the normalised document of ``document`` as a run would build them,
    without models, rendering or formatting (the schema names stand for the classes):
    what the release's API diff compares."""
    static = read_static(config, templates)
    normalised, _ = normalise(document, config, reserved_names(config, static.exported))
    schema_names = tuple(sorted(normalised["components"]["schemas"]))
    api, _ = build_ir(
        normalised, config, static, schema_names, tuple(sorted(config.job_samples)), ()
    )
    return api, normalised


def _all_names(api: Api, exported: set[str]) -> list[str]:
    return sorted(
        exported
        | set(api.model_names)
        | set(api.job_model_names)
        | {
            f"Async{api.client_class}",
            api.client_class,
            "API_VERSION",
            "DEFAULT_BASE_URL",
            "DEFAULT_TOKEN_URL",
            "models",
        }
    )


def render_package(
    api: Api, static: Static, models: Models, config: Config, templates: Path
) -> dict[str, str]:
    """The static copies and the modules rendered from the IR, of which the ``_async/``
    ones get sync twins (the models' modules are added after those: they define no
    ``AsyncX`` name that the twins' renaming could take up)."""
    renderer = Renderer(templates, api)
    top = header(config.spec.name)
    files = dict(static.files)
    files["_spec_info.py"] = renderer.render("spec_info.py.jinja", top)
    files[PACKAGE_NAMES] = renderer.render("package_names.py.jinja", top)
    files[ASYNC_DIR + "__init__.py"] = top + '\n"""The async side of the package."""\n'
    files[ASYNC_DIR + "api_client.py"] = renderer.render("client.py.jinja", top)
    files[ASYNC_DIR + "endpoints/__init__.py"] = renderer.render("endpoints_init.py.jinja", top)
    if api.tags:
        files[OPERATIONS_DIR + "__init__.py"] = (
            top + '\n"""The operations of each tag, shared by its async and sync endpoints."""\n'
        )
    for tag in api.tags:
        files[f"{ASYNC_DIR}endpoints/{tag.python_name}.py"] = renderer.render(
            "endpoints.py.jinja", top, tag=tag
        )
        files[f"{OPERATIONS_DIR}{tag.python_name}.py"] = renderer.render(
            "operations.py.jinja", top, tag=tag
        )
    files["models/__init__.py"] = renderer.render(
        "models_init.py.jinja", top, origins=models.origins
    )
    files["__init__.py"] = renderer.render(
        "package_init.py.jinja",
        top,
        exports=static.exports,
        all_names=_all_names(api, static.exported),
    )
    files["py.typed"] = ""
    return files


def formatted(files: dict[str, str], static: Static) -> dict[str, str]:
    """``files``, sorted by path, with every module that depends on the document as
    black writes it (``fmt.format_modules``).

    The static copies and their sync twins are hand-written code, which the repository
    keeps as black writes it (``make lint``; ``python -m generator check`` verifies), so
    they are left as they are.
    """
    copies = {path for path, src in static.files.items() if files.get(path) == src}
    twins = {SYNC_DIR + path[len(ASYNC_DIR) :] for path in copies if path.startswith(ASYNC_DIR)}
    kept = copies | twins
    modules = {p: text for p, text in files.items() if p.endswith(".py") and p not in kept}
    return dict(sorted((files | format_modules(modules)).items()))


#: The package of the operations' facts (``OperationInfo``), one module per tag: outside
#: ``_async/``, so that the sync endpoint modules share them rather than repeat them.
OPERATIONS_DIR = "_operations/"
