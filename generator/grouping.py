"""Which group (client attribute and endpoint module) an operation without tags joins.

An operation goes to the group of its first tag. One without tags is grouped by its
path, so that a large untagged document gives a module per resource rather than one
huge module: its group is the first literal segment of its path (``{id}`` and other
templated segments are skipped) after the prefix every untagged path shares, such as
a version (``/v1/customers/{id}`` and ``/v1/charges`` give ``customers`` and
``charges``). The prefix is skipped only while every path keeps a literal segment
after it, so ``/pets`` and ``/pets/{id}`` both give ``pets``. An operation whose path
has no literal segment (``/``, ``/{id}``) goes to the group ``default``.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The group of an untagged operation whose path has no literal segment.
DEFAULT_GROUP = "default"


def _literal(segment: str) -> bool:
    return "{" not in segment


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


def shared_prefix(paths: Iterable[str]) -> int:
    """How many leading segments to skip: the literal segments every path shares, as
    long as each path still has a literal segment after them."""
    lists = [_segments(path) for path in paths]
    if not lists:
        return 0
    depth = 0
    while all(
        len(segments) > depth
        and segments[depth] == lists[0][depth]
        and _literal(segments[depth])
        and any(_literal(s) for s in segments[depth + 1 :])
        for segments in lists
    ):
        depth += 1
    return depth


def path_groups(paths: Iterable[str]) -> dict[str, str]:
    """The group of each path of the untagged operations (see the module's docstring)."""
    unique = list(dict.fromkeys(paths))
    skip = shared_prefix(unique)
    return {
        path: next((s for s in _segments(path)[skip:] if _literal(s)), DEFAULT_GROUP)
        for path in unique
    }
