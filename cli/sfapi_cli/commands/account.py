"""``sfapi whoami``, ``projects``, ``groups``: the credentials' owner."""

from __future__ import annotations

import typer

from .. import state
from ..errors import reported
from ..global_options import CommandWithGlobals
from ..output import emit_json, table


def register(app: typer.Typer) -> None:
    for command in (whoami, projects, groups):
        app.command(cls=CommandWithGlobals)(reported(state.debug)(command))


def whoami() -> None:
    """The user the credentials belong to."""
    with state.current.client() as client:
        user = client.user()
    if state.current.json:
        emit_json(user.info)
        return
    info = user.info
    table(
        None,
        ["name", "uid", "email", "full name"],
        [
            (
                info.name,
                info.uid,
                getattr(info, "email", "") or "",
                " ".join(p for p in (info.firstname, info.lastname) if p),
            ),
        ],
    )


def projects() -> None:
    """Projects and their allocations."""
    with state.current.client() as client:
        found = client.projects()
    if state.current.json:
        emit_json([p.stats for p in found])
        return
    table(
        "Projects",
        ["repo", "description", "hours used", "hours given"],
        [(p.repo_name, p.description, p.stats.hours_used, p.stats.hours_given) for p in found],
    )


def groups() -> None:
    """Unix groups of the credentials' owner."""
    with state.current.client() as client:
        found = client.user().groups()
    if state.current.json:
        emit_json([g.stats for g in found])
        return
    table(
        "Groups",
        ["name", "gid", "members"],
        [(g.name, g.gid, ", ".join(m.name for m in g.members)) for g in found],
    )
