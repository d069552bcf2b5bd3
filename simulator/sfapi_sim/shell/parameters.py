"""Parameter expansion, ``${…}``: defaults and assignments (``:-`` ``:=`` ``:+`` ``:?``),
lengths, trimming patterns (``#`` ``%``), replacement, slices, case changes, and
``${PIPESTATUS[…]}``, the one array this shell has."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tree_sitter import Node

from . import patterns, regexes
from .errors import FatalShellError, ShellError
from .syntax import text
from .words import Piece

if TYPE_CHECKING:
    from .expansion import Expander


class ParameterExpansion:
    """``${…}`` for one expander, whose words, values and arithmetic it uses."""

    def __init__(self, words: Expander) -> None:
        self.words = words

    def expand(self, node: Node, quoted: bool) -> list[Piece]:
        children = [c for c in node.children if c.type not in ("${", "}")]
        length = bool(children) and children[0].type == "#" and len(children) > 1
        if length:
            children = children[1:]
        if not children:
            raise ShellError(f"{text(node)}: bad substitution")
        name_node = children[0]
        if name_node.type == "subscript":
            return self._pipestatus(name_node, node, quoted, length=length, more=children[1:])
        name = text(name_node)
        if name in ("@", "*") and len(children) == 1 and not length:
            return self.words.all_positional(name, quoted)
        value = self.words.value(name)
        if length:
            return [Piece(str(len(value or "")), quoted=quoted, split=not quoted)]
        if len(children) == 1:
            if value is None and self.words.state.nounset:
                raise FatalShellError(f"{name}: unbound variable", 127)
            return [Piece(value or "", quoted=quoted, split=not quoted)]
        operator = children[1].type
        operands = children[2:]
        return self._operate(name, value, operator, operands, quoted, node)

    def _pipestatus(
        self, subscript: Node, node: Node, quoted: bool, *, length: bool, more: list[Node]
    ) -> list[Piece]:
        """``${PIPESTATUS[@]}``, ``${PIPESTATUS[N]}``, ``${#PIPESTATUS[@]}``: the one
        array this shell has (bash's statuses of the last pipeline's stages)."""
        name_node = subscript.child_by_field_name("name")
        index_node = subscript.child_by_field_name("index")
        if name_node is None or text(name_node) != "PIPESTATUS" or index_node is None or more:
            raise ShellError(f"{text(node)}: arrays are not supported by this shell")
        values = [str(status) for status in self.words.state.pipestatus]
        index = text(index_node)
        if index in ("@", "*"):
            if length:
                return [Piece(str(len(values)), quoted=quoted, split=not quoted)]
            return self.words.all_of(values, index, quoted, "PIPESTATUS")
        position = self.words.evaluate_text(index)
        if position < 0:
            position += len(values)
        value = values[position] if 0 <= position < len(values) else ""
        if length:
            value = str(len(value))
        return [Piece(value, quoted=quoted, split=not quoted)]

    def _operand(self, nodes: list[Node], quoted: bool) -> list[Piece]:
        result: list[Piece] = []
        for node in nodes:
            result.extend(self.words.pieces(node, quoted))
        return result

    def _operate(
        self,
        name: str,
        value: str | None,
        operator: str,
        operands: list[Node],
        quoted: bool,
        node: Node,
    ) -> list[Piece]:
        def plain(result: str) -> list[Piece]:
            return [Piece(result, quoted=quoted, split=not quoted)]

        unset_or_empty = not value
        if operator in (":-", "-", ":=", "=", ":+", "+", ":?", "?"):
            missing = unset_or_empty if operator.startswith(":") else value is None
            core = operator.lstrip(":")
            if core == "-":
                return self._operand(operands, quoted) if missing else plain(value or "")
            if core == "+":
                return [] if missing else self._operand(operands, quoted)
            if core == "=":
                if missing:
                    assigned = "".join(p.text for p in self._operand(operands, True))
                    self.words.state.set(name, assigned)
                    return plain(assigned)
                return plain(value or "")
            if missing:
                message = "".join(p.text for p in self._operand(operands, True))
                raise FatalShellError(f"{name}: {message or 'parameter null or not set'}")
            return plain(value or "")
        current = value or ""
        if operator in ("%", "%%", "#", "##"):
            chunks = [(p.text, p.quoted) for p in self._operand(operands, False)]
            return plain(
                patterns.strip_affix(
                    current,
                    chunks,
                    suffix=operator[0] == "%",
                    longest=len(operator) == 2,
                    tick=self.words.session.budget.tick,
                )
            )
        if operator in ("/", "//"):
            return plain(self._replace(current, operands, every=operator == "//"))
        if operator == ":":
            return plain(self._slice(current, operands))
        if operator in ("^^", ",,", "^", ","):
            upper = operator[0] == "^"
            changed = current.upper() if upper else current.lower()
            if len(operator) == 1:
                changed = changed[:1] + current[1:]
            return plain(changed)
        raise ShellError(f"{text(node)}: bad substitution")

    def _replace(self, value: str, operands: list[Node], *, every: bool) -> str:
        pattern_nodes: list[Node] = []
        replacement_nodes: list[Node] = []
        target = pattern_nodes
        for child in operands:
            if child.type == "/" and target is pattern_nodes:
                target = replacement_nodes
                continue
            target.append(child)
        chunks = [(p.text, p.quoted) for p in self._operand(pattern_nodes, False)]
        replacement = "".join(p.text for p in self._operand(replacement_nodes, True))
        if not chunks:
            return value
        budget = self.words.session.budget
        text = patterns.literal(chunks)
        if text is not None:  # plain text: found in one pass, not a match per place
            if not text:
                return value
            count = value.count(text) if every else int(text in value)
            budget.reserve(len(value) + count * (len(replacement) - len(text)), "a replacement")
            return value.replace(text, replacement, count)
        regex = patterns.compile_pattern(chunks)
        out: list[str] = []
        i, size = 0, 0
        while i < len(value):
            budget.tick()
            found = regexes.search(regex, value, i)  # the first place a match can start
            if found is None:
                break
            start = found.start()
            end = patterns.longest_match(regex, value, start, budget.tick)
            if end is None:
                out.append(value[i : start + 1])
                i = start + 1
                continue
            size += start - i + len(replacement)
            budget.reserve(size + len(value) - end, "a replacement")
            out.append(value[i:start])
            out.append(replacement)
            i = end
            if not every:
                break
        out.append(value[i:])
        return "".join(out)

    def _slice(self, value: str, operands: list[Node]) -> str:
        numbers = [c for c in operands if c.type != ":"]
        offset = self.words.arithmetic(numbers[0]) if numbers else 0
        if offset < 0:
            offset = max(0, len(value) + offset)
        if len(numbers) > 1:
            length = self.words.arithmetic(numbers[1])
            end = offset + length if length >= 0 else len(value) + length
            return value[offset:end]
        return value[offset:]
