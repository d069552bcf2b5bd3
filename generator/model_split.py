"""Splitting the generated models module, so that a script builds only the models it uses.

An enum needs nothing but the standard library, while a pydantic model costs the import
of pydantic and the building of its validator. The enums go to a module of their own,
so code that only needs one (a machine name, a status value) imports no pydantic; each
model class goes to a module of its own that imports the models it refers to, so using
one builds that one and what it needs, not every model of the API.

The split works on the source the model writer returns (``model_source.py``), with
the syntax tree.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .fmt import import_from
from .naming import numbered, snake_case

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
    # The names the models still use, read from the statements that stay (imports hold
    # no ``Name``), so the module is parsed once however large it is.
    enum_set = set(map(id, enums))
    staying = [node for node in tree.body if id(node) not in enum_set]
    used = set().union(*(_names_in(node) for node in staying))
    if not used & enum_bases:  # no enum left: the models need no ``enum`` import
        moved |= {i for node in enum_imports for i in range(node.lineno - 1, _end(node))}
    kept_lines = [line for index, line in enumerate(lines) if index not in moved]
    imported = [name for name in names if name in used]
    if imported:
        # After the last top-level import that stays, counted in the kept lines.
        last_import = max(
            (
                _end(node)
                for node in staying
                if isinstance(node, ast.Import | ast.ImportFrom) and node.lineno - 1 not in moved
            ),
            default=0,
        )
        at = sum(1 for index in moved if index < last_import)
        kept_lines.insert(last_import - at, f"from .{ENUMS_MODULE} import {', '.join(imported)}\n")
    return SplitModels(enums_source, "".join(kept_lines), names)


def _end(node: ast.stmt) -> int:
    return node.end_lineno if node.end_lineno is not None else node.lineno


#: The package the model classes go to, one module per class (or per group of classes
#: that refer to each other), beside the enums module.
SCHEMAS_PACKAGE = "_schemas"


@dataclass(frozen=True)
class ModelModules:
    """The modules of the ``_schemas`` package by file name (``system_status.py``), and
    the module of each class (``system_status``)."""

    files: dict[str, str]
    module_of: dict[str, str]


def split_models(source: str, header: str) -> ModelModules | None:
    """The classes of a models module, each in a module of its own that imports what it
    refers to, so that using one model builds it and the models it needs, not all.

    Classes that refer to each other, directly or through others, share a module.
    None when ``source`` holds anything but imports and classes at the top level (a
    statement such as ``Model.model_rebuild()`` may tie classes together in ways the
    split cannot see): such a module stays whole.
    """
    tree = ast.parse(source)
    imports = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    if not classes or len(imports) + len(classes) != len(tree.body):
        return None
    lines = source.splitlines(keepends=True)
    names = {node.name for node in classes}
    names_in = {node.name: _names_in(node) for node in classes}
    refers = {node.name: names_in[node.name] & names - {node.name} for node in classes}
    groups = _strongly_connected(list(refers), refers)
    module_of: dict[str, str] = {}
    taken: set[str] = set()
    for group in groups:
        module = numbered(snake_case(group[0], "model"), taken, separator="_")
        taken.add(module)
        module_of.update(dict.fromkeys(group, module))
    by_name = {node.name: node for node in classes}
    # Each import's aliases by the name they bind: a group looks up the names it uses
    # rather than scanning every alias (an import of every enum has hundreds).
    bindings = [(node, _bound_names(node)) for node in imports]
    files = {
        "__init__.py": f'{header}\n"""The models, one module per class: each is built when first used."""\n'
    }
    for group in groups:
        module = module_of[group[0]]
        nodes = sorted((by_name[name] for name in group), key=lambda node: node.lineno)
        used = set().union(*(names_in[node.name] for node in nodes))
        outside = sorted(
            {n for node in nodes for n in refers[node.name] if module_of[n] != module},
            key=lambda n: (module_of[n], n),
        )
        body = "\n\n".join("".join(lines[node.lineno - 1 : _end(node)]) for node in nodes)
        imported = "".join(_import_of(node, used, bound) for node, bound in bindings) + "".join(
            import_from(f".{module_of[n]}", [n]) + "\n" for n in outside
        )
        files[f"{module}.py"] = (
            f"{header}\n\nfrom __future__ import annotations\n\n"
            + (imported + "\n\n" if imported else "\n")
            + body
        )
    return ModelModules(files, module_of)


def _names_in(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _bound_names(node: ast.Import | ast.ImportFrom) -> dict[str, list[int]]:
    """The positions of ``node``'s aliases by the name each binds (``os`` for ``os.path``)."""
    bound: dict[str, list[int]] = {}
    for index, alias in enumerate(node.names):
        bound.setdefault((alias.asname or alias.name).split(".")[0], []).append(index)
    return bound


def _import_of(
    node: ast.Import | ast.ImportFrom, used: set[str], bound: dict[str, list[int]]
) -> str:
    """``node`` limited to the names ``used``, one package level deeper; '' when none is.
    ``bound`` is ``_bound_names(node)``."""
    smaller, larger = (used, bound) if len(used) < len(bound) else (bound, used)
    positions = sorted(i for name in smaller if name in larger for i in bound[name])
    aliases = [node.names[i] for i in positions]
    if not aliases or (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
        return ""
    if isinstance(node, ast.Import) or any(a.asname for a in aliases):
        level = node.level + 1 if isinstance(node, ast.ImportFrom) and node.level else 0
        moved = (
            ast.Import(names=aliases)
            if isinstance(node, ast.Import)
            else ast.ImportFrom(module=node.module, names=aliases, level=level)
        )
        return ast.unparse(moved) + "\n"
    module = "." * (node.level + 1 if node.level else 0) + (node.module or "")
    return import_from(module, [a.name for a in aliases]) + "\n"


def _strongly_connected(order: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of the graph, each in ``order``'s order, the
    components in the order of their first member.

    Kosaraju's two passes, with explicit stacks rather than recursion, so that a long
    chain of schemas (each referring to the next) cannot exhaust Python's recursion
    limit: the first pass lists the nodes by the time their search finished; the second
    walks the reversed edges from the last finished, and each walk is one component.
    """
    finished: list[str] = []
    seen: set[str] = set()
    for root in order:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(sorted(edges[root])))]
        while stack:
            node, rest = stack[-1]
            following = next((n for n in rest if n not in seen), None)
            if following is None:
                stack.pop()
                finished.append(node)
            else:
                seen.add(following)
                stack.append((following, iter(sorted(edges[following]))))
    reverse: dict[str, set[str]] = {name: set() for name in order}
    for name, targets in edges.items():
        for target in targets:
            reverse[target].add(name)
    position = {name: i for i, name in enumerate(order)}
    placed: set[str] = set()
    components: list[list[str]] = []
    for root in reversed(finished):
        if root in placed:
            continue
        placed.add(root)
        component, pending = [], [root]
        while pending:
            node = pending.pop()
            component.append(node)
            for other in reverse[node] - placed:
                placed.add(other)
                pending.append(other)
        components.append(sorted(component, key=position.__getitem__))
    return sorted(components, key=lambda c: position[c[0]])


def model_files(source: str, header: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The files of the ``models`` package made from the generated ``source`` (the job
    models' module aside), and the module each model name comes from, relative to the
    package (``._schemas.system_status``), sorted by name.

    ``source`` need not be formatted, and the files are not: the run formats them with
    the rest of the package.
    """
    split = split_enums(source, header)
    files: dict[str, str] = {}
    origins: dict[str, str] = {}
    if split.enums:
        files[f"models/{ENUMS_MODULE}.py"] = split.enums
        origins.update(dict.fromkeys(split.enum_names, f".{ENUMS_MODULE}"))
    modules = split_models(split.models, header)
    if modules is None:
        files[f"models/{SCHEMAS_PACKAGE}.py"] = split.models
        classes = (n.name for n in ast.parse(split.models).body if isinstance(n, ast.ClassDef))
        origins.update(dict.fromkeys(classes, f".{SCHEMAS_PACKAGE}"))
    else:
        for name, text in modules.files.items():
            files[f"models/{SCHEMAS_PACKAGE}/{name}"] = text
        for name, module in modules.module_of.items():
            origins[name] = f".{SCHEMAS_PACKAGE}.{module}"
    return files, sorted(origins.items())
