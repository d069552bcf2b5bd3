"""``$(( … ))`` and ``(( … ))``: bash's integer arithmetic on 64-bit signed numbers,
evaluated on the expression tree the parser built."""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from .errors import ShellError
from .state import ShellState
from .syntax import named, operator_of, text

_BITS = 1 << 64
_HALF = 1 << 63
_ASSIGNING = {"=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^="}
#: How deep a variable may name another variable that names another ...
_MAX_INDIRECTION = 32


def wrap(value: int) -> int:
    """``value`` as a signed 64-bit integer, as bash computes."""
    return (value + _HALF) % _BITS - _HALF


class Arithmetic:
    """Evaluates expression nodes; ``expand`` turns ``$x``/``${x}``/``$(…)`` into text,
    ``parse`` turns text into an expression node (for variables holding expressions)."""

    def __init__(
        self,
        state: ShellState,
        expand: Callable[[Node], str],
        parse: Callable[[str], Node | None],
    ) -> None:
        self.state = state
        self.expand = expand
        self.parse = parse
        self._depth = 0

    def evaluate(self, node: Node) -> int:
        kind = node.type
        if kind == "number":
            return number(text(node))
        if kind in ("variable_name", "word"):
            return self._variable(text(node))
        if kind == "parenthesized_expression":
            inner = named(node)
            return self.evaluate(inner[0]) if inner else 0
        if kind in ("simple_expansion", "expansion", "command_substitution", "string"):
            return self.evaluate_text(self.expand(node))
        if kind == "arithmetic_expansion":
            inner = named(node)
            return self.evaluate(inner[0]) if inner else 0
        if kind == "binary_expression":
            return self._binary(node)
        if kind == "unary_expression":
            return self._unary(node)
        if kind == "postfix_expression":
            target = named(node)[0]
            before = self.evaluate(target)
            change = 1 if operator_of(node) == "++" else -1
            self._assign(target, wrap(before + change))
            return before
        if kind == "ternary_expression":
            condition, yes, no = named(node)[:3]
            return self.evaluate(yes) if self.evaluate(condition) else self.evaluate(no)
        if kind == "variable_assignment":
            parts = named(node)
            value = self.evaluate(parts[1]) if len(parts) > 1 else 0
            self.state.set(text(parts[0]), str(value))
            return value
        raise ShellError(f"{text(node)}: syntax error in expression")

    def evaluate_text(self, value: str) -> int:
        value = value.strip()
        if not value:
            return 0
        try:
            return number(value)
        except ShellError:
            pass
        if self._depth > _MAX_INDIRECTION:
            raise ShellError(f"{value}: expression recursion level exceeded")
        tree = self.parse(value)
        if tree is None:
            raise ShellError(f"{value}: syntax error in expression")
        self._depth += 1
        try:
            return self.evaluate(tree)
        finally:
            self._depth -= 1

    def _variable(self, name: str) -> int:
        if name.isdigit():
            return number(name)
        if not _is_name(name):
            return number(name)
        return self.evaluate_text(self.state.get(name) or "")

    def _assign(self, target: Node, value: int) -> None:
        name = text(target)
        if target.type not in ("variable_name", "word") or not _is_name(name):
            raise ShellError(f"{name}: attempted assignment to non-variable")
        self.state.set(name, str(value))

    def _binary(self, node: Node) -> int:
        left, right = named(node)[0], named(node)[-1]
        operator = operator_of(node)
        if operator in _ASSIGNING:
            value = self.evaluate(right)
            if operator != "=":
                value = _apply(operator[:-1], self.evaluate(left), value)
            value = wrap(value)
            self._assign(left, value)
            return value
        if operator == "&&":
            return int(bool(self.evaluate(left)) and bool(self.evaluate(right)))
        if operator == "||":
            return int(bool(self.evaluate(left)) or bool(self.evaluate(right)))
        if operator == ",":
            self.evaluate(left)
            return self.evaluate(right)
        return wrap(_apply(operator, self.evaluate(left), self.evaluate(right)))

    def _unary(self, node: Node) -> int:
        operator = operator_of(node)
        operand = named(node)[0]
        if operator in ("++", "--"):
            value = wrap(self.evaluate(operand) + (1 if operator == "++" else -1))
            self._assign(operand, value)
            return value
        value = self.evaluate(operand)
        if operator == "-":
            return wrap(-value)
        if operator == "+":
            return value
        if operator == "!":
            return int(not value)
        if operator == "~":
            return wrap(~value)
        raise ShellError(f"{text(node)}: syntax error in expression")


def _apply(operator: str, a: int, b: int) -> int:
    if operator in ("/", "%"):
        if b == 0:
            raise ShellError('division by 0 (error token is "0")')
        quotient = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
        return quotient if operator == "/" else a - b * quotient
    if operator == "**":
        if b < 0:
            raise ShellError("exponent less than 0")
        return pow(a, b, _BITS)
    table: dict[str, Callable[[int, int], int]] = {
        "+": lambda x, y: x + y,
        "-": lambda x, y: x - y,
        "*": lambda x, y: x * y,
        "<<": lambda x, y: x << (y % 64),
        ">>": lambda x, y: x >> (y % 64),
        "&": lambda x, y: x & y,
        "|": lambda x, y: x | y,
        "^": lambda x, y: x ^ y,
        "<": lambda x, y: int(x < y),
        ">": lambda x, y: int(x > y),
        "<=": lambda x, y: int(x <= y),
        ">=": lambda x, y: int(x >= y),
        "==": lambda x, y: int(x == y),
        "!=": lambda x, y: int(x != y),
    }
    if operator not in table:
        raise ShellError(f"{operator}: syntax error in expression")
    return table[operator](a, b)


def number(value: str) -> int:
    """A bash integer constant: decimal, ``0x1f``, ``017`` (octal), ``2#101``."""
    value = value.strip()
    sign = -1 if value.startswith("-") else 1
    body = value.lstrip("+-")
    try:
        if "#" in body:
            base, _, digits = body.partition("#")
            return sign * int(digits, int(base))
        if body.lower().startswith("0x"):
            return sign * int(body[2:], 16)
        if len(body) > 1 and body.startswith("0"):
            return sign * int(body, 8)
        return sign * int(body, 10)
    except ValueError:
        raise ShellError(f'{value}: value too great for base (error token is "{value}")') from None


def _is_name(value: str) -> bool:
    return (
        bool(value)
        and (value[0].isalpha() or value[0] == "_")
        and value.replace("_", "a").isalnum()
    )
