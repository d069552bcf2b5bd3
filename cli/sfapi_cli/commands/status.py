"""``sfapi status``, ``outages``, ``notes``, ``changelog``: public, no credentials needed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, TypeVar

import typer

from sfapi_client import NotFoundError

from .. import state
from ..errors import reported
from ..exit_codes import ExitCode
from ..failures import CommandError, no_such_route
from ..global_options import CommandWithGlobals
from ..output import emit_json, moment, styled_status, table

Entry = TypeVar("Entry")


def _rows(answer: dict[str, list[Entry]] | list[Entry]) -> list[Entry]:
    """The entries of every system (a dict by name) or of one (a list), as one list."""
    if isinstance(answer, dict):
        return [entry for entries in answer.values() for entry in entries]
    return answer


@contextmanager
def known_name(name: str | None) -> Iterator[None]:
    """A name the service does not know is a usage error (exit 2), as an unknown machine
    is for the commands that take one."""
    try:
        yield
    except NotFoundError as exc:
        if name is None or no_such_route(exc):
            raise
        raise CommandError(
            f"unknown system or service {name!r}",
            ExitCode.USAGE,
            hint="hint: sfapi status lists every system and service",
        ) from exc


def register(app: typer.Typer) -> None:
    for command in (status, outages, notes, changelog):
        app.command(cls=CommandWithGlobals)(reported(state.debug)(command))


def status(
    name: Annotated[str | None, typer.Argument(help="One system or service.")] = None,
) -> None:
    """Status of every system and service, or of one.

    With --json: a list of systems, or the one system asked for as an object.
    """
    with state.current.client() as client, known_name(name):
        answer = client.resources.status(name)
    if state.current.json:
        emit_json(list(answer.values()) if isinstance(answer, dict) else answer)
        return
    systems = list(answer.values()) if isinstance(answer, dict) else [answer]
    table(
        "Status",
        ["name", "status", "description", "updated"],
        [
            (s.name, styled_status(s.status.value), s.description or "", moment(s.updated_at))
            for s in systems
        ],
    )


def outages(
    name: Annotated[str | None, typer.Argument(help="One system or service.")] = None,
    planned: Annotated[
        bool, typer.Option("--planned", help="Planned outages instead of past ones.")
    ] = False,
) -> None:
    """Outages (past and current, or planned with --planned), per system."""
    with state.current.client() as client, known_name(name):
        answer = (
            client.resources.planned_outages(name) if planned else client.resources.outages(name)
        )
    rows = _rows(answer)
    if state.current.json:
        emit_json(rows)
        return
    table(
        "Planned outages" if planned else "Outages",
        ["name", "status", "start", "end", "description"],
        [
            (
                o.name,
                o.status.value if o.status else "",
                moment(o.start_at),
                moment(o.end_at),
                o.description or "",
            )
            for o in rows
        ],
    )


def notes(
    name: Annotated[str | None, typer.Argument(help="One system or service.")] = None,
) -> None:
    """Notes about systems and services."""
    with state.current.client() as client, known_name(name):
        rows = _rows(client.resources.notes(name))
    if state.current.json:
        emit_json(rows)
        return
    table(
        "Notes",
        ["name", "time", "note"],
        [(n.name, moment(n.timestamp), n.notes or "") for n in rows],
    )


def changelog() -> None:
    """Changes to the API."""
    with state.current.client() as client:
        entries = client.api.changelog()
    if state.current.json:
        emit_json(entries)
        return
    table("Changelog", ["date", "change"], [(e.date or "", e.change or "") for e in entries])
