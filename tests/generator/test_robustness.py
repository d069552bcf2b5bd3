"""Mutated specs never end in a traceback: the generator either produces modules that
compile, or stops with a GeneratorError (a clear message)."""

from __future__ import annotations

import copy
import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import load_config
from generator.pipeline import generate
from generator.problems import GeneratorError

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(ROOT / "spec" / "codegen.toml")
SPEC = json.loads((ROOT / "spec" / "openapi.json").read_text())


def _locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _locations(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _locations(value, (*path, index))
    return found


LOCATIONS = [p for p in _locations(SPEC) if p]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=8)
    | st.just("#/components/schemas/Nope"),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
MUTATION = st.tuples(
    st.sampled_from(["delete", "replace", "rename"]), st.sampled_from(LOCATIONS), JSON_VALUES
)


def _mutate(
    document: dict[str, Any], mutations: list[tuple[str, tuple[Any, ...], Any]]
) -> dict[str, Any]:
    result = copy.deepcopy(document)
    for kind, path, value in mutations:
        parent: Any = result
        try:
            for part in path[:-1]:
                parent = parent[part]
            last = path[-1]
            if kind == "delete":
                del parent[last]
            elif kind == "replace":
                parent[last] = value
            elif isinstance(parent, dict):
                parent[f"{last}_renamed"] = parent.pop(last)
        except (KeyError, IndexError, TypeError):
            continue
    return result


def _check(mutated: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        spec = Path(scratch) / "openapi.json"
        spec.write_text(json.dumps(mutated))
        try:
            result = generate(replace(CONFIG, spec=spec), Path(scratch) / "out", force=True)
        except GeneratorError as error:
            assert str(error).strip()
            return
        for path, text in result.files.items():
            if path.endswith(".py"):
                compile(text, path, "exec")


# The same dozen mutations on every run, so that make test is reproducible; the soak
# variant below explores new ones each time.
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_mutated_specs_generate_or_fail_cleanly(
    mutations: list[tuple[str, tuple[Any, ...], Any]],
) -> None:
    _check(_mutate(SPEC, mutations))


@pytest.mark.soak
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(MUTATION, min_size=1, max_size=6))
def test_many_mutated_specs_generate_or_fail_cleanly(
    mutations: list[tuple[str, tuple[Any, ...], Any]],
) -> None:
    _check(_mutate(SPEC, mutations))
