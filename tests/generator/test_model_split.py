"""Enums moved out of a generated models module: what moves, what stays, what is imported."""

from __future__ import annotations

import textwrap

from generator.model_split import split_enums

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
