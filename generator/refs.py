"""``$ref`` resolution: every reference but a whole component schema is replaced by what it names.

Parameters, request bodies, responses, headers, path items and schemas below a
component (``#/components/schemas/A/properties/b``) are copied in place, following
chains (a reference to a reference); a reference to ``#/components/schemas/X`` stays,
because X becomes a class of its own. A chain that comes back to itself is an error
naming the pointer, as is a component schema that is only an alias of itself.
"""

from __future__ import annotations

from typing import Any

from .load import resolve_pointer
from .problems import GeneratorError, Level, Problem, pointer_join
from .structure import is_data

SCHEMA_PREFIX = "#/components/schemas/"


def is_component_schema(ref: str) -> bool:
    """True for ``#/components/schemas/X`` (a class), false for anything deeper or elsewhere."""
    return ref.startswith(SCHEMA_PREFIX) and "/" not in ref[len(SCHEMA_PREFIX) :]


def follow_component_refs(schemas: dict[str, Any], schema: Any) -> Any:
    """The schema a chain of ``#/components/schemas/X`` references leads to (``schema``
    itself when it is no reference); ``{}`` for a chain that loops or leaves the
    components."""
    seen: set[str] = set()
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        ref = schema["$ref"]
        if ref in seen or not ref.startswith(SCHEMA_PREFIX):
            return {}
        seen.add(ref)
        schema = schemas.get(ref[len(SCHEMA_PREFIX) :], {})
    return schema


def _cycle(
    chain: tuple[str, ...], ref: str, source: str, path: tuple[str | int, ...]
) -> GeneratorError:
    loop = " → ".join([*chain[chain.index(ref) :], ref])
    return GeneratorError(
        [Problem(Level.ERROR, f"circular $ref: {loop}", source, pointer_join(*path))]
    )


class _Inliner:
    def __init__(self, document: dict[str, Any], source: str) -> None:
        self.document = document
        self.source = source

    def expand(self, node: Any, path: tuple[str | int, ...], chain: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [self.expand(item, (*path, i), chain) for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and not is_component_schema(ref):
            if ref in chain:
                raise _cycle(chain, ref, self.source, (*path, "$ref"))
            target = self.expand(resolve_pointer(self.document, ref), path, (*chain, ref))
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            if isinstance(target, dict) and siblings:
                # OpenAPI 3.1 lets a reference override the summary and description.
                return {**target, **self.expand(siblings, path, chain)}
            return target
        parent = path[-1] if path else None
        return {
            key: value if is_data(key, parent) else self.expand(value, (*path, key), chain)
            for key, value in node.items()
        }


def inline_refs(document: dict[str, Any], source: str) -> dict[str, Any]:
    """A copy of ``document`` where only ``#/components/schemas/X`` references remain."""
    _check_schema_aliases(document, source)
    result: dict[str, Any] = _Inliner(document, source).expand(document, (), ())
    return result


def _check_schema_aliases(document: dict[str, Any], source: str) -> None:
    """A component schema that is a ``$ref`` chain leading back to itself names no type."""
    schemas = document.get("components", {}).get("schemas", {})
    if not isinstance(schemas, dict):
        return
    for name in schemas:
        chain: tuple[str, ...] = ()
        ref = SCHEMA_PREFIX + name.replace("~", "~0").replace("/", "~1")
        while is_component_schema(ref):
            if ref in chain:
                if chain[0] == ref:
                    raise _cycle(chain, ref, source, ("components", "schemas", name))
                break
            chain = (*chain, ref)
            try:
                target = resolve_pointer(document, ref)
            except KeyError:
                break
            if not isinstance(target, dict) or not isinstance(target.get("$ref"), str):
                break
            ref = target["$ref"]
