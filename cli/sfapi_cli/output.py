"""Printing results: rich tables for people, JSON for programs (``--json``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from rich.console import Console

# Tables, progress displays and pydantic are imported by the commands that print them,
# so that ``sfapi --help`` loads none of them.

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

STATUS_STYLES = {"active": "green", "degraded": "yellow", "unavailable": "red", "other": "blue"}
STATE_STYLES = {"COMPLETED": "green", "RUNNING": "cyan", "PENDING": "yellow"}


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
    """Print ``data`` as indented JSON on stdout."""
    console.print_json(json.dumps(plain(data)))


def table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print a table; a cell may be ``(text, style)``."""
    from rich.table import Table

    grid = Table(title=title, title_justify="left")
    for column in columns:
        grid.add_column(column)
    for row in rows:
        cells = []
        for cell in row:
            if isinstance(cell, tuple):
                text, style = cell
                cells.append(f"[{style}]{text}[/{style}]" if style else str(text))
            else:
                cells.append("" if cell is None else str(cell))
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

    label = f"{description} ({decimal(size)})"
    columns = (SpinnerColumn(), TextColumn(label), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, transient=True) as progress:
        progress.add_task(label, total=None)
        yield
