"""The ``models`` package's modules: the enums in one that imports no pydantic, each
model class in a module of its own that imports what it uses, classes of a cycle
sharing one."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from generator.model_source import write_models
from generator.model_split import _strongly_connected, model_files

HEADER = "# header"
REF = "#/components/schemas/"


def _object(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def _files(schemas: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    files, origins = model_files(write_models(schemas), HEADER)
    return files, dict(origins)


def test_enums_move_and_the_models_import_those_they_use() -> None:
    files, origins = _files(
        {
            "Colour": {"type": "string", "enum": ["red"]},
            "Level": {"type": "integer", "enum": [1]},
            "Paint": _object(colour={"$ref": REF + "Colour"}),
        }
    )
    assert origins == {"Colour": "._enums", "Level": "._enums", "Paint": "._schemas.paint"}
    enums = files["models/_enums.py"]
    assert enums.startswith(HEADER + "\n")
    assert "from enum import IntEnum, StrEnum\n" in enums
    assert "class Colour(StrEnum):" in enums and "class Level(IntEnum):" in enums
    assert "from pydantic" not in enums and "import pydantic" not in enums
    paint = files["models/_schemas/paint.py"]
    assert "from .._enums import Colour\n" in paint  # Level is not used by a model
    assert "from enum import" not in paint and "class Colour" not in paint
    namespace: dict[str, object] = {}
    exec(compile(enums, "_enums.py", "exec"), namespace)
    colour = namespace["Colour"]
    assert isinstance(colour, type) and [m.value for m in colour] == ["red"]


def test_a_document_without_enums_has_no_enums_module() -> None:
    files, _ = _files({"Plain": _object(name={"type": "string"})})
    assert "models/_enums.py" not in files
    assert "from pydantic import BaseModel\n" in files["models/_schemas/plain.py"]


SCHEMAS: dict[str, Any] = {
    "Tree": _object(children={"type": "array", "items": {"$ref": REF + "Tree"}}),
    "Left": _object(right={"$ref": REF + "Right"}),
    "Right": _object(left={"$ref": REF + "Left"}, when={"type": "string", "format": "date"}),
    "Forest": {
        "type": "object",
        "required": ["trees", "pair"],
        "properties": {
            "trees": {"type": "array", "items": {"$ref": REF + "Tree"}},
            "pair": {"$ref": REF + "Left"},
        },
    },
    "HTTPThing": _object(name={"type": "string"}),
    "HttpThing": _object(name={"type": "string"}),
    "Day": _object(date={"type": "string"}),
}


def test_each_class_gets_a_module_and_cycles_share_one() -> None:
    files, origins = _files(SCHEMAS)
    assert origins == {
        "Tree": "._schemas.tree",
        "Left": "._schemas.left",
        "Right": "._schemas.left",
        "Forest": "._schemas.forest",
        "HTTPThing": "._schemas.http_thing",
        "HttpThing": "._schemas.http_thing_2",
        "Day": "._schemas.day",
    }
    forest = files["models/_schemas/forest.py"]
    assert "from .left import Left\n" in forest and "from .tree import Tree\n" in forest
    assert "date" not in forest  # only the imports a module uses
    # A field is named ``date``: the type is imported under another name everywhere.
    left = files["models/_schemas/left.py"]
    assert "from datetime import date as date_aliased\n" in left
    assert "class Left(" in left and "class Right(" in left


def test_the_split_modules_import_and_validate(tmp_path: Path) -> None:
    files, _ = _files(SCHEMAS)
    package = tmp_path / "split_models_case"
    for path, text in files.items():
        target = package / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "models" / "__init__.py").write_text("", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        forest = importlib.import_module("split_models_case.models._schemas.forest")
        value = forest.Forest.model_validate(
            {"trees": [{"children": [{}]}], "pair": {"right": {"left": {}, "when": "2020-01-02"}}}
        )
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("split_models_case")]:
            del sys.modules[name]
    assert value.trees[0].children is not None and value.trees[0].children[0].children is None
    assert value.pair.right is not None and value.pair.right.left is not None
    assert str(value.pair.right.when) == "2020-01-02"


def test_components_group_cycles_and_keep_the_given_order() -> None:
    edges = {
        "A": {"B"},
        "B": {"C"},
        "C": {"B", "D"},
        "D": set(),
        "E": {"E", "A"},
        "F": {"G"},
        "G": {"F"},
    }
    order = ["A", "B", "C", "D", "E", "F", "G"]
    assert _strongly_connected(order, edges) == [["A"], ["B", "C"], ["D"], ["E"], ["F", "G"]]


def test_a_long_chain_of_models_splits_without_running_out_of_stack() -> None:
    """Each model refers to the next: a chain far deeper than Python's recursion limit
    splits into one module per model, each importing the next."""
    count = sys.getrecursionlimit() * 3
    schemas = {f"M{i}": _object(next={"$ref": f"{REF}M{i + 1}"}) for i in range(count)}
    schemas[f"M{count}"] = _object(end={"type": "integer"})
    files, origins = _files(schemas)
    assert len(origins) == count + 1
    assert len(set(origins.values())) == count + 1
    assert "from .m1 import M1" in files["models/_schemas/m0.py"]
