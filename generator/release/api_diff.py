"""How the public API of the package changes, in the terms of the code that uses it.

Each change is a line a user reads in the changelog (```compute.read_jobs`` gains
optional parameter ``account```), the Keep a Changelog section it belongs to, and a
verdict: breaking (code written against the old package may stop working), a feature
(new things, nothing taken away) or documentation only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Protocol, TypeVar

from .surface import Argument, Enumeration, Method, Model, Surface


class Verdict(IntEnum):
    """What a change means for code written against the old package, least first."""

    DOCS = 1
    FEATURE = 2
    BREAKING = 3


T = TypeVar("T")

#: Keep a Changelog's sections, in the order an entry lists them.
SECTIONS = ("Added", "Changed", "Deprecated", "Removed")


@dataclass(frozen=True)
class ApiChange:
    """One change of the package's API."""

    verdict: Verdict
    section: str
    text: str

    @property
    def breaking(self) -> bool:
        return self.verdict is Verdict.BREAKING


def diff_surfaces(old: Surface, new: Surface) -> list[ApiChange]:
    """Every change from ``old`` to ``new``: methods, then models, then enums."""
    changes: list[ApiChange] = []
    changes += _named(old.methods, new.methods, "", _same_route, _method_changes)
    changes += _named(old.models, new.models, "model ", _same_fields, _model_changes)
    changes += _named(old.enums, new.enums, "enum ", _same_values, _enum_changes)
    return changes


def _named(
    old: dict[str, T],
    new: dict[str, T],
    label: str,
    same: Callable[[T, T], bool],
    compare: Callable[[str, T, T], Iterable[ApiChange]],
) -> list[ApiChange]:
    """Removed, added and renamed things of one kind, then the changes of each kept one.

    A thing removed and one added that ``same`` pairs is a rename.
    """
    removed = sorted(old.keys() - new.keys())
    added = sorted(new.keys() - old.keys())
    renamed: dict[str, str] = {}
    for name in removed:
        free = (a for a in added if a not in renamed.values())
        match = next((a for a in free if same(old[name], new[a])), None)
        if match is not None:
            renamed[name] = match
    changes: list[ApiChange] = []
    for name, new_name in renamed.items():
        text = f"{label}`{name}` renamed to `{new_name}`"
        changes.append(ApiChange(Verdict.BREAKING, "Changed", text))
        changes += compare(new_name, old[name], new[new_name])
    for name in removed:
        if name not in renamed:
            changes.append(ApiChange(Verdict.BREAKING, "Removed", f"{label}`{name}` removed"))
    for name in added:
        if name not in renamed.values():
            changes.append(ApiChange(Verdict.FEATURE, "Added", f"{label}`{name}` added"))
    for name in sorted(old.keys() & new.keys()):
        changes += compare(name, old[name], new[name])
    return changes


class _Member(Protocol):
    """An argument of a method or a field of a model."""

    @property
    def required(self) -> bool: ...


def _lost_and_gained(
    before: Mapping[str, _Member],
    after: Mapping[str, _Member],
    lost: Callable[[str], str],
    gained: Callable[[str, bool], str],
) -> Iterable[ApiChange]:
    """Members that went (breaking) and came (breaking when required, else a feature)."""
    for member in sorted(before.keys() - after.keys()):
        yield ApiChange(Verdict.BREAKING, "Removed", lost(member))
    for member in sorted(after.keys() - before.keys()):
        required = after[member].required
        verdict, section = (Verdict.BREAKING, "Changed") if required else (Verdict.FEATURE, "Added")
        yield ApiChange(verdict, section, gained(member, required))


# -- methods -------------------------------------------------------------------------


def _same_route(old: Method, new: Method) -> bool:
    return old.route == new.route


def _method_changes(name: str, old: Method, new: Method) -> Iterable[ApiChange]:
    before = {a.name: a for a in old.arguments}
    after = {a.name: a for a in new.arguments}
    yield from _lost_and_gained(
        before,
        after,
        lambda arg: f"`{name}` loses parameter `{arg}`",
        lambda arg, required: (
            f"`{name}` gains {'required' if required else 'optional'} parameter `{arg}`"
        ),
    )
    for arg in sorted(before.keys() & after.keys()):
        yield from _argument_changes(f"`{name}` parameter `{arg}`", before[arg], after[arg])
    if old.returns != new.returns:
        text = f"`{name}` returns `{new.returns}` instead of `{old.returns}`"
        yield ApiChange(Verdict.BREAKING, "Changed", text)
    if new.needs_credentials and not old.needs_credentials:
        yield ApiChange(Verdict.BREAKING, "Changed", f"`{name}` now needs credentials")
    elif old.needs_credentials and not new.needs_credentials:
        yield ApiChange(Verdict.FEATURE, "Changed", f"`{name}` no longer needs credentials")
    if new.deprecated and not old.deprecated:
        yield ApiChange(Verdict.FEATURE, "Deprecated", f"`{name}` is deprecated")
    kept = before.keys() & after.keys()
    if old.docs != new.docs or any(before[a].docs != after[a].docs for a in kept):
        yield ApiChange(Verdict.DOCS, "Changed", f"`{name}` documentation changed")


def _argument_changes(label: str, old: Argument, new: Argument) -> Iterable[ApiChange]:
    if new.required and not old.required:
        yield ApiChange(Verdict.BREAKING, "Changed", f"{label} is now required")
    elif old.required and not new.required:
        yield ApiChange(Verdict.FEATURE, "Changed", f"{label} is now optional")
    if old.annotation != new.annotation:
        text = f"{label} type changed: `{old.annotation}` → `{new.annotation}`"
        yield ApiChange(Verdict.BREAKING, "Changed", text)
    if old.default != new.default:
        text = f"{label} default changed: `{old.default}` → `{new.default}`"
        yield ApiChange(Verdict.FEATURE, "Changed", text)


# -- models and enums ----------------------------------------------------------------


def _same_fields(old: Model, new: Model) -> bool:
    return old.fields == new.fields


def _model_changes(name: str, old: Model, new: Model) -> Iterable[ApiChange]:
    before = {f.name: f for f in old.fields}
    after = {f.name: f for f in new.fields}
    yield from _lost_and_gained(
        before,
        after,
        lambda field: f"`{name}.{field}` removed",
        lambda field, required: f"`{name}.{field}` added" + (", required" if required else ""),
    )
    for field in sorted(before.keys() & after.keys()):
        was, now = before[field], after[field]
        label = f"`{name}.{field}`"
        if now.required != was.required:
            state = "required" if now.required else "optional (it may be missing)"
            yield ApiChange(Verdict.BREAKING, "Changed", f"{label} is now {state}")
        if now.annotation != was.annotation:
            text = f"{label} type changed: `{was.annotation}` → `{now.annotation}`"
            yield ApiChange(Verdict.BREAKING, "Changed", text)
    kept = sorted(before.keys() & after.keys())
    if old.docs != new.docs or any(before[f].docs != after[f].docs for f in kept):
        yield ApiChange(Verdict.DOCS, "Changed", f"model `{name}` documentation changed")


def _same_values(old: Enumeration, new: Enumeration) -> bool:
    return old.values == new.values


def _enum_changes(name: str, old: Enumeration, new: Enumeration) -> Iterable[ApiChange]:
    for value in [v for v in new.values if v not in old.values]:
        yield ApiChange(Verdict.FEATURE, "Added", f"enum `{name}` gains `{value}`")
    for value in [v for v in old.values if v not in new.values]:
        yield ApiChange(Verdict.BREAKING, "Removed", f"enum `{name}` loses `{value}`")
    if old.docs != new.docs:
        yield ApiChange(Verdict.DOCS, "Changed", f"enum `{name}` documentation changed")
