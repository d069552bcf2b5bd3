"""Permission bits as on a Unix system: who may read, write or search a file, and the
modes ``chmod`` takes (octal such as ``640`` or symbolic such as ``g+r,o-rwx``).

The simulator runs as one host user, so owners, groups and modes are the simulator's
own records (see ``metadata``), never the host's.
"""

from __future__ import annotations

from dataclasses import dataclass

READ, WRITE, SEARCH = 4, 2, 1
#: The mode bits chmod may set: setuid, setgid, sticky and the nine permission bits.
ALL_BITS = 0o7777
#: The bits each ``who`` letter of a symbolic mode reaches (set-id bits included).
WHO_BITS = {"u": 0o4700, "g": 0o2070, "o": 0o1007, "a": 0o7777}
#: The permission letters, as bits for every class (``who`` narrows them).
PERM_BITS = {"r": 0o444, "w": 0o222, "x": 0o111, "s": 0o6000, "t": 0o1000}
#: Where the three bits of a class sit, for copies such as ``g=u``.
CLASS_SHIFT = {"u": 6, "g": 3, "o": 0}
UMASK = 0o022


@dataclass(frozen=True)
class Ownership:
    """Who owns a file, its group, and its mode bits (without the file type)."""

    user: str
    group: str
    mode: int


def allowed(owner: Ownership, user: str, groups: frozenset[str], want: int) -> bool:
    """Whether ``user`` (member of ``groups``) has every permission in ``want``."""
    if user == "root":
        return True
    if owner.user == user:
        bits = owner.mode >> 6
    elif owner.group in groups:
        bits = owner.mode >> 3
    else:
        bits = owner.mode
    return (bits & 7 & want) == want


class ModeError(ValueError):
    """A mode ``chmod`` does not understand."""


def new_mode(spec: str, current: int, *, is_dir: bool) -> int:
    """The mode after ``chmod spec`` on a file whose mode is ``current``."""
    if not spec:
        raise ModeError("missing mode")
    if all(c in "01234567" for c in spec):
        if len(spec) > 4:
            raise ModeError(f"invalid mode: '{spec}'")
        value = int(spec, 8)
        # As GNU chmod: a short octal mode keeps a folder's set-id bits.
        if is_dir and len(spec) <= 3:
            value |= current & 0o6000
        return value
    mode = current & ALL_BITS
    for clause in spec.split(","):
        mode = _apply_clause(clause, mode, spec, is_dir=is_dir)
    return mode


def _apply_clause(clause: str, mode: int, spec: str, *, is_dir: bool) -> int:
    """One clause of a symbolic mode: ``[ugoa]*`` then one or more ``op perms``."""
    index = 0
    who = 0
    while index < len(clause) and clause[index] in WHO_BITS:
        who |= WHO_BITS[clause[index]]
        index += 1
    masked = who == 0  # no who: like ``a``, but the umask's bits are left alone
    if masked:
        who = WHO_BITS["a"]
    if index == len(clause):
        raise ModeError(f"invalid mode: '{spec}'")
    while index < len(clause):
        operator = clause[index]
        if operator not in "+-=":
            raise ModeError(f"invalid mode: '{spec}'")
        index += 1
        bits = 0
        if index < len(clause) and clause[index] in CLASS_SHIFT:
            copied = (mode >> CLASS_SHIFT[clause[index]]) & 7
            bits = copied << 6 | copied << 3 | copied
            index += 1
        else:
            while index < len(clause) and clause[index] in "rwxXst":
                letter = clause[index]
                if letter == "X":
                    bits |= 0o111 if is_dir or mode & 0o111 else 0
                else:
                    bits |= PERM_BITS[letter]
                index += 1
        bits &= who
        if masked and operator != "-":
            bits &= ~UMASK
        if operator == "+":
            mode |= bits
        elif operator == "-":
            mode &= ~bits
        else:
            cleared = who & ~(0o6000 if is_dir else 0)  # ``=`` keeps a folder's set-id bits
            mode = (mode & ~cleared) | bits
    return mode
