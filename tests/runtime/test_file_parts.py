"""Multipart file parts: one part per file, in order, under the field's name; unset
fields send nothing; bare content is named after its field."""

from __future__ import annotations

import io

from sfapi_client._encoding import file_fields


def test_a_list_of_files_repeats_the_field() -> None:
    handle = io.BytesIO(b"two")
    parts = file_fields({"files": [("a.txt", b"one"), handle], "unset": None, "one": b"x"})
    assert parts == [
        ("files", ("a.txt", b"one")),
        ("files", ("files", handle)),
        ("one", ("one", b"x")),
    ]


def test_an_empty_list_sends_no_part() -> None:
    assert file_fields({"files": [], "other": None}) == []
