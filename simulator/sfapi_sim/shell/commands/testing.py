"""``test``, ``[`` and ``[[``: file tests, string and integer comparisons, ``!``, ``-a``,
``-o`` and parentheses. ``[[`` adds pattern matching (``==``), ``=~`` and ``&&``/``||``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...state.filesystem import FileError, Filesystem
from .. import patterns, regexes
from . import Builtin, Command, Context

if TYPE_CHECKING:
    from ..streams import IO

Word = tuple[str, list[tuple[str, bool]]]
_UNARY_FILE = set("efdsrwxLhpSbcgkuGOtN")
_INTEGER = {"-eq", "-ne", "-lt", "-le", "-gt", "-ge"}
_STRING = {"=", "==", "!=", "<", ">"}


class _TestError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Evaluator:
    """Evaluates the words of one test over the files of ``user``; ``path`` makes a path
    absolute, ``arithmetic`` evaluates the operands of ``[[``'s integer comparisons."""

    def __init__(
        self,
        words: list[Word],
        *,
        filesystem: Filesystem,
        user: str,
        path: Callable[[str], str],
        arithmetic: Callable[[str], int] | None = None,
    ) -> None:
        self.words = words
        self.filesystem = filesystem
        self.user = user
        self.path = path
        self.arithmetic = arithmetic
        self.double = arithmetic is not None
        self.position = 0

    def run(self) -> bool:
        if not self.words:
            return False
        value = self._or()
        if self.position != len(self.words):
            raise _TestError(f"{self.words[self.position][0]}: unexpected argument")
        return value

    def _peek(self, offset: int = 0) -> str | None:
        index = self.position + offset
        return self.words[index][0] if index < len(self.words) else None

    def _take(self) -> Word:
        word = self.words[self.position]
        self.position += 1
        return word

    def _or(self) -> bool:
        value = self._and()
        while self._peek() in ("-o", "||"):
            self.position += 1
            right = self._and()
            value = value or right
        return value

    def _and(self) -> bool:
        value = self._not()
        while self._peek() in ("-a", "&&") and not (
            self._peek() == "-a" and self.position + 1 >= len(self.words)
        ):
            self.position += 1
            right = self._not()
            value = value and right
        return value

    def _not(self) -> bool:
        if self._peek() == "!" and self.position + 1 < len(self.words):
            self.position += 1
            return not self._not()
        return self._primary()

    def _primary(self) -> bool:
        remaining = len(self.words) - self.position
        first = self._peek()
        if first == "(" and remaining >= 3:
            self.position += 1
            value = self._or()
            if self._peek() != ")":
                raise _TestError("`)' expected")
            self.position += 1
            return value
        if remaining >= 3 and self._peek(1) in _STRING | _INTEGER | {"=~", "-nt", "-ot", "-ef"}:
            left, operator, right = self._take(), self._take()[0], self._take()
            return self._binary(left, operator, right)
        if remaining >= 2 and first is not None and len(first) == 2 and first[0] == "-":
            if first[1] in _UNARY_FILE or first[1] in "zn":
                self.position += 1
                return self._unary(first, self._take()[0])
            if remaining == 2:
                raise _TestError(f"{first}: unary operator expected")
        return self._take()[0] != ""

    def _unary(self, operator: str, operand: str) -> bool:
        if operator == "-z":
            return operand == ""
        if operator == "-n":
            return operand != ""
        filesystem, user = self.filesystem, self.user
        path = self.path(operand) if operand else ""
        if not path:
            return False
        try:
            if operator in ("-L", "-h"):
                return filesystem.is_link(path, user)
            kind = filesystem.kind(path, user)
            if kind is None:
                return False
            if operator == "-f":
                return kind == "file"
            if operator == "-d":
                return kind == "dir"
            if operator == "-s":
                return filesystem.size(path, user) > 0
            if operator in ("-r", "-w", "-x"):
                return filesystem.access(path, user, operator[1])
            return True
        except (FileError, OSError):
            return False

    def _binary(self, left: Word, operator: str, right: Word) -> bool:
        a, b = left[0], right[0]
        if operator in ("=", "=="):
            return patterns.matches(right[1], a) if self.double else a == b
        if operator == "!=":
            return not patterns.matches(right[1], a) if self.double else a != b
        if operator == "<":
            return a < b
        if operator == ">":
            return a > b
        if operator == "=~":
            try:
                return regexes.search(regexes.compile_pattern(b), a) is not None
            except regexes.TooComplex as exc:
                raise _TestError(str(exc)) from None
            except regexes.error:
                raise _TestError(f"{b}: invalid regular expression") from None
        if operator in _INTEGER:
            x, y = self._integer(a), self._integer(b)
            return {
                "-eq": x == y,
                "-ne": x != y,
                "-lt": x < y,
                "-le": x <= y,
                "-gt": x > y,
                "-ge": x >= y,
            }[operator]
        try:
            times = [self.filesystem.mtime(self.path(p), self.user) for p in (a, b)]
        except (FileError, OSError):
            return False
        return times[0] > times[1] if operator == "-nt" else times[0] < times[1]

    def _integer(self, value: str) -> int:
        if self.arithmetic is not None:
            return self.arithmetic(value)
        try:
            return int(value.strip())
        except ValueError:
            raise _TestError(f"{value}: integer expression expected") from None


def evaluate_test(
    words: list[Word],
    *,
    name: str,
    ctx: Context,
    io: IO,
    arithmetic: Callable[[str], int] | None,
) -> int:
    """``[ … ]`` (``arithmetic`` None) or ``[[ … ]]``: 0 when the test holds, 1 when not,
    2 on a malformed test (with bash's message)."""
    try:
        return 0 if _evaluator(words, ctx, arithmetic).run() else 1
    except _TestError as exc:
        io.stderr.write(f"{ctx.script_name}: line {ctx.line}: {name}: {exc.message}\n")
        return 2


def _evaluator(
    words: list[Word], ctx: Context, arithmetic: Callable[[str], int] | None
) -> _Evaluator:
    return _Evaluator(
        words, filesystem=ctx.filesystem, user=ctx.user, path=ctx.path, arithmetic=arithmetic
    )


def _test(inv: Context) -> int:
    args = list(inv.args)
    if inv.name == "[":
        if not args or args[-1] != "]":
            return inv.builtin_fail("missing `]'", 2)
        args = args[:-1]
    words = [(a, [(a, True)]) for a in args]
    try:
        return 0 if _evaluator(words, inv, None).run() else 1
    except _TestError as exc:
        return inv.builtin_fail(exc.message, 2)


BUILTINS: dict[str, Builtin] = {"test": _test, "[": _test}
COMMANDS: dict[str, Command] = {"test": _test, "[": _test}
