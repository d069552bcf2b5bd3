"""``pysource.names_and_strings`` against Python's own tokenizer, the reference it
stands in for (the sync rewrite uses it because it is about four times faster): the
same names and string literals at the same offsets, over the standard library's
modules and every module of the generated package and of the hand-written code."""

from __future__ import annotations

import io
import sys
import sysconfig
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.pysource import Lexeme, names_and_strings

ROOT = Path(__file__).resolve().parents[2]
Span = tuple[Lexeme, int, int]


def tokenizer_spans(source: str) -> Iterator[Span]:
    """The NAME and STRING tokens of ``source`` by offset. An f-string is one string,
    as Python 3.11 reads it (later versions give its parts as tokens of their own)."""
    offsets = [0]
    for line in io.StringIO(source).readlines():
        offsets.append(offsets[-1] + len(line))

    def offset(position: tuple[int, int]) -> int:
        return offsets[position[0] - 1] + position[1]

    depth, begin = 0, 0
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        name = tokenize.tok_name[token.type]
        if name == "FSTRING_START":
            begin = offset(token.start) if depth == 0 else begin
            depth += 1
        elif name == "FSTRING_END":
            depth -= 1
            if depth == 0:
                yield Lexeme.STRING, begin, offset(token.end)
        elif depth == 0 and token.type in (tokenize.NAME, tokenize.STRING):
            kind = Lexeme.NAME if token.type == tokenize.NAME else Lexeme.STRING
            yield kind, offset(token.start), offset(token.end)


def _first_difference(source: str, reference: list[Span]) -> str | None:
    """Where the lexer's spans of ``source`` first differ from the tokenizer's."""
    ours = list(names_and_strings(source))
    for mine, theirs in zip(ours, reference, strict=False):
        if mine != theirs:
            return f"{mine} {source[mine[1] : mine[2]]!r} != {theirs} {source[theirs[1] : theirs[2]]!r}"
    if len(ours) != len(reference):
        return f"{len(ours)} tokens != {len(reference)}"
    return None


def _differences(paths: list[Path]) -> tuple[int, dict[str, str]]:
    """How many of ``paths`` the tokenizer reads, and how the lexer differs on them;
    files that are not UTF-8 Python (test data meant to be broken) are left out."""
    read, differences = 0, {}
    for path in paths:
        try:
            source = path.read_text(encoding="utf-8")
            reference = list(tokenizer_spans(source))
        except (UnicodeDecodeError, SyntaxError, tokenize.TokenError):
            continue
        read += 1
        difference = _first_difference(source, reference)
        if difference:
            differences[str(path)] = difference
    return read, differences


def test_the_package_and_the_hand_written_modules_lex_as_the_tokenizer_reads_them() -> None:
    paths = sorted((ROOT / "generated").rglob("*.py"))
    paths += sorted((ROOT / "templates" / "static").rglob("*.py"))
    read, differences = _differences(paths)
    assert read == len(paths) > 100
    assert differences == {}


@pytest.mark.skipif(
    sys.version_info[:2] != (3, 11),
    reason="the reference is Python 3.11's grammar; later standard libraries use f-strings "
    "that reuse their quotes inside (PEP 701), which 3.11 code cannot hold",
)
def test_the_standard_library_lexes_as_the_tokenizer_reads_it() -> None:
    """Some six hundred modules written by others, and the standard library's tests of
    the literal syntax, with every kind of string prefix, quote, escape and number
    (``1e5``, ``0x_ff``, ``5.j``, ``1if x else y``)."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    modules = [p for p in stdlib.glob("*/*.py") if p.parent.name != "test"]
    modules += [stdlib / "test" / name for name in GRAMMAR_TESTS]
    read, differences = _differences(sorted(stdlib.glob("*.py")) + sorted(modules))
    assert read > 550
    assert differences == {}


#: The standard library's tests of the literal syntax: the densest in odd tokens.
GRAMMAR_TESTS = (
    "test_grammar.py",
    "test_tokenize.py",
    "test_fstring.py",
    "test_string_literals.py",
    "test_complex.py",
    "test_float.py",
    "test_format.py",
    "test_int_literal.py",
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("rb'x' br'y' f\"{a}\" u'z'", ["rb'x'", "br'y'", 'f"{a}"', "u'z'"]),
        ("x = 1e5 + 0xff + 5.j + .5e-3 + 1_000", ["x"]),
        ("# a comment with name\nn = 'it''s'", ["n", "'it'", "'s'"]),
        ('"""doc with "quotes" and \\""" inside"""', ['"""doc with "quotes" and \\""" inside"""']),
        ("s = 'a\\\nb'", ["s", "'a\\\nb'"]),
        ("if\"x\": elif'y'", ["if", '"x"', "elif", "'y'"]),
        ("café = 1", ["café"]),
    ],
)
def test_names_and_strings_of_tricky_lines(source: str, expected: list[str]) -> None:
    assert [source[start:end] for _, start, end in names_and_strings(source)] == expected
    assert list(names_and_strings(source)) == list(tokenizer_spans(source))
