"""Enums moved out of a generated models module: what moves, what stays, what is imported."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

from generator.model_split import split_enums, split_models

HEADER = "# header"


def _source(text: str) -> str:
    return textwrap.dedent(text).lstrip()


def test_enums_move_and_the_models_import_those_they_use() -> None:
    split = split_enums(
        _source(
            """
            from __future__ import annotations

            from enum import Enum as PlainEnum, StrEnum
            from pydantic import BaseModel


            class Colour(StrEnum):
                red = "red"


            class Level(PlainEnum):
                low = 1


            class Paint(BaseModel):
                colour: Colour
            """
        ),
        HEADER,
    )
    assert split.enum_names == ("Colour", "Level")
    assert split.enums.startswith(HEADER + "\n")
    assert "from enum import Enum as PlainEnum, StrEnum" in split.enums
    assert "class Colour(StrEnum):" in split.enums and "class Level(PlainEnum):" in split.enums
    assert "from pydantic" not in split.enums and "import pydantic" not in split.enums
    assert "class Colour" not in split.models and "from enum import" not in split.models
    assert "from ._enums import Colour\n" in split.models  # Level is not used by a model
    namespace: dict[str, object] = {}
    exec(compile(split.enums, "_enums.py", "exec"), namespace)
    colour = namespace["Colour"]
    assert isinstance(colour, type) and [m.value for m in colour] == ["red"]


def test_a_module_without_enums_is_left_as_it_is() -> None:
    source = _source(
        """
        from pydantic import BaseModel


        class Plain(BaseModel):
            name: str
        """
    )
    split = split_enums(source, HEADER)
    assert (split.enums, split.models, split.enum_names) == ("", source, ())


def test_a_subclass_of_an_enum_base_used_elsewhere_keeps_its_import() -> None:
    split = split_enums(
        _source(
            """
            from enum import Enum
            from pydantic import BaseModel


            class Mode(Enum):
                fast = "fast"


            class Tagged(BaseModel):
                kind: type[Enum]
            """
        ),
        HEADER,
    )
    assert split.enum_names == ("Mode",)
    assert "from enum import Enum" in split.models
    assert "from ._enums import" not in split.models


MODELS = _source(
    """
    from __future__ import annotations

    from pydantic import BaseModel, Field
    from datetime import date as date_aliased


    class Tree(BaseModel):
        children: list[Tree] = Field([])


    class Left(BaseModel):
        right: Right | None = None


    class Right(BaseModel):
        left: Left | None = None
        when: date_aliased | None = None


    class Forest(BaseModel):
        trees: list[Tree]
        pair: Left


    class HTTPThing(BaseModel):
        name: str


    class HttpThing(BaseModel):
        name: str
    """
)


def test_each_class_gets_a_module_and_cycles_share_one() -> None:
    modules = split_models(MODELS, HEADER)
    assert modules is not None
    assert modules.module_of == {
        "Tree": "tree",
        "Left": "left",
        "Right": "left",
        "Forest": "forest",
        "HTTPThing": "http_thing",
        "HttpThing": "http_thing_2",
    }
    assert sorted(modules.files) == sorted(
        ["__init__.py", "tree.py", "left.py", "forest.py", "http_thing.py", "http_thing_2.py"]
    )
    forest = modules.files["forest.py"]
    assert "from .left import Left\n" in forest and "from .tree import Tree\n" in forest
    assert "date_aliased" not in forest  # only the imports a module uses
    assert "from datetime import date as date_aliased\n" in modules.files["left.py"]
    assert "class Left(" in modules.files["left.py"] and "class Right(" in modules.files["left.py"]


def test_the_split_modules_import_and_validate(tmp_path: Path) -> None:
    modules = split_models(MODELS, HEADER)
    assert modules is not None
    package = tmp_path / "split_models_case"
    package.mkdir()
    for name, text in modules.files.items():
        (package / name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        forest = importlib.import_module("split_models_case.forest")
        value = forest.Forest.model_validate(
            {"trees": [{"children": [{}]}], "pair": {"right": {"left": {}}}}
        )
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("split_models_case")]:
            del sys.modules[name]
    assert value.trees[0].children[0].children == []
    assert value.pair.right is not None and value.pair.right.left is not None


def test_a_module_with_other_top_level_statements_stays_whole() -> None:
    source = MODELS + "\nTree.model_rebuild()\n"
    assert split_models(source, HEADER) is None


def test_components_group_cycles_and_keep_the_given_order() -> None:
    from generator.model_split import _strongly_connected

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
    classes = "".join(
        f"\n\nclass M{i}(BaseModel):\n    next: M{i + 1} | None = None\n" for i in range(count)
    )
    source = f"from __future__ import annotations\n\nfrom pydantic import BaseModel\n{classes}"
    source += f"\n\nclass M{count}(BaseModel):\n    end: int = 0\n"
    modules = split_models(source, HEADER)
    assert modules is not None
    assert len(modules.module_of) == count + 1
    assert len(set(modules.module_of.values())) == count + 1
    assert "from .m1 import M1" in modules.files["m0.py"]
