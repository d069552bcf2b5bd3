"""Form fields and query parameters as OpenAPI's style tables write them (3.0.3 section 4.7.12.4, 3.1.0
section 4.8.12.4: a field ``color``, the array ``["blue", "black", "brown"]`` and the
object ``{"R": 100, "G": 200, "B": 150}``), and the defaults of a field without a style."""

from __future__ import annotations

import datetime as dt
import enum

import pytest

from sfapi_client._encoding import form_fields, query_params

COLORS = ["blue", "black", "brown"]
RGB = {"R": 100, "G": 200, "B": 150}


class Shade(enum.Enum):
    DARK = "dark"


@pytest.mark.parametrize(
    ("style", "explode", "value", "expected"),
    [
        ("form", False, "blue", {"color": "blue"}),
        ("form", True, "blue", {"color": "blue"}),
        ("form", False, COLORS, {"color": "blue,black,brown"}),
        ("form", True, COLORS, {"color": COLORS}),
        ("form", False, RGB, {"color": "R,100,G,200,B,150"}),
        ("form", True, RGB, {"R": "100", "G": "200", "B": "150"}),
        ("spaceDelimited", False, COLORS, {"color": "blue black brown"}),
        ("spaceDelimited", False, RGB, {"color": "R 100 G 200 B 150"}),
        ("spaceDelimited", True, COLORS, {"color": COLORS}),
        ("pipeDelimited", False, COLORS, {"color": "blue|black|brown"}),
        ("pipeDelimited", False, RGB, {"color": "R|100|G|200|B|150"}),
        ("pipeDelimited", True, COLORS, {"color": COLORS}),
        ("deepObject", True, RGB, {"color[R]": "100", "color[G]": "200", "color[B]": "150"}),
    ],
)
def test_the_specification_tables(
    style: str, explode: bool, value: object, expected: dict[str, object]
) -> None:
    assert form_fields({"color": value}, [("color", style, explode)]) == expected


def test_deep_objects_nest_and_lists_take_brackets() -> None:
    """Nested objects go a level deeper; a list of plain values is written ``name[]``,
    one holding objects by index, as form-reading servers take them."""
    fields = {
        "metadata": {"order": 7, "flags": {"rush": True, "gift": None}},
        "expand": ("customer", "invoice"),
        "items": [{"price": "p1", "quantity": 2}, {"price": "p2"}],
    }
    styles = [(name, "deepObject", True) for name in fields]
    assert form_fields(fields, styles) == {
        "metadata[order]": "7",
        "metadata[flags][rush]": "true",
        "expand[]": ["customer", "invoice"],
        "items[0][price]": "p1",
        "items[0][quantity]": "2",
        "items[1][price]": "p2",
    }


def test_fields_without_a_style_keep_the_defaults() -> None:
    """Unset fields are left out; a list repeats the name; an object is JSON text;
    enums, dates and booleans as their text."""
    fields = {
        "unset": None,
        "tags": ["a", None, "b"],
        "address": {"city": "Zürich", "when": dt.date(2024, 1, 2)},
        "shade": Shade.DARK,
        "ok": False,
    }
    assert form_fields(fields) == {
        "tags": ["a", "b"],
        "address": '{"city":"Zürich","when":"2024-01-02"}',
        "shade": "dark",
        "ok": "false",
    }


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown style 'matrix'"):
        form_fields({"color": COLORS}, [("color", "matrix", False)])


def test_query_parameters_take_the_same_styles() -> None:
    pairs = [("expand", ["a", "b"]), ("ids", ("x", "y")), ("rgb", RGB), ("unset", None)]
    styles = [("expand", "deepObject", True), ("ids", "form", False)]
    assert query_params(pairs, styles) == [
        ("expand[]", "a"),
        ("expand[]", "b"),
        ("ids", "x,y"),
        ("R", "100"),
        ("G", "200"),
        ("B", "150"),
    ]


def test_query_parameters_without_a_style_repeat_lists_and_write_plain_values() -> None:
    pairs = [("kwargs", ["jobid=1", None, "user=a"]), ("sacct", True), ("shade", Shade.DARK)]
    assert query_params(pairs) == [
        ("kwargs", "jobid=1"),
        ("kwargs", "user=a"),
        ("sacct", "true"),
        ("shade", "dark"),
    ]
