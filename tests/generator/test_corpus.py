"""The generator on OpenAPI documents written by others (``corpus/``, sources and
licences noted beside them), each with the smallest configuration a user would write:
a package name and the document. Every package generates, imports, and passes
``mypy --strict`` with both twins. Documents with errors (``invalid/``) end with exit
code 2 and one line per error naming the file, the JSON pointer and the rule."""

from __future__ import annotations

import asyncio
import importlib
import logging
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.__main__ import main
from generator.config import default_error_class, load_config
from generator.pipeline import Result, generate
from sfapi_sim.testing import free_port
from tests.generator.conftest import CORPUS, DOCUMENTS, PACKED, minimal_config

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
INVALID = HERE / "invalid"


def test_the_corpus_is_varied() -> None:
    """At least a dozen documents: JSON and YAML, 3.0 and 3.1, small and large."""
    texts = {p: p.read_text(encoding="utf-8") for p in DOCUMENTS}
    assert len(DOCUMENTS) >= 12
    assert {p.suffix for p in DOCUMENTS} >= {".json", ".yaml"}
    versions = {v for v in ("3.0.", "3.1.") for t in texts.values() if v in t.split("info")[0]}
    assert versions == {"3.0.", "3.1."}
    sizes = sorted(len(t) for t in texts.values())
    assert sizes[0] < 2_000 and sizes[-1] > 50_000
    # A compressed document is described beside the file the repository holds.
    held = [PACKED.get(p, p) for p in DOCUMENTS]
    for folder in {_source_folder(p) for p in held}:
        assert (folder / "LICENSE").is_file() and (folder / "SOURCE.md").is_file()
        listed = (folder / "SOURCE.md").read_text(encoding="utf-8")
        documents = [p for p in held if _source_folder(p) == folder]
        assert all(f"`{p.relative_to(folder).as_posix()}`" in listed for p in documents)


def _source_folder(document: Path) -> Path:
    """The folder of the corpus a document comes from, where its source is noted."""
    return CORPUS / document.relative_to(CORPUS).parts[0]


def _tags(package_dir: Path) -> list[str]:
    endpoints = package_dir / "_async" / "endpoints"
    return sorted(p.stem for p in endpoints.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_each_document_generates_and_imports(
    document: Path,
    corpus_out: tuple[Path, dict[str, Result]],
    corpus_package: Callable[[str], ModuleType],
) -> None:
    result = corpus_out[1][document.name]
    assert result.written
    package = corpus_package(document.name)
    with package.ApiClient("http://127.0.0.1:9/") as client:
        assert all(getattr(client, tag) is not None for tag in _tags(result.package_dir))
    client = package.AsyncApiClient("http://127.0.0.1:9/")
    assert all(getattr(client, tag) is not None for tag in _tags(result.package_dir))
    asyncio.run(client.aclose())
    # Every model loads (each is imported when first used, so an import only of the
    # package would not show a model that cannot be built).
    models = importlib.import_module(f"{package.__name__}.models")
    assert all(isinstance(getattr(models, name), type) for name in models.__all__)


#: Names of the SF API and of its layer that no package for another API may hold
#: (compared without case): the service, its site, machines, scheduler and transfer
#: service, and the SF layer's errors, wait timeouts and key folder.
SF_API_NAMES = (
    "sfapi",
    "superfacility",
    "nersc",
    "perlmutter",
    "squeue",
    "sacct",
    "slurm",
    "sbatch",
    "globus",
    "TaskFailedError",
    "JobSubmissionError",
    "SubmissionOutcomeUnknownError",
    "JobNotCreatedError",
    "JobNotFoundError",
    "MachineUnavailableError",
    "DEFAULT_JOB_TIMEOUT",
    "DEFAULT_TASK_TIMEOUT",
    "DEFAULT_SUBMIT_TIMEOUT",
    "DEFAULT_TRANSFER_TIMEOUT",
    "KEY_FOLDER",
)
_SF_API_NAME = re.compile("|".join(map(re.escape, SF_API_NAMES)), re.IGNORECASE)


def _sf_api_names_in(package_dir: Path) -> dict[str, set[str]]:
    """The SF API names each file of a package holds, by path (files without any left out)."""
    found: dict[str, set[str]] = {}
    for path in sorted(package_dir.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            names = {m.group().lower() for m in _SF_API_NAME.finditer(path.read_text("utf-8"))}
            if names:
                found[path.relative_to(package_dir).as_posix()] = names
    return found


def test_the_sf_api_names_are_the_sf_packages_own() -> None:
    """Every listed name is one the SF API's package really holds, so the scan below
    looks for something that exists."""
    held = set().union(*_sf_api_names_in(ROOT / "generated" / "sfapi_client").values())
    assert held == {name.lower() for name in SF_API_NAMES}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_a_package_for_another_api_holds_no_sf_api_name(
    document: Path, corpus_out: tuple[Path, dict[str, Result]]
) -> None:
    """The runtime copied into every package, the rendered modules and PROVENANCE.json
    (which lists the inputs) speak of the package's own API only."""
    assert _sf_api_names_in(corpus_out[1][document.name].package_dir) == {}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_errors_carry_the_package_name(
    document: Path, corpus_package: Callable[[str], ModuleType]
) -> None:
    """The error base is named after the package, and every error the package exports
    (its names load when first used, so they are read through ``__all__``) is one, shown
    under the package itself (no errors module configured), where it is exported."""
    package = corpus_package(document.name)
    base = getattr(package, default_error_class(package.__name__))
    assert (base.__name__, base.__module__) == (
        default_error_class(package.__name__),
        package.__name__,
    )
    exported = [getattr(package, name) for name in package.__all__]
    runtime_errors = [
        value for value in exported if isinstance(value, type) and issubclass(value, Exception)
    ]
    assert len(runtime_errors) > 10
    assert all(issubclass(error, base) for error in runtime_errors)
    assert {error.__module__ for error in runtime_errors} == {package.__name__}


def test_a_failed_call_logs_and_raises_in_the_package_names(
    corpus_package: Callable[[str], ModuleType], caplog: pytest.LogCaptureFixture
) -> None:
    """A request to a port nobody listens on: the log record comes from the package's
    logger, the error is an instance of the package's error base."""
    package = corpus_package("openapi.yaml")
    name = package.__name__
    operation = package._operation.OperationInfo("probe", "GET", "/", False, True)
    no_retry = package.RetryConfig(max_attempts=1)
    client = package.ApiClient(f"http://127.0.0.1:{free_port()}", retry=no_retry)
    with (
        caplog.at_level(logging.DEBUG, logger=name),
        client,
        pytest.raises(package.TransportError) as caught,
    ):
        client.send(operation, "/")
    assert isinstance(caught.value, getattr(package, default_error_class(name)))
    assert [r.name for r in caplog.records] == [name]
    assert "GET http://127.0.0.1:" in caplog.records[0].getMessage()


def test_the_config_names_the_error_base(tmp_path: Path) -> None:
    """``[package] error_class`` overrides the derived name, in the package and its
    docstrings."""
    document = next(p for p in DOCUMENTS if p.name == "openapi.yaml")
    config = minimal_config(tmp_path, document)
    config.write_text(
        config.read_text().replace("[inputs]", 'error_class = "PetstoreError"\n\n[inputs]')
    )
    result = generate(load_config(config), tmp_path / "out", force=True)
    assert "class PetstoreError(_api_error.ApiError):" in result.files["_package.py"]
    assert "PetstoreError: on a non-2xx answer" in result.files["_async/endpoints/pet.py"]
    assert "PetstoreError," in result.files["__init__.py"]
    derived = default_error_class(load_config(config).package)
    assert derived not in "".join(result.files.values())


def _mypy_strict(folder: Path, packages: list[str]) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on packages in ``folder``, in one run and without a cache."""
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    return subprocess.run(
        [*mypy, "--cache-dir", "/dev/null", *packages],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_every_package_passes_mypy_strict(corpus_out: tuple[Path, dict[str, Result]]) -> None:
    """One mypy run over every package, both twins."""
    out, results = corpus_out
    run = _mypy_strict(out, sorted(r.package_dir.name for r in results.values()))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Success: no issues found" in run.stdout


def test_the_live_fastapi_package_passes_mypy_strict(live_api: tuple[ModuleType, str]) -> None:
    package, _ = live_api
    package_dir = Path(package.__file__).parent
    run = _mypy_strict(package_dir.parent, [package_dir.name])
    assert run.returncode == 0, run.stdout + run.stderr


def test_live_fastapi_constraints_hold_in_the_models(live_api: tuple[ModuleType, str]) -> None:
    """``pattern``, ``max_length``, ``ge`` become Field arguments that pydantic enforces."""
    package, _ = live_api
    with pytest.raises(ValueError, match="String should match pattern"):
        package.models.NewWidget(code="lowercase-1")
    with pytest.raises(ValueError, match="less than or equal to 1000"):
        package.models.NewWidget(code="ABC-1", count=1001)


def test_clashes_are_resolved_with_warnings(corpus_out: tuple[Path, dict[str, Result]]) -> None:
    """Names that meet are renamed without any configuration, each with a warning."""
    warnings = [str(w) for w in corpus_out[1]["baseline_openapi_3.0.json"].warnings]
    assert (
        "warning: #/paths/~1same-name-multiple-locations~1{param}/get: "
        "header parameter 'param' is named 'param_header': 'param' is taken"
    ) in warnings
    assert any("'mixedCase' is named 'mixed_case_query_2'" in w for w in warnings)


def test_a_stray_null_default_is_a_warning(corpus_out: tuple[Path, dict[str, Result]]) -> None:
    """``default:`` left empty on a property that takes no null (ReadMe's schema-types
    document) reads as no default, with a warning naming the pointer."""
    warnings = [str(w) for w in corpus_out[1]["schema-types.yaml"].warnings]
    stray = [
        w
        for w in warnings
        if w.endswith("default null on a schema that is not nullable: read as no default")
    ]
    assert len(stray) == 4
    assert any(
        "/components/schemas/StringSchemaSupportBody/properties/default (null)/default:" in w
        for w in stray
    )


#: Each invalid document and the lines it must end with (the file's path left out).
INVALID_DOCUMENTS = {
    "openapi-python-client/bad-status-code.yaml": [
        "#/paths/~1/get/responses/abcdef: response status 'abcdef' is not a code (200), "
        "a range (2XX) or 'default'"
    ],
    "openapi-python-client/circular-body-ref.yaml": [
        "#/paths/~1/post/requestBody/$ref: circular $ref: #/components/requestBodies/body "
        "→ #/components/requestBodies/body"
    ],
    "openapi-python-client/invalid-uuid-defaults.yaml": [
        "#/paths/~1/put/parameters/0/schema/default: invalid default '3': not a valid uuid",
        "#/paths/~1/post/parameters/0/schema/default: invalid default 'notauuid': not a valid uuid",
    ],
    "openapi-python-client/missing-body-ref.yaml": [
        "#/paths/~1/post/requestBody/$ref: dangling $ref '#/components/requestBodies/body': "
        "it does not resolve"
    ],
    "openapi-python-client/optional-path-param.yaml": [
        "#/paths/~1{optional}/get/parameters/0: a path parameter must have required: true"
    ],
    "circular-schema-alias.yaml": [
        "#/components/schemas/A: circular $ref: #/components/schemas/A "
        "→ #/components/schemas/B → #/components/schemas/A"
    ],
    "bad-enum-default.json": [
        "#/paths/~1items/get/parameters/0/schema/default: invalid default 'huge': "
        "not one of the enum's values"
    ],
    "bad-model-default.yaml": [
        "#/components/schemas/Order/properties/count/default: invalid default 'many': "
        "not of type integer"
    ],
    "ref-not-a-string.json": [
        "#/components/schemas/Job/properties/status/$ref: a $ref must be a string"
    ],
    # pydantic names union members (Reference, Schema) in its locations; a schema named
    # like a class (BookingPayment) is part of the document and stays in the pointer.
    # Why the object is no Reference (it has no $ref) is left out.
    "bad-keyword-in-named-schema.yaml": [
        "#/components/schemas/BookingPayment/properties/source/minLength: invalid OpenAPI: "
        "Input should be a valid integer, unable to parse string as an integer",
    ],
    "not-yaml.yaml": ["not valid YAML: could not find expected ':' at line 5, column 1"],
    "duplicate-key.yaml": ["not valid YAML: duplicate key 'paths' at line 5, column 1"],
}


@pytest.mark.parametrize("name", sorted(INVALID_DOCUMENTS))
def test_invalid_documents_give_one_line_per_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = INVALID / name
    config = tmp_path / "codegen.toml"
    config.write_text(f'[package]\nname = "broken"\n\n[inputs]\nspec = "{document}"\n')
    code = main(["codegen", "--config", str(config), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        f"error: {document}{line if line.startswith('#') else ': ' + line}"
        for line in INVALID_DOCUMENTS[name]
    ]
    assert not (tmp_path / "out").exists()


def test_references_between_files_that_cannot_be_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file or pointer, a URL, an absolute path, a path out of the document's
    folder, a bad reference inside another file, a loop of files: one line each, naming
    the file that holds the ``$ref`` and its pointer; nothing is written."""
    document = INVALID / "split-refs" / "broken-refs.yaml"
    folder = document.parent.resolve()
    config = tmp_path / "codegen.toml"
    config.write_text(f'[package]\nname = "broken"\n\n[inputs]\nspec = "{document}"\n')
    code = main(["codegen", "--config", str(config), "--out", str(tmp_path / "out")])
    assert code == 2
    root = f"error: {document}#/paths"
    assert capsys.readouterr().err.splitlines() == [
        f"{root}/~1missing-file/$ref: dangling $ref 'paths/nowhere.yaml': "
        f"file {folder}/paths/nowhere.yaml not found",
        f"{root}/~1missing-pointer/$ref: dangling $ref 'paths/items.yaml#/no/such/pointer': "
        f"#/no/such/pointer does not resolve in {folder}/paths/items.yaml",
        f"{root}/~1url/$ref: $ref 'https://example.com/paths/items.yaml' names a URL: only "
        "files beside the document are read (no network); save it next to the document "
        "and refer to it by a relative path",
        f"{root}/~1absolute/$ref: $ref '/etc/paths.yaml' is an absolute path; refer to "
        "files relative to the one that refers to them",
        f"{root}/~1outside/$ref: $ref '../bad-enum-default.json#/paths/~1items' leads "
        f"outside the document's folder {folder}; only files under it are read",
        f"error: {folder}/paths/items.yaml#/get/responses/200/content/application~1json/"
        f"schema/$ref: dangling $ref '../models/missing.yaml': file {folder}/models/"
        "missing.yaml not found",
        f"error: {folder}/paths/loop-b.yaml#/$ref: circular $ref: paths/loop-a.yaml → "
        "paths/loop-b.yaml → paths/loop-a.yaml",
    ]
    assert not (tmp_path / "out").exists()


def test_a_document_split_over_files_reads_the_same_every_time() -> None:
    """Schemas from other files become components named after their pointer or file, in
    the order they are met; every reference left is local."""
    from generator.load import load_document, walk_refs

    document = next(p for p in DOCUMENTS if p.name == "split-droplets.yaml")
    first, second = load_document(document), load_document(document)
    assert first == second
    assert list(first.document["components"]["schemas"]) == list(
        second.document["components"]["schemas"]
    )
    assert list(first.document["components"]["schemas"]) == [
        "Droplet",
        "Region",
        "Tree",
        "Error",
        "droplet_create",
    ]
    assert all(ref.startswith("#/") for ref, _ in walk_refs(first.document))
    folder = document.parent.resolve()
    assert [p.relative_to(folder).as_posix() for p in first.parts] == [
        "paths/droplet.json",
        "paths/droplets.yaml",
        "resources/droplets/examples.yml",
        "resources/droplets/models/droplet.yml",
        "resources/droplets/models/droplet_create.yml",
        "resources/droplets/models/droplet_create_properties.yml",
        "resources/droplets/parameters.yml",
        "shared/models.yaml",
        "shared/responses.yml",
    ]
    # A map of properties and an example from files of their own are copied in.
    schemas = first.document["components"]["schemas"]
    assert list(schemas["droplet_create"]["properties"]) == ["name", "region", "tags"]
    listing = first.document["paths"]["/droplets"]["get"]["responses"]["200"]
    assert listing["content"]["application/json"]["example"]["droplets"][0]["id"] == 1


def test_a_changed_file_of_a_split_document_is_a_changed_input(tmp_path: Path) -> None:
    """The files a document refers to count as inputs: unchanged, a run writes nothing;
    one of them changed, the package follows it."""
    import shutil

    document = next(p for p in DOCUMENTS if p.name == "split-droplets.yaml")
    folder = tmp_path / "split"
    shutil.copytree(document.parent, folder)
    config = load_config(minimal_config(tmp_path, folder / document.name))
    assert generate(config, tmp_path / "out").written
    assert not generate(config, tmp_path / "out").written
    region = folder / "shared" / "models.yaml"
    region.write_text(
        region.read_text().replace(
            "available:", "country:\n          type: string\n        available:"
        )
    )
    again = generate(config, tmp_path / "out")
    assert again.written
    models = [text for path, text in again.files.items() if path.startswith("models/")]
    assert any("country: str | None = None" in text for text in models)
    provenance = (again.package_dir / "PROVENANCE.json").read_text()
    assert '"spec_part:shared/models.yaml"' in provenance


def test_an_empty_enum_takes_no_value(corpus_package: Callable[[str], ModuleType]) -> None:
    """``enum: []`` (OpenAPI 3.1): the field can only stay unset, and says why."""
    import pydantic

    package = corpus_package("empty-enums.yaml")
    assert package.Channel(id="c").flags is None
    with pytest.raises(pydantic.ValidationError):
        package.Channel.model_validate({"id": "c", "flags": 4})
    with pytest.raises(pydantic.ValidationError):
        package.ReservedKind.model_validate("text")
    source = Path(package.__file__).parent / "models"
    text = "".join(p.read_text() for p in source.rglob("*.py"))
    assert text.count("The API document gives this an empty enum") == 2


def test_the_docstrings_say_who_gets_the_credentials(
    corpus_out: tuple[Path, dict[str, Result]],
) -> None:
    """Without security schemes an operation takes the client's credentials when it has
    them; ``security: []`` makes one public; a stated requirement needs them."""
    files = corpus_out[1]["no-security-schemes.yaml"].files
    user, meta = files["_async/endpoints/user.py"], files["_async/endpoints/meta.py"]
    assert "``GET /user``; sends the client's credentials when it has them." in user
    assert "``GET /meta``; public." in meta
    split = corpus_out[1]["split-droplets.yaml"].files["_async/endpoints/droplets.py"]
    assert "``GET /droplets``; needs credentials." in split


@pytest.mark.parametrize(
    ("ref", "says"),
    [
        ("http://[x", "is not a valid reference: Invalid IPv6 URL"),
        ("a\x00b.yaml", "names no readable file: embedded null byte"),
        ("x" * 5000 + ".yaml", "not found"),
        ("folder/", "not found"),
        ("part.yaml#name", "the part after '#' must be a JSON pointer (#/...)"),
    ],
)
def test_a_reference_no_file_answers_is_a_problem_not_a_crash(
    ref: str, says: str, tmp_path: Path
) -> None:
    from generator.bundle import bundle
    from generator.problems import GeneratorError

    (tmp_path / "folder").mkdir()
    document = {"openapi": "3.1.0", "paths": {"/a": {"$ref": ref}}, "components": []}
    with pytest.raises(GeneratorError) as caught:
        bundle(tmp_path / "root.yaml", document)
    (problem,) = caught.value.problems
    assert problem.pointer == "/paths/~1a/$ref" and says in problem.message
