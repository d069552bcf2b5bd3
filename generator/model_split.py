"""The ``models`` package's modules, so that a script builds only the models it uses.

An enum needs nothing but the standard library, while a pydantic model costs the import
of pydantic and the building of its validator. The enums go to a module of their own,
so code that only needs one (a machine name, a status value) imports no pydantic; each
model class goes to a module of its own that imports the models it refers to, so using
one builds that one and what it needs, not every model of the API. Classes that refer
to each other, directly or through others, share a module.

The model writer (``model_source.py``) says of every class what it refers to and what
it imports, so the modules are put together from those facts, without reading the
written source back.
"""

from __future__ import annotations

from .fmt import import_from
from .model_source import IMPORT_ORDER, ModelClass, WrittenModels
from .naming import numbered, snake_case

#: The module the enums go to, beside the models' package in the ``models`` package.
ENUMS_MODULE = "_enums"

#: The package the model classes go to, one module per class (or per group of classes
#: that refer to each other), beside the enums module.
SCHEMAS_PACKAGE = "_schemas"


def model_files(
    written: WrittenModels, header: str
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The files of the ``models`` package (the job models' module aside), and the
    module each model name comes from, relative to the package
    (``._schemas.system_status``), sorted by name.

    The files are not formatted: the run formats them with the rest of the package.
    """
    enums = [c for c in written.classes if c.is_enum]
    models = [c for c in written.classes if not c.is_enum]
    files: dict[str, str] = {}
    origins: dict[str, str] = {}
    if enums:
        files[f"models/{ENUMS_MODULE}.py"] = _enums_module(enums, written.field_names, header)
        origins.update(dict.fromkeys((c.name for c in enums), f".{ENUMS_MODULE}"))
    if not models:
        said = (
            "The API's schemas are all enumerations (``_enums``), so there are no models."
            if enums
            else "The API defines no schemas, so there are no models."
        )
        files[f"models/{SCHEMAS_PACKAGE}.py"] = f'{header}\n"""{said}"""\n'
        return files, sorted(origins.items())
    module_of = _modules(models)
    files[f"models/{SCHEMAS_PACKAGE}/__init__.py"] = (
        f'{header}\n"""The models, one module per class: each is built when first used."""\n'
    )
    enum_order = [c.name for c in enums]
    groups: dict[str, list[ModelClass]] = {}
    for item in models:
        groups.setdefault(module_of[item.name], []).append(item)
    for module, members in groups.items():
        imports = _import_lines(members, written.field_names, enum_order, module_of, module)
        body = "\n\n\n".join(c.source for c in members)
        files[f"models/{SCHEMAS_PACKAGE}/{module}.py"] = (
            f"{header}\n\nfrom __future__ import annotations\n\n"
            + (imports + "\n\n" if imports else "\n")
            + body
            + "\n"
        )
    origins.update({name: f".{SCHEMAS_PACKAGE}.{module}" for name, module in module_of.items()})
    return files, sorted(origins.items())


def _enums_module(enums: list[ModelClass], field_names: frozenset[str], header: str) -> str:
    imports = _library_imports({use for c in enums for use in c.imports}, field_names)
    return (
        f'{header}\n"""The enumerations of the schemas: standard-library enums, so that\n'
        'importing one never imports pydantic."""\n\nfrom __future__ import annotations\n\n'
        + imports
        + "\n\n\n"
        + "\n\n\n".join(c.source for c in enums)
        + "\n"
    )


def _modules(models: list[ModelClass]) -> dict[str, str]:
    """The module of each model class: one per group of classes that refer to each
    other, named after the group's first class (``system_status``)."""
    names = {c.name for c in models}
    refers = {c.name: set(c.refers_to) & names for c in models}
    module_of: dict[str, str] = {}
    taken: set[str] = set()
    for group in _strongly_connected([c.name for c in models], refers):
        module = numbered(snake_case(group[0], "model"), taken, separator="_")
        taken.add(module)
        module_of.update(dict.fromkeys(group, module))
    return module_of


def _import_lines(
    members: list[ModelClass],
    field_names: frozenset[str],
    enum_order: list[str],
    module_of: dict[str, str],
    module: str,
) -> str:
    """A group's imports: the libraries' names, the enums, then the models of other
    modules, each a line as black writes it."""
    lines = [_library_imports({use for c in members for use in c.imports}, field_names)]
    refers = {name for c in members for name in c.refers_to}
    enums = [name for name in enum_order if name in refers]
    if enums:
        lines.append(import_from(f"..{ENUMS_MODULE}", enums))
    outside = sorted((module_of[n], n) for n in refers if n in module_of and module_of[n] != module)
    lines += [import_from(f".{other}", [name]) for other, name in outside]
    return "\n".join(line for line in lines if line)


def _library_imports(uses: set[tuple[str, str]], field_names: frozenset[str]) -> str:
    """``from <module> import ...`` for the names used, in the models' order of modules,
    a name that a field also takes imported as ``<name>_aliased``."""
    lines = []
    for library in IMPORT_ORDER:
        names = sorted(name for module, name in uses if module == library)
        if names:
            written = [f"{n} as {n}_aliased" if n in field_names else n for n in names]
            lines.append(import_from(library, written))
    return "\n".join(lines)


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
