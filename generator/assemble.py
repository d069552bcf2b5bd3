"""Every file of the package from the document: the stages between reading the
document and writing the package (``normalise`` → ``build_ir`` → ``models`` /
``render`` → ``sync`` → ``fmt``), spread over the run's processes (``workers.py``).

``pipeline.generate`` imports this module only after it has started the worker that
makes the models, so that the worker's loading of the model generator starts before
the main process loads what it needs here (the templates' engine, the IR builder).
"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path
from typing import Any

from .build_ir import build_api
from .config import Config
from .fmt import Formatter
from .ir import Api
from .locations import TEMPLATES
from .model_split import model_files
from .models import class_names, job_models, schema_models
from .normalise import normalise
from .problems import Level, Problem, fail
from .pysource import declared_all, parse
from .render import Renderer
from .sync import ASYNC_DIR, SYNC_DIR, derived_replacements, folder_tables, make_sync_twins
from .timeline import Timed, stage
from .workers import Validation, Workers


def _header(config: Config, origin: str) -> str:
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
            exports[path.removesuffix(".py").replace("/", ".")] = names
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


def build(
    config: Config,
    templates: Path,
    inputs: dict[str, str],
    document: dict[str, Any],
    formatter: Formatter,
    workers: Workers,
    validation: Validation,
) -> tuple[dict[str, str], list[Problem]]:
    """Every file of the package, formatted (the models made by ``workers.models``),
    and the warnings of the stages. ``validation`` is started once the models are
    asked for, so that the worker validates after making them."""
    with stage("read the static modules"):
        static = _static_files(config, templates)
        table = sync_table(config, templates)
        exports = _package_exports(static, config, {**derived_replacements(static), **table})
        exported = {name for _, names in exports for name in names}
    with stage("normalise"):
        normalised, warnings = normalise(document, config, _reserved(config, exported))
    header = _header(config, config.spec.name)
    jobs_header = _header(config, ", ".join(sorted(p.name for p in config.job_samples.values())))
    # The schema models first: they are split into modules while the job models (the
    # quicker task) are made, so that little is left once the last models arrive.
    schemas_job = workers.models.submit(Timed("schema models", schema_models), normalised, header)
    jobs_job = workers.models.submit(
        Timed("job models", job_models), config.job_samples, config.job_rows_pointer, jobs_header
    )
    validation.start()
    with stage("build the IR"):
        api, ir_warnings = _api(normalised, config, static, inputs=tuple(sorted(inputs)))
    warnings += ir_warnings
    renderer = Renderer(templates, api)
    with stage("render"):
        rendered = _render(renderer, header, static)
    # The worker formats the rendered modules while this process makes the sync twins,
    # then formats the twins of the rendered ones itself.
    handed = formatter.hand_over({p: s for p, s in rendered.items() if p not in static})
    with stage("sync twins"):
        files = make_sync_twins(rendered, table)
    settled = _settled(static, files) | set(rendered)
    twins = {p: s for p, s in files.items() if p not in settled}
    files.update(formatter.format_alongside(handed, twins))
    renderer.prepare(*_LATE_TEMPLATES)  # while the worker makes the models
    with stage("wait: schema models"):
        models_src, model_notes = schemas_job.result()
    with stage("split the models"):
        model_modules, schema_origins = model_files(models_src, header)
    files.update(formatter.format(model_modules))  # while the job models are made
    with stage("wait: job models"):
        jobs_src, job_notes = jobs_job.result()
    warnings += [
        Problem(Level.WARNING, f"models: {note}", str(config.spec)) for note in model_notes
    ]
    warnings += [
        Problem(Level.WARNING, f"job models: {note}", str(config.path)) for note in job_notes
    ]
    api = _with_model_names(api, config, models_src, jobs_src)
    origins = dict(schema_origins) | dict.fromkeys(api.job_model_names, "._jobs")
    renderer = Renderer(templates, api)
    models_init, package_init = _LATE_TEMPLATES
    late = {
        "models/__init__.py": renderer.render(models_init, header, origins=sorted(origins.items())),
        "__init__.py": renderer.render(
            package_init,
            header,
            exports=exports,
            all_names=_all_names(api, exported),
        ),
    }
    if jobs_src:
        late[_JOB_MODELS] = jobs_src
    files.update(formatter.format_cutting(late, large={_JOB_MODELS}))
    return files, warnings


def _settled(static: dict[str, str], files: dict[str, str]) -> set[str]:
    """The static copies and their sync twins, which need no formatting: the repository
    keeps both as black writes them (``make lint`` and ``tests/generator``)."""
    copies = {path for path, src in static.items() if files.get(path) == src}
    twins = {SYNC_DIR + path[len(ASYNC_DIR) :] for path in copies if path.startswith(ASYNC_DIR)}
    return copies | twins


#: The module of the job models, formatted in two halves (``Formatter.format_cutting``).
_JOB_MODELS = "models/_jobs.py"

#: The templates rendered once all models are made: ``models/__init__.py`` and the
#: package's ``__init__.py``, which name every model.
_LATE_TEMPLATES = ("models_init.py.jinja", "package_init.py.jinja")


def _reserved(config: Config, exported: set[str]) -> frozenset[str]:
    """Names a schema may not take: what the package exports or its modules import."""
    return frozenset(
        exported | IMPORTED_NAMES | {f"Async{config.client_class}", config.client_class}
    )


def _api(
    normalised: dict[str, Any], config: Config, static: dict[str, str], inputs: tuple[str, ...]
) -> tuple[Api, list[Problem]]:
    """The IR of a normalised document; its class names are the schema names (checked
    against the models the model generator writes, in ``_with_model_names``)."""
    return build_api(
        normalised,
        config,
        tuple(sorted(normalised["components"]["schemas"])),
        tuple(sorted(config.job_samples)),
        inputs=inputs,
        client_attributes=client_attributes(static),
    )


def intermediate(
    config: Config, document: dict[str, Any], templates: Path = TEMPLATES
) -> tuple[Api, dict[str, Any]]:
    """The IR and the normalised document of ``document`` as a run would build them,
    without models, rendering or formatting: what the release's API diff compares."""
    static = _static_files(config, templates)
    sync_names = {**derived_replacements(static), **sync_table(config, templates)}
    exported = {name for _, names in _package_exports(static, config, sync_names) for name in names}
    normalised, _ = normalise(document, config, _reserved(config, exported))
    api, _ = _api(normalised, config, static, inputs=())
    return api, normalised


def _with_model_names(api: Api, config: Config, models_src: str, jobs_src: str) -> Api:
    """The IR with the class names the models really define (a superset of the schemas)."""
    model_names = class_names(models_src)
    job_names = class_names(jobs_src) if jobs_src else ()
    missing = sorted(set(api.model_names) - set(model_names))
    if missing:
        raise fail(
            f"the models lack classes for schema(s) {', '.join(missing)}", source=str(config.spec)
        )
    clash = sorted(set(model_names) & set(job_names))
    if clash:
        raise fail(
            f"job model name(s) {', '.join(clash)} clash with schema names", source=str(config.path)
        )
    return replace(api, model_names=model_names, job_model_names=job_names)


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


def _render(renderer: Renderer, header: str, static: dict[str, str]) -> dict[str, str]:
    """The static copies and the rendered modules that do not depend on the models."""
    api = renderer.api
    files = dict(static)
    files["_spec_info.py"] = renderer.render("spec_info.py.jinja", header)
    files[PACKAGE_NAMES] = renderer.render("package_names.py.jinja", header)
    files[ASYNC_DIR + "__init__.py"] = header + '\n"""The async side of the package."""\n'
    files[ASYNC_DIR + "api_client.py"] = renderer.render("client.py.jinja", header)
    files[ASYNC_DIR + "endpoints/__init__.py"] = renderer.render("endpoints_init.py.jinja", header)
    if api.tags:
        files[OPERATIONS_DIR + "__init__.py"] = (
            header + '\n"""The operations of each tag, shared by its async and sync endpoints."""\n'
        )
    for tag in api.tags:
        files[f"{ASYNC_DIR}endpoints/{tag.python_name}.py"] = renderer.render(
            "endpoints.py.jinja", header, tag=tag
        )
        files[f"{OPERATIONS_DIR}{tag.python_name}.py"] = renderer.render(
            "operations.py.jinja", header, tag=tag
        )
    return files


#: The package of the operations' facts (``OperationInfo``), one module per tag: outside
#: ``_async/``, so that the sync endpoint modules share them rather than repeat them.
OPERATIONS_DIR = "_operations/"
