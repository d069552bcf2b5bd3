"""Stage 4: pydantic models.

Schema models come from the normalised components, through datamodel-code-generator;
job models (``JobSqueue``, ``JobSacct``) from sample job-status responses, written here
(every field an optional string with an alias where the key is not its name).
"""

from __future__ import annotations

import ast
import json
import warnings
from pathlib import Path
from typing import Any

from .fmt import python_literal
from .load import read_json, resolve_pointer
from .naming import numbered, snake_case
from .problems import fail

# datamodel-code-generator is imported where it runs, so that a run with unchanged
# inputs never loads it.
_COMMON: dict[str, Any] = {
    "disable_timestamp": True,
    "use_standard_collections": True,
    "use_union_operator": True,
    "use_schema_description": True,
    "use_field_description": True,
    "use_double_quotes": True,
    # Constraints as Annotated[str, Field(pattern=...)] and, where no Field can go (the
    # keys of a map), Annotated[str, StringConstraints(...)]: mypy accepts both, while
    # constr(...) it does not.
    "field_constraints": True,
    "use_annotated": True,
    # OpenAPI 3.0's ``nullable: true`` admits null wherever it stands: on a required
    # field, a list's items, a map's values, beside a $ref; and a field that is merely
    # optional takes no null unless it says so.
    "strict_nullable": True,
    # An enum field's default is the enum member, not its bare value.
    "set_default_enum_member": True,
    # E-mail addresses are plain strings: pydantic's EmailStr needs the email-validator
    # package, which a generated package does not depend on, and a check stricter than
    # the server's would refuse answers the server gives.
    "type_mappings": ["email=string", "idn-email=string"],
    "formatters": [],
}


#: Names the model generator may import into a models module (pydantic's types, typing's
#: and the standard library's): no schema may take one, or its class would hide them.
MODEL_MODULE_NAMES = frozenset(
    {
        "Annotated",
        "Any",
        "AnyUrl",
        "AwareDatetime",
        "BaseModel",
        "ConfigDict",
        "Decimal",
        "EmailStr",
        "Enum",
        "Field",
        "IntEnum",
        "IPv4Address",
        "IPv4Network",
        "IPv6Address",
        "IPv6Network",
        "Literal",
        "NaiveDatetime",
        "RootModel",
        "StrEnum",
        "StringConstraints",
        "UUID",
    }
)


#: A generated module's source and the notes (warnings) the model generator gave.
Module = tuple[str, tuple[str, ...]]


def schema_models(document: dict[str, Any], header: str) -> Module:
    """Source of one module with a class per component schema (none for a document
    without components), and the model generator's notes (``format 'uriref' not
    understood``)."""
    if not document.get("components", {}).get("schemas"):
        return f'{header}\n"""The API defines no schemas, so there are no models."""\n', ()
    components = {
        "openapi": document["openapi"],
        "info": document.get("info", {"title": "", "version": ""}),
        "paths": {},
        "components": {"schemas": document.get("components", {}).get("schemas", {})},
    }
    return _generate(json.dumps(components), custom_file_header=header)


def job_models(samples: dict[str, Path], rows_pointer: str, header: str) -> Module:
    """Source of one module with a model per job sample (empty when there are none).

    A job model is flat (every field an optional string, extra keys allowed), so it is
    written here directly rather than by the model generator: a field per key in
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
    # fields before its base (as the model generator orders them).
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
    from pydantic import BaseModel

    public = {name for name in dir(BaseModel) if not name.startswith("_")}
    return frozenset(public) | _IMPORTED_FIELD_NAMES


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


def _generate(text: str, **options: Any) -> Module:
    """Run datamodel-code-generator; its warnings come back as notes, never raised, and
    its errors as a GeneratorError (which, unlike its own, survives the trip back from a
    worker process)."""
    from datamodel_code_generator import Error, generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import PythonVersion

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = generate(
                text,
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                **_COMMON,
                **options,
            )
        except Error as exc:
            first_line = (
                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            )
            raise fail(f"the model generator cannot read the schemas: {first_line}") from None
    if not isinstance(result, str):
        raise fail("datamodel-code-generator produced no single module")
    notes = tuple(dict.fromkeys(str(w.message) for w in caught))
    return validated_defaults(result), notes


def validated_defaults(source: str) -> str:
    """``source`` with each default written as JSON where the field's type is another
    (a URL, a date or a UUID given as text, a model given as an object) written as
    ``Field(default=..., validate_default=True)``.

    The model generator writes such a default bare (``url: AnyUrl =
    "https://example.org"``), which a type checker refuses and pydantic keeps as the
    text it is; validated, the field holds a value of its type.
    """
    tree = ast.parse(source)
    edits: list[tuple[ast.expr, str]] = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            if (
                isinstance(statement, ast.AnnAssign)
                and statement.value is not None
                and not _admits(statement.annotation, statement.value)
            ):
                value = ast.unparse(statement.value)
                edits.append((statement.value, f"Field(default={value}, validate_default=True)"))
    if not edits:
        return source
    # Offsets count UTF-8 bytes; later edits go first, so the earlier ones' still hold.
    lines = [line.encode() for line in source.splitlines(keepends=True)]
    for target, text in sorted(edits, key=lambda e: (e[0].lineno, e[0].col_offset), reverse=True):
        end_line, end_column = target.end_lineno, target.end_col_offset
        if end_line is None or end_column is None:
            raise fail("the model generator wrote a default without a position")
        first, last = lines[target.lineno - 1], lines[end_line - 1]
        lines[target.lineno - 1 : end_line] = [
            first[: target.col_offset] + text.encode() + last[end_column:]
        ]
    return _with_pydantic_name(b"".join(lines).decode(), "Field")


def _admits(annotation: ast.expr, value: ast.expr) -> bool:
    """False for a default a type checker refuses although pydantic reads it: text
    where the annotation holds no ``str``, ``Any`` or ``Literal`` of that text, an
    object where it holds no ``dict`` (a model's default written as its JSON)."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        wanted = {"str", "Any"}
    elif isinstance(value, ast.Dict):
        wanted = {"dict", "Any"}
    else:
        return True
    return _holds(annotation, wanted, value)


def _holds(annotation: ast.expr, names: set[str], value: ast.expr) -> bool:
    """True when a member of the annotation's union is one of ``names`` (subscripted or
    not) or a ``Literal`` holding ``value``."""
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return _holds(annotation.left, names, value) or _holds(annotation.right, names, value)
    if isinstance(annotation, ast.Name):
        return annotation.id in names
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.value, ast.Name):
        inner = annotation.slice
        if annotation.value.id == "Annotated" and isinstance(inner, ast.Tuple):
            return _holds(inner.elts[0], names, value)
        if annotation.value.id == "Literal" and isinstance(value, ast.Constant):
            members = inner.elts if isinstance(inner, ast.Tuple) else [inner]
            return any(isinstance(m, ast.Constant) and m.value == value.value for m in members)
        return annotation.value.id in names
    return False


def _with_pydantic_name(source: str, name: str) -> str:
    """``source`` with ``name`` among the names its ``from pydantic import`` brings."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom) and node.module == "pydantic" and node.level == 0:
            names = {alias.name for alias in node.names}
            if name in names:
                return source
            lines = source.splitlines(keepends=True)
            assert node.end_lineno is not None
            statement = f"from pydantic import {', '.join(sorted(names | {name}))}\n"
            lines[node.lineno - 1 : node.end_lineno] = [statement]
            return "".join(lines)
    return f"from pydantic import {name}\n{source}"


def class_names(source: str) -> tuple[str, ...]:
    """The names of the top-level classes a models module defines, in order."""
    return tuple(node.name for node in ast.parse(source).body if isinstance(node, ast.ClassDef))
