"""Stage 4: pydantic models.

Schema models are written from the normalised components (``model_source.py``); job
models (``JobSqueue``, ``JobSacct``) from sample job-status responses, written here
(every field an optional string with an alias where the key is not its name).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from .fmt import python_literal
from .load import read_json, resolve_pointer
from .model_source import IMPORTABLE_NAMES, WrittenModels, base_model_attributes, write_models
from .naming import numbered, snake_case
from .problems import fail

#: Names a models module may import: no schema may take one, or its class would hide them.
MODEL_MODULE_NAMES = IMPORTABLE_NAMES


#: A generated module's source and the notes (warnings) its writing gave.
Module = tuple[str, tuple[str, ...]]


def schema_models(document: dict[str, Any]) -> WrittenModels:
    """The classes of the document's component schemas (none for a document without
    components), with the notes their writing gave (a string ``format`` that is not
    understood)."""
    return write_models(document.get("components", {}).get("schemas") or {})


def job_models(samples: dict[str, Path], rows_pointer: str, header: str) -> Module:
    """Source of one module with a model per job sample (empty when there are none).

    A job model is flat (every field an optional string, extra keys allowed), so it is
    written here directly: a field per key in
    first-seen order, named in snake_case, with the key as its alias where the two differ.
    """
    if not samples:
        return "", ()
    taken = _taken_field_names()
    classes = [
        _job_class(class_name, path.name, _sample_keys(path, rows_pointer), taken)
        for class_name, path in sorted(samples.items())
    ]
    # Each module imported from in the order the classes first need it, a class's
    # fields before its base.
    modules: dict[str, None] = {}
    for text in classes:
        if "Field(alias=" in text:
            modules["typing"] = None
        modules["pydantic"] = None
    aliased = "typing" in modules
    names = {
        "typing": "Annotated",
        "pydantic": "BaseModel, ConfigDict" + (", Field" if aliased else ""),
    }
    imports = "".join(f"from {module} import {names[module]}\n" for module in modules)
    body = "\n\n".join(classes)
    return f"{header}\n\nfrom __future__ import annotations\n\n{imports}\n\n{body}", ()


#: Names a job model's module imports, which no field may take as they are.
_IMPORTED_FIELD_NAMES = frozenset({"Annotated", "BaseModel", "ConfigDict", "Field", "str"})


def _taken_field_names() -> frozenset[str]:
    """Names a job model's field may not take as they are (such a field gets a trailing
    underscore): ``BaseModel``'s own attributes, which a field would hide, and the
    names the module imports."""
    return base_model_attributes() | _IMPORTED_FIELD_NAMES


def _job_class(class_name: str, file_name: str, keys: list[str], reserved: frozenset[str]) -> str:
    """One job model's class: an optional string field per key of the sample."""
    description = f"A job row as in {file_name}; every field is optional."
    lines = [
        f"class {class_name}(BaseModel):",
        '    """',
        f"    {_docstring_text(description)}",
        '    """',
        "",
        "    model_config = ConfigDict(",
        '        extra="allow",',
        "        populate_by_name=True,",
        "    )",
    ]
    taken: set[str] = set()
    for key in keys:
        name = snake_case(key, "blank")
        if name in reserved:
            name += "_"
        name = numbered(name, taken, 1, "_")
        taken.add(name)
        if name == key:
            lines.append(f"    {name}: str | None = None")
        else:
            alias = python_literal(key)
            lines.append(f"    {name}: Annotated[str | None, Field(alias={alias})] = None")
    return "\n".join(lines) + "\n"


def _docstring_text(text: str) -> str:
    """``text`` as it can stand inside a triple-quoted docstring."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _sample_keys(path: Path, rows_pointer: str) -> list[str]:
    """The keys of every row of a sample, in first-seen order; a clear error if malformed."""
    data = read_json(path)
    try:
        rows = resolve_pointer(data, "#" + rows_pointer) if rows_pointer else data
    except KeyError:
        raise fail(f"job sample has nothing at {rows_pointer!r}", source=str(path)) from None
    if isinstance(rows, dict):
        rows = [rows]
    if not isinstance(rows, list) or not rows:
        raise fail(
            "job sample must hold a non-empty list of job rows",
            source=str(path),
            pointer=rows_pointer,
        )
    keys: dict[str, None] = {}
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise fail(
                "a job row must be a JSON object",
                source=str(path),
                pointer=f"{rows_pointer}/{index}",
            )
        for key, value in row.items():
            if not isinstance(value, str) and value is not None:
                raise fail(
                    f"job row values must be strings; {key!r} is {type(value).__name__}",
                    source=str(path),
                    pointer=f"{rows_pointer}/{index}/{key}",
                )
            keys[key] = None
    return list(keys)


def class_names(source: str) -> tuple[str, ...]:
    """The names of the top-level classes a models module defines, in order."""
    return tuple(node.name for node in ast.parse(source).body if isinstance(node, ast.ClassDef))
