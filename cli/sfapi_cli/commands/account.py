"""``sfapi whoami``, ``projects``, ``groups``: the credentials' owner."""

from __future__ import annotations

import time
from datetime import datetime

import typer

from .. import state
from ..errors import reported
from ..global_options import CommandWithGlobals
from ..output import emit_json, moment, plain, table


def register(app: typer.Typer) -> None:
    for command in (whoami, projects, groups):
        app.command(cls=CommandWithGlobals)(reported(state.debug)(command))


def time_left(seconds: float) -> str:
    """Seconds until a key expires, as people read them: ``1 day 3 h``, ``42 min``,
    ``expired``."""
    if seconds <= 0:
        return "expired"
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''} {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min" if minutes else f"{int(seconds)} s"


def _urgency(seconds: float) -> str:
    """The colour of a key's time left: red once expired, yellow within a day."""
    return "red" if seconds <= 0 else "yellow" if seconds < 24 * 3600 else ""


def whoami() -> None:
    """The user the credentials belong to, and when the key expires."""
    with state.current.client() as client:
        user = client.user()
        expires: datetime | None = client.key_expires_at()
    left = None if expires is None else expires.timestamp() - time.time()
    if state.current.json:
        emit_json(
            {
                **plain(user.info),
                "key_expires_at": None if expires is None else expires.isoformat(),
                "key_seconds_left": None if left is None else max(0, int(left)),
            }
        )
        return
    info = user.info
    table(
        None,
        ["name", "uid", "email", "full name", "key expires", "time left"],
        [
            (
                info.name,
                info.uid,
                getattr(info, "email", "") or "",
                " ".join(p for p in (info.firstname, info.lastname) if p),
                moment(expires) if expires is not None else "unknown",
                ("", "") if left is None else (time_left(left), _urgency(left)),
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
