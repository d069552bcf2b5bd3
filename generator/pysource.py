"""Facts read from Python source without running it: its syntax tree, its ``__all__``.

The same module is read by several stages (exports, the base client's attributes, the
``AsyncX`` names it defines), so a parsed tree is kept for the rest of the run.
"""

from __future__ import annotations

import ast
import functools


@functools.lru_cache(maxsize=1024)
def parse(source: str) -> ast.Module:
    """The syntax tree of ``source`` (shared: callers must not change it)."""
    return ast.parse(source)


def declared_all(source: str) -> list[str] | None:
    """The names of ``__all__`` when the module assigns it a literal list or tuple (the
    last such assignment, as when the module runs)."""
    names: list[str] | None = None
    for node in parse(source).body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            and isinstance(node.value, ast.List | ast.Tuple)
        ):
            names = [str(e.value) for e in node.value.elts if isinstance(e, ast.Constant)]
    return names
