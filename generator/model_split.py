"""Moving the enums of a generated models module into a module of their own.

An enum needs nothing but the standard library, while a pydantic model costs the import
of pydantic and the building of its validator. With the enums apart, code that only
needs an enum (a machine name, a status value) imports neither.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

#: The module the enums move to, beside the models module in the ``models`` package.
ENUMS_MODULE = "_enums"


@dataclass(frozen=True)
class SplitModels:
    """The enums module (empty when there are no enums), the models module, and the
    names of the enums."""

    enums: str
    models: str
    enum_names: tuple[str, ...]


def split_enums(source: str, header: str) -> SplitModels:
    """``source`` (a generated models module) with its enum classes moved out.

    An enum class is one whose base is a name imported from ``enum``; such classes
    reference only literals, so the enums module needs no other import. The models
    module imports the enums it still uses from it.
    """
    tree = ast.parse(source)
    enum_bases = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module == "enum"
        for alias in node.names
    }
    enums = [
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        and any(isinstance(base, ast.Name) and base.id in enum_bases for base in node.bases)
    ]
    if not enums:
        return SplitModels("", source, ())
    lines = source.splitlines(keepends=True)
    moved = {index for node in enums for index in range(node.lineno - 1, _end(node))}
    enum_imports = [
        node for node in tree.body if isinstance(node, ast.ImportFrom) and node.module == "enum"
    ]
    enum_text = "".join(
        "".join(lines[node.lineno - 1 : _end(node)]) + "\n\n" for node in enums
    ).rstrip("\n")
    enums_source = (
        f'{header}\n"""The enumerations of the schemas: standard-library enums, so that\n'
        f'importing one never imports pydantic."""\n\nfrom __future__ import annotations\n\n'
        + "".join("".join(lines[node.lineno - 1 : _end(node)]) for node in enum_imports)
        + "\n\n"
        + enum_text
        + "\n"
    )
    names = tuple(node.name for node in enums)
    kept = "".join(line for index, line in enumerate(lines) if index not in moved)
    used = {node.id for node in ast.walk(ast.parse(kept)) if isinstance(node, ast.Name)}
    if not used & enum_bases:  # no enum left: the models need no ``enum`` import
        moved |= {i for node in enum_imports for i in range(node.lineno - 1, _end(node))}
        kept = "".join(line for index, line in enumerate(lines) if index not in moved)
    imported = [name for name in names if name in used]
    if imported:
        kept = _after_imports(kept, f"from .{ENUMS_MODULE} import {', '.join(imported)}\n")
    return SplitModels(enums_source, kept, names)


def _end(node: ast.stmt) -> int:
    return node.end_lineno if node.end_lineno is not None else node.lineno


def _after_imports(source: str, line: str) -> str:
    """``source`` with ``line`` inserted after its last top-level import."""
    tree = ast.parse(source)
    last = max(
        (_end(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)),
        default=0,
    )
    lines = source.splitlines(keepends=True)
    return "".join(lines[:last]) + line + "".join(lines[last:])
