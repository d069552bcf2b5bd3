"""Shell patterns (``*``, ``?``, ``[a-z]``) for ``case``, ``[[ == ]]``, ``${x%pat}`` and
file name expansion. A pattern is a list of chunks ``(text, quoted)``: quoted text
matches itself only, as in bash (``"*"`` is a star, ``*`` is anything)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence

from ..state.filesystem import FileError, Filesystem
from . import regexes

Chunks = Sequence[tuple[str, bool]]


def has_magic(chunks: Chunks) -> bool:
    """Whether an unquoted ``*``, ``?`` or ``[`` makes this a pattern."""
    return any(not quoted and any(c in text for c in "*?[") for text, quoted in chunks)


def literal(chunks: Chunks) -> str | None:
    """The text a pattern without magic matches (backslashes removed), or None when it
    has magic: such a pattern is found with ``str`` methods, in one pass."""
    if has_magic(chunks):
        return None
    out: list[str] = []
    for text, quoted in chunks:
        if quoted:
            out.append(text)
            continue
        i = 0
        while i < len(text):
            if text[i] == "\\" and i + 1 < len(text):
                i += 1
            out.append(text[i])
            i += 1
    return "".join(out)


def to_regex(chunks: Chunks) -> str:
    """The regular expression (without anchors) that ``chunks`` stand for."""
    out: list[str] = []
    for text, quoted in chunks:
        if quoted:
            out.append(re.escape(text))
            continue
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\\" and i + 1 < len(text):
                out.append(re.escape(text[i + 1]))
                i += 2
                continue
            if char == "*":
                out.append(".*")
            elif char == "?":
                out.append(".")
            elif char == "[":
                end, bracket = _bracket(text, i)
                if bracket is None:
                    out.append(re.escape(char))
                else:
                    out.append(bracket)
                    i = end
                    continue
            else:
                out.append(re.escape(char))
            i += 1
    return "".join(out)


def _bracket(text: str, start: int) -> tuple[int, str | None]:
    """A ``[...]`` class starting at ``start``: (index after it, regex) or (start, None)."""
    i = start + 1
    negate = i < len(text) and text[i] in "!^"
    if negate:
        i += 1
    body_start = i
    if i < len(text) and text[i] == "]":
        i += 1
    while i < len(text) and text[i] != "]":
        i += 1
    if i >= len(text):
        return start, None
    body = text[body_start:i]
    members = "".join("\\" + c if c in "\\^[]" else c for c in body)
    return i + 1, f"[{'^' if negate else ''}{members}]"


def compile_pattern(chunks: Chunks) -> regexes.Pattern:
    return regexes.compile_pattern(to_regex(chunks), dotall=True)


def matches(chunks: Chunks, value: str) -> bool:
    return regexes.fullmatch(compile_pattern(chunks), value)


def longest_match(
    regex: regexes.Pattern, value: str, start: int, tick: Callable[[], None]
) -> int | None:
    """Where the longest non-empty match of ``regex`` from ``start`` ends, or None.

    A pattern without alternatives matches greedily, so its first match is the longest;
    with alternatives (``@(a|ab)``) every end is tried, longest first."""
    if "|" not in regex.pattern:
        found = regexes.match(regex, value, start)
        return found.end() if found is not None and found.end() > start else None
    for end in range(len(value), start, -1):
        tick()
        if regexes.fullmatch(regex, value, start, end):
            return end
    return None


def strip_affix(
    value: str,
    chunks: Chunks,
    *,
    suffix: bool,
    longest: bool,
    tick: Callable[[], None] = lambda: None,
) -> str:
    """``${v%pat}`` (suffix, shortest), ``${v%%pat}``, ``${v#pat}``, ``${v##pat}``;
    ``tick`` is called for each cut tried (the run's budget)."""
    pattern = compile_pattern(chunks)
    ascending = (suffix and longest) or (not suffix and not longest)
    cuts = range(len(value) + 1)
    order = cuts if ascending else reversed(cuts)
    for cut in order:
        tick()
        part = value[cut:] if suffix else value[:cut]
        if regexes.fullmatch(pattern, part):
            return value[:cut] if suffix else value[cut:]
    return value


def glob(filesystem: Filesystem, user: str, cwd: str, chunks: Chunks) -> list[str]:
    """The paths that match, sorted, as the pattern spells them (relative stays relative)."""
    components: list[list[tuple[str, bool]]] = [[]]
    for text, quoted in chunks:
        parts = text.split("/")
        for index, part in enumerate(parts):
            if index:
                components.append([])
            if part:
                components[-1].append((part, quoted))
    absolute = components[0] == [] and len(components) > 1
    if absolute:
        components = components[1:]
    bases = ["/" if absolute else ""]
    for index, component in enumerate(components):
        last = index == len(components) - 1
        if not component:  # a trailing slash: only folders
            bases = [b for b in bases if _is_dir(filesystem, user, cwd, b)]
            bases = [b + "/" for b in bases]
            continue
        literal = "".join(t for t, _ in component)
        if not has_magic(component):
            bases = [_join(b, _unescape(component)) for b in bases]
            if last:
                bases = [b for b in bases if _exists(filesystem, user, cwd, b)]
            continue
        pattern = compile_pattern(component)
        hidden_ok = literal.startswith(".")
        found: list[str] = []
        for base in bases:
            for name in _names(filesystem, user, cwd, base):
                if name.startswith(".") and not hidden_ok:
                    continue
                if regexes.fullmatch(pattern, name):
                    found.append(_join(base, name))
        bases = sorted(found)
    return bases


def _unescape(component: Chunks) -> str:
    out = []
    for text, quoted in component:
        out.append(text if quoted else re.sub(r"\\(.)", r"\1", text))
    return "".join(out)


def _join(base: str, name: str) -> str:
    if not base:
        return name
    return base + name if base.endswith("/") else f"{base}/{name}"


def _absolute(cwd: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(cwd, path or "."))


def _names(filesystem: Filesystem, user: str, cwd: str, base: str) -> list[str]:
    try:
        return filesystem.names(_absolute(cwd, base), user)
    except FileError:
        return []


def _is_dir(filesystem: Filesystem, user: str, cwd: str, path: str) -> bool:
    try:
        return filesystem.is_dir(_absolute(cwd, path), user)
    except FileError:
        return False


def _exists(filesystem: Filesystem, user: str, cwd: str, path: str) -> bool:
    try:
        return filesystem.kind(_absolute(cwd, path), user) is not None
    except FileError:
        return False
