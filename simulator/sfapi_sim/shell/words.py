"""The pieces a word expands to, and what becomes of them: field splitting on blanks,
``"$@"``'s breaks, quote removal, and the backslash rules of words, double quotes and
here-documents."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Runs of the characters of the default IFS (space, tab, newline).
_BLANKS = re.compile("[ \t\n]+")
_DOUBLE_QUOTE_ESCAPABLE = '$`"\\\n'


@dataclass(frozen=True)
class Piece:
    """Text of a word: ``quoted`` text is taken literally; ``split`` text came from an
    unquoted expansion and is split into fields on blanks."""

    text: str
    quoted: bool = False
    split: bool = False


#: Between two fields of ``"$@"``.
BREAK = Piece("", quoted=True, split=True)


def split_fields(pieces: list[Piece]) -> list[list[Piece]]:
    """Field splitting: unquoted expansion results break on blanks; ``"$@"`` on BREAK."""
    fields: list[list[Piece]] = []
    current: list[Piece] = []
    keep = False

    def close() -> None:
        nonlocal current, keep
        if keep:
            fields.append(current)
        current, keep = [], False

    for piece in pieces:
        if piece is BREAK:
            close()
        elif piece.split and not piece.quoted:
            parts = split_blanks(piece.text)
            for index, part in enumerate(parts):
                if index:
                    close()
                if part:
                    current.append(Piece(part))
                    keep = True
        else:
            current.append(piece)
            keep = keep or piece.quoted or bool(piece.text)
    close()
    return fields


def split_blanks(value: str) -> list[str]:
    """``value`` cut at runs of blanks, keeping empty ends (they mark a boundary)."""
    return _BLANKS.split(value)


def literal(piece: Piece) -> str:
    """Quote removal: an unquoted piece still carries its backslash escapes for globbing."""
    if piece.quoted or "\\" not in piece.text:
        return piece.text
    out, i = [], 0
    while i < len(piece.text):
        if piece.text[i] == "\\" and i + 1 < len(piece.text):
            out.append(piece.text[i + 1])
            i += 2
        else:
            out.append(piece.text[i])
            i += 1
    return "".join(out)


def word_pieces(raw: str) -> list[Piece]:
    """An unquoted literal: backslash-newline vanishes, ``\\x`` becomes a quoted x."""
    pieces: list[Piece] = []
    run: list[str] = []
    i = 0
    while i < len(raw):
        char = raw[i]
        if char == "\\" and i + 1 < len(raw):
            if run:
                pieces.append(Piece("".join(run)))
                run = []
            if raw[i + 1] != "\n":
                pieces.append(Piece(raw[i + 1], quoted=True))
            i += 2
            continue
        run.append(char)
        i += 1
    if run:
        pieces.append(Piece("".join(run)))
    return pieces


def unescape_double(raw: str) -> str:
    """Backslashes inside double quotes: only before ``$ ` " \\`` and a newline."""
    return _unescape(raw, _DOUBLE_QUOTE_ESCAPABLE)


def unescape_heredoc(raw: str) -> str:
    """Backslashes in an expanded here-document: only before ``$ ` \\`` and a newline."""
    return _unescape(raw, "$`\\\n")


def _unescape(raw: str, escapable: str) -> str:
    out, i = [], 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw) and raw[i + 1] in escapable:
            if raw[i + 1] != "\n":
                out.append(raw[i + 1])
            i += 2
            continue
        out.append(raw[i])
        i += 1
    return "".join(out)
