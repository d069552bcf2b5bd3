"""One path parameter, one URL segment: the text urllib's ``quote`` makes of it, whether
the value takes the quick way (unreserved characters only) or the checked one."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from sfapi_client import Machine
from sfapi_client._encoding import path_segment

SEGMENTS = [
    "perlmutter",
    "12345",
    "a.b",
    "a-b_c~d",
    "...",
    "..hidden",
    ".profile",
    "x y",
    "a/b",
    "100%",
    "q?x#y",
    "ünï",
    "-",
    "",
]


@pytest.mark.parametrize("value", SEGMENTS)
def test_a_segment_is_what_quote_makes_of_it(value: str) -> None:
    assert path_segment(value) == quote(value, safe="")


def test_enums_and_numbers_give_their_values() -> None:
    assert path_segment(Machine.perlmutter) == "perlmutter"
    assert path_segment(42) == "42"
    assert path_segment(True) == "true"


@pytest.mark.parametrize("value", [".", "..", "a\x00b", "a\nb", "bad-\udcff"])
def test_a_segment_that_would_change_the_url_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        path_segment(value)
