"""Units of the generator's own readers and writers of Python source: the names and
strings of a module (``pysource``) and the job models (``models.job_models``)."""

from __future__ import annotations

import io
import json
import sys
import tokenize
import types
from pathlib import Path
from typing import Any

import pytest

from generator.models import job_models
from generator.pysource import Lexeme, declared_all, module_facts, names_and_strings

TRICKY = '''\
"""Module docstring with 'quotes' and a name: AsyncClient."""
import re  # a comment naming AsyncClient and "a string"
x = 1e5 + 0x1F + 1_000 + 3.14j + .5 + 1.e-3
y = rb'\\d+' + Rb"raw" + u'text' + b"\\x00"
z = """triple "quoted" with ' and \\""" inside
over lines"""
w = \'\'\'single triple \' quote\'\'\'
async def AsyncThing(a, *, b="AsyncOther") -> "AsyncClient":
    await a.aclose()
    return [i for i in range(3) if i] \\
        or b
'''


def _tokenizer_lexemes(source: str) -> list[tuple[Lexeme, int, int]]:
    """The names and strings as Python's tokenizer reads them (no f-strings here, whose
    tokens differ between Python versions)."""
    lines = io.StringIO(source).readlines()
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    result = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.NAME, tokenize.STRING):
            kind = Lexeme.NAME if token.type == tokenize.NAME else Lexeme.STRING
            start = starts[token.start[0] - 1] + token.start[1]
            end = starts[token.end[0] - 1] + token.end[1]
            result.append((kind, start, end))
    return result


def test_names_and_strings_match_the_tokenizer() -> None:
    assert list(names_and_strings(TRICKY)) == _tokenizer_lexemes(TRICKY)


def test_an_f_string_is_one_string_and_its_fields_are_not_names() -> None:
    source = 'f"{AsyncClient!r:>{width}}" + F\'{x}\' + rf"{y}\\n"\n'
    lexemes = [(kind, source[start:end]) for kind, start, end in names_and_strings(source)]
    assert lexemes == [
        (Lexeme.STRING, 'f"{AsyncClient!r:>{width}}"'),
        (Lexeme.STRING, "F'{x}'"),
        (Lexeme.STRING, 'rf"{y}\\n"'),
    ]


def test_module_facts_read_all_and_definitions_at_any_depth() -> None:
    source = (
        "__all__ = ['A']\n"
        "if True:\n"
        "    class AsyncA: ...\n"
        "try:\n"
        "    AsyncB = 1\n"
        "except ImportError:\n"
        "    def AsyncC(): ...\n"
        "__all__ = ('A', 'B')\n"
    )
    facts = module_facts(source)
    assert facts.declared_all == ("A", "B")  # the last assignment, as when the module runs
    assert facts.defined == {"__all__", "AsyncA", "AsyncB", "AsyncC"}
    assert declared_all("x = 1\n") is None


def _load(source: str) -> dict[str, Any]:
    """The names a generated module defines, run as a module of its own (pydantic
    resolves the postponed annotations in the module's namespace)."""
    module = types.ModuleType("job_models_under_test")
    sys.modules[module.__name__] = module
    try:
        exec(compile(source, "<job models>", "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return vars(module)


def test_job_models_name_fields_safely_and_keep_every_key_as_alias(tmp_path: Path) -> None:
    keys = ["jobid", "class", "json", "model_config", "_a", "a", "1abc", "s:c:t", "", "str"]
    sample = tmp_path / "rows.json"
    sample.write_text(json.dumps([{key: "v" for key in keys}]))
    source, notes = job_models({"JobRow": sample}, "", "# header")
    assert notes == ()
    fields = [line.split(":")[0].strip() for line in source.splitlines() if " | None" in line]
    assert fields == [
        "jobid",
        "class_",
        "json_",
        "model_config_",
        "a",
        "a_1",
        "n1abc",
        "s_c_t",
        "blank",
        "str_",
    ]
    model = _load(source)["JobRow"]
    row = model.model_validate({**{key: key or "blank" for key in keys}, "extra": "kept"})
    assert row.model_dump(by_alias=True) == {
        **{key: key or "blank" for key in keys},
        "extra": "kept",
    }
    assert model.model_validate({}).jobid is None


@pytest.mark.parametrize(
    ("first_keys", "expected_imports"),
    [
        (
            ["s:c:t"],
            ["from typing import Annotated", "from pydantic import BaseModel, ConfigDict, Field"],
        ),
        (
            ["jobid"],
            ["from pydantic import BaseModel, ConfigDict, Field", "from typing import Annotated"],
        ),
    ],
)
def test_job_models_import_in_the_order_the_classes_need(
    tmp_path: Path, first_keys: list[str], expected_imports: list[str]
) -> None:
    (tmp_path / "a.json").write_text(json.dumps({key: "v" for key in first_keys}))
    (tmp_path / "b.json").write_text(json.dumps({"nodelist(reason)": "v"}))
    source, _ = job_models({"JobA": tmp_path / "a.json", "JobB": tmp_path / "b.json"}, "", "#")
    imports = [
        line for line in source.splitlines() if line.startswith(("from typing", "from pydantic"))
    ]
    assert imports == expected_imports
    assert set(_load(source)) >= {"JobA", "JobB"}
