"""Printing results: rich tables for people, JSON for programs (``--json``).

Everything the server or the user supplies (job names, paths, messages) is printed as
plain text: never parsed as rich markup, with control characters shown as escapes, so
that a job named ``[/x]`` or holding an ESC sequence cannot break a table or drive the
terminal.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from rich.console import Console

if TYPE_CHECKING:
    from rich.text import Text

# Tables, progress displays and pydantic are imported by the commands that print them,
# so that ``sfapi --help`` loads none of them.

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

STATUS_STYLES = {"active": "green", "degraded": "yellow", "unavailable": "red", "other": "blue"}
STATE_STYLES = {"COMPLETED": "green", "RUNNING": "cyan", "PENDING": "yellow"}

#: Format characters that reorder text on a terminal (bidirectional overrides and
#: isolates): shown as escapes like the control characters.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@cache
def _escapes(keep: str) -> dict[int, str]:
    """The translation table of :func:`safe`: every control character (C0, DEL, C1) and
    bidirectional format character, except those in ``keep``, to a visible escape."""
    table: dict[int, str] = {}
    for code in range(0xA0):  # the "Cc" characters all lie below U+00A0
        char = chr(code)
        if unicodedata.category(char) == "Cc" and char not in keep:
            table[code] = f"\\x{code:02x}"
    for char in BIDI_CONTROLS:
        table[ord(char)] = f"\\u{ord(char):04x}"
    return table


def safe(value: object, *, multiline: bool = False) -> str:
    """``value`` as text fit for a terminal: control characters as ``\\xNN`` escapes
    (newlines and tabs kept when ``multiline``, for command output)."""
    text = "" if value is None else str(getattr(value, "value", value))
    return text.translate(_escapes("\n\t" if multiline else ""))


def plain_text(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """A rich ``Text`` of ``value`` made :func:`safe`, never read as markup."""
    from rich.text import Text

    return Text(safe(value, multiline=multiline), style=style)


def say(value: object, *, multiline: bool = False) -> None:
    """Print one message on stdout as plain text (see :func:`safe`)."""
    console.print(plain_text(value, multiline=multiline), soft_wrap=True)


def plain(value: Any) -> Any:
    """JSON-ready data from models, enums and lists of them."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return getattr(value, "value", value)


def emit_json(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout.

    Written as it is, not through rich: JSON escapes control characters itself, and no
    text in it is read as markup.
    """
    out = console.file
    out.write(json.dumps(plain(data), indent=2, ensure_ascii=False) + "\n")
    out.flush()


def table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print a table; a cell may be ``(text, style)``; every cell is plain text."""
    from rich.table import Table

    grid = Table(title=None if title is None else safe(title), title_justify="left")
    for column in columns:
        grid.add_column(column)
    for row in rows:
        cells = []
        for cell in row:
            if isinstance(cell, tuple):
                text, style = cell
                cells.append(plain_text(text, style))
            else:
                cells.append(plain_text(cell))
        grid.add_row(*cells)
    console.print(grid)


def moment(value: datetime | None) -> str:
    """An API timestamp (always time-zone aware) as ``YYYY-MM-DD HH:MM UTC``."""
    return "" if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def styled_status(value: str) -> tuple[str, str]:
    """A system status, coloured: green active, yellow degraded, red unavailable."""
    return value, STATUS_STYLES.get(value, "")


def styled_state(value: str) -> tuple[str, str]:
    """A job state, coloured: green COMPLETED, cyan RUNNING, yellow PENDING, red failures."""
    style = STATE_STYLES.get(value, "red" if value not in ("", "UNKNOWN") else "")
    return value, style


@contextmanager
def transfer(description: str, size: int) -> Iterator[None]:
    """A transient progress display on stderr while a file moves.

    The SF API moves a file in one request, so the bar pulses with the elapsed time
    rather than filling; it appears only on a terminal.
    """
    from rich.filesize import decimal
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    label = f"{safe(description)} ({decimal(size)})"
    columns = (SpinnerColumn(), TextColumn(label, markup=False), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, transient=True) as progress:
        progress.add_task(label, total=None)
        yield
