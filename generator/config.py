"""The generator's configuration: a TOML file beside the spec (``spec/codegen.toml``).

Everything specific to one API (renames, job samples, the package name) lives in
this file; the generator's code stays generic. The smallest configuration names the
package and the document::

    [package]
    name = "petstore_client"

    [inputs]
    spec = "petstore.yaml"

The file is checked against ``SCHEMA`` before any value is read.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config_schema import ListOf, MapOf, Schema, Table, Value, check
from .problems import fail

STRING = Value(str)
IDENTIFIER = Value(str, identifier=True)
FLAG = Value(bool)

#: Every section and key the configuration may hold, with the type of its value.
SCHEMA = Table(
    {
        "package": Table(
            {
                "name": IDENTIFIER,
                "title": STRING,
                "default_base_url": STRING,
                "client_class": IDENTIFIER,
                "error_class": IDENTIFIER,
                "errors_module": STRING,
                "static": ListOf(STRING),
                "version_file": STRING,
            },
            required=frozenset({"name"}),
        ),
        "inputs": Table(
            {
                "spec": STRING,
                "job_samples": MapOf(STRING),
                "job_sample_rows": Table({"pointer": STRING}),
            }
        ),
        "operations": Table(
            {
                "strip_fastapi_suffix": FLAG,
                "overrides": MapOf(Table({"idempotent": FLAG, "name": IDENTIFIER})),
            }
        ),
        "schemas": Table(
            {"fastapi_body_names": FLAG, "rename": MapOf(IDENTIFIER), "lenient_answers": FLAG}
        ),
        "parameters": Table({"slash_allowed": ListOf(STRING)}),
        "inband_errors": Table(
            {"status_property": STRING, "error_value": STRING, "message_property": STRING},
            required=frozenset({"status_property", "error_value", "message_property"}),
        ),
    },
    required=frozenset({"package"}),
)


@dataclass(frozen=True)
class InbandErrors:
    """How an HTTP 200 body reports a failure (``{"status": "ERROR", "error": "..."}``)."""

    status_property: str
    error_value: str
    message_property: str


@dataclass(frozen=True)
class OperationOverride:
    """Per-operation settings that the spec cannot express."""

    idempotent: bool | None = None
    name: str | None = None


@dataclass(frozen=True)
class Config:
    """Everything the generator reads besides the spec itself."""

    path: Path
    package: str
    title: str
    default_base_url: str
    client_class: str
    error_class: str
    static: tuple[str, ...]
    spec: Path
    job_samples: dict[str, Path]
    job_rows_pointer: str
    strip_fastapi_suffix: bool
    fastapi_body_names: bool
    renames: dict[str, str]
    slash_allowed: frozenset[str]
    inband_errors: InbandErrors | None
    overrides: dict[str, OperationOverride] = field(default_factory=dict)
    #: The package's version (``__version__``), from ``version_file``; "0.0.0" without one.
    version: str = "0.0.0"
    #: The ``pyproject.toml`` whose ``[project] version`` the package carries, if any.
    version_file: Path | None = None
    #: Whether schemas only answers use take no key as required (``lenient_answers.py``).
    lenient_answers: bool = False
    #: The public module (relative to the package, ``exceptions``) that exports every
    #: error; empty: the package itself. Reprs and tracebacks name the errors there.
    errors_module: str = ""

    def with_inputs(
        self, spec: Path | None = None, job_samples: list[Path] | None = None
    ) -> Config:
        """Return a copy reading another spec or other job samples (the CLI's overrides)."""
        samples = self.job_samples
        if job_samples is not None:
            by_file = {p.name: name for name, p in self.job_samples.items()}
            samples = {by_file.get(p.name, _class_name_from_stem(p.stem)): p for p in job_samples}
        return Config(
            **{
                **self.__dict__,
                "spec": spec if spec is not None else self.spec,
                "job_samples": samples,
            }
        )


def _class_name_from_stem(stem: str) -> str:
    return "".join(part.capitalize() for part in stem.replace("-", "_").split("_") if part)


def default_error_class(package: str) -> str:
    """The error base a package gets unless its config names one: ``petstore_client`` →
    ``PetstoreClientError``."""
    return _class_name_from_stem(package) + "Error"


def read_config_data(path: Path, schema: Schema = SCHEMA) -> dict[str, Any]:
    """The TOML data of a configuration file, checked against ``schema``."""
    source = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise fail("configuration file not found", source=source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"cannot read: {exc}", source=source) from None
    except tomllib.TOMLDecodeError as exc:
        raise fail(f"not valid TOML: {exc}", source=source) from None
    problem = check(data, schema)
    if problem:
        pointer, rule = problem
        raise fail(rule, source=source, pointer=pointer)
    return data


def load_config(path: Path) -> Config:
    """Read and check a codegen TOML file; paths in it are relative to its folder."""
    data = read_config_data(path)
    base = path.parent
    package = data["package"]
    inputs = data.get("inputs", {})
    operations = data.get("operations", {})
    schemas = data.get("schemas", {})
    inband = data.get("inband_errors")
    name = package["name"]
    overrides = {
        op: OperationOverride(**settings)
        for op, settings in operations.get("overrides", {}).items()
    }
    return Config(
        path=path,
        package=name,
        title=package.get("title", name),
        default_base_url=package.get("default_base_url", ""),
        client_class=package.get("client_class", "ApiClient"),
        error_class=package.get("error_class", default_error_class(name)),
        static=tuple(package.get("static", ["runtime"])),
        spec=base / inputs.get("spec", "openapi.json"),
        job_samples={k: base / v for k, v in inputs.get("job_samples", {}).items()},
        job_rows_pointer=inputs.get("job_sample_rows", {}).get("pointer", ""),
        strip_fastapi_suffix=operations.get("strip_fastapi_suffix", False),
        fastapi_body_names=schemas.get("fastapi_body_names", False),
        renames=dict(schemas.get("rename", {})),
        lenient_answers=schemas.get("lenient_answers", False),
        slash_allowed=frozenset(data.get("parameters", {}).get("slash_allowed", [])),
        inband_errors=InbandErrors(**inband) if inband else None,
        overrides=overrides,
        errors_module=_errors_module(package.get("errors_module", ""), path),
        **_version(base, package.get("version_file"), path),
    )


def _errors_module(value: str, config_path: Path) -> str:
    """``[package] errors_module``: a public module of the package, as ``exceptions``."""
    if value and not all(
        part.isidentifier() and not part.startswith("_") for part in value.split(".")
    ):
        raise fail(
            f"errors_module {value!r} must name a public module of the package, relative to "
            "it (dotted names, none starting with '_'), such as 'exceptions'",
            source=str(config_path),
            pointer="/package/errors_module",
        )
    return value


def _version(base: Path, version_file: str | None, config_path: Path) -> dict[str, Any]:
    """``version`` and ``version_file`` for the Config: the ``[project] version`` of the
    named ``pyproject.toml``, so that the package and its distribution agree."""
    if version_file is None:
        return {}
    path = base / version_file
    source = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"cannot read the version file: {exc}", source=str(config_path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise fail(f"not valid TOML: {exc}", source=source) from None
    version = data.get("project", {}).get("version")
    if not isinstance(version, str) or not version:
        raise fail("has no [project] version string", source=source, pointer="/project/version")
    return {"version": version, "version_file": path}
