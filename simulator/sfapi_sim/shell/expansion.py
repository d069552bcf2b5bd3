"""Word expansion as bash does it, in its order: tilde, parameters, ``$(…)``, ``$((…))``,
then field splitting of unquoted results, then file name expansion, then quote removal.

A word becomes a list of pieces, each remembering whether it was quoted (quoted text is
never split nor globbed) and whether it came from an expansion (only those are split).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node

from ..state.filesystem import home_of
from . import braces, patterns, regexes
from .commands.formatting import ansi_c_escapes
from .errors import FatalShellError, ShellError
from .session import Session
from .state import ShellState
from .syntax import named, pieces_with_gaps, text

#: Runs of the characters of the default IFS (space, tab, newline).
_BLANKS = re.compile("[ \t\n]+")
_DOUBLE_QUOTE_ESCAPABLE = '$`"\\\n'


@dataclass(frozen=True)
class Piece:
    """Text of a word: ``quoted`` text is taken literally; ``split`` text came from an
    unquoted expansion and is split into fields on blanks."""

    text: str
    quoted: bool = False
    split: bool = False


#: Between two fields of ``"$@"``.
BREAK = Piece("", quoted=True, split=True)


class Expander:
    """Expands words for one shell; ``substitute`` runs a ``$(…)`` and ``arithmetic``
    evaluates a ``$((…))`` (both belong to the executor)."""

    def __init__(
        self,
        state: ShellState,
        session: Session,
        substitute: Callable[[Node], str],
        arithmetic: Callable[[Node], int],
        evaluate_text: Callable[[str], int],
    ) -> None:
        self.state = state
        self.session = session
        self.substitute = substitute
        self.arithmetic = arithmetic
        self.evaluate_text = evaluate_text
        #: The word chosen for each brace expression (by start byte) during an expansion.
        self._braces: dict[int, str] = {}

    # Entry points ----------------------------------------------------------------------

    def fields(self, node: Node) -> list[str]:
        """A word as command arguments: brace-expanded, split, globbed, unquoted (zero or
        more fields)."""
        choices = self._brace_choices(node)
        if not choices:
            return self._fields(node)
        result: list[str] = []
        try:
            for choice in braces.combinations(choices, self.session.budget):
                self._braces = choice
                result.extend(self._fields(node))
        finally:
            self._braces = {}
        return result

    def _brace_choices(self, node: Node) -> list[tuple[Node, list[str]]]:
        """The sequences of a word (itself, or parts of a concatenation) and their words."""
        parts = [node] if node.type == "brace_expression" else []
        if node.type == "concatenation":
            parts = [c for c in node.children if c.type == "brace_expression"]
        choices: list[tuple[Node, list[str]]] = []
        for part in parts:
            words = braces.sequence(part, self.session.budget)
            if words is not None:
                choices.append((part, words))
        return choices

    def _fields(self, node: Node) -> list[str]:
        result: list[str] = []
        pieces = self.pieces(node, quoted=False)
        self._reserve(pieces)
        for field in _split(pieces):
            self.session.budget.tick()
            chunks = [(p.text, p.quoted) for p in field]
            if patterns.has_magic(chunks):
                found = patterns.glob(
                    self.session.filesystem, self.session.user, self.state.cwd, chunks
                )
                if found:
                    result.extend(found)
                    continue
            result.append("".join(_literal(p) for p in field))
        return result

    def all_fields(self, nodes: list[Node]) -> list[str]:
        return [field for node in nodes for field in self.fields(node)]

    def string(self, node: Node) -> str:
        """A word as one string, without splitting or globbing (assignments, redirections)."""
        pieces = self.pieces(node, False)
        self._reserve(pieces)
        return "".join(_literal(p) if p is not BREAK else " " for p in pieces)

    def _reserve(self, pieces: list[Piece]) -> None:
        """Check the memory budget before pieces are joined into one value."""
        self.session.budget.reserve(sum(len(p.text) + 1 for p in pieces), "a word")

    def pattern(self, node: Node) -> list[tuple[str, bool]]:
        """A word as a pattern (``case``, ``[[ == ]]``, ``${v%pat}``)."""
        return [(p.text, p.quoted) for p in self.pieces(node, quoted=False) if p is not BREAK]

    def heredoc(self, body: Node, expand: bool) -> str:
        if not expand:
            return text(body)
        out: list[str] = []
        budget = self.session.budget
        size = 0
        for part in pieces_with_gaps(body):
            if isinstance(part, str):
                added = [_unescape_heredoc(part)]
            elif part.type == "heredoc_content":
                added = [_unescape_heredoc(text(part))]
            elif part.type == "heredoc_end":
                continue
            else:
                added = [p.text for p in self.pieces(part, quoted=True)]
            size += sum(len(a) for a in added)
            budget.reserve(size, "a here-document")
            out.extend(added)
        return "".join(out)

    # Pieces ----------------------------------------------------------------------------

    def pieces(self, node: Node, quoted: bool) -> list[Piece]:
        kind = node.type
        if kind in ("word", "extglob_pattern", "regex", "test_operator"):
            return self._tilde(_word_pieces(text(node)))
        if kind in ("number", "variable_name", "special_variable_name", "file_descriptor"):
            return [Piece(text(node), quoted=quoted)]
        if kind == "raw_string":
            return [Piece(text(node)[1:-1], quoted=True)]
        if kind == "ansi_c_string":
            return [Piece(ansi_c_escapes(text(node)[2:-1]), quoted=True)]
        if kind in ("string", "translated_string"):
            return self._string(node)
        if kind == "concatenation":
            result: list[Piece] = []
            for index, part in enumerate(pieces_with_gaps(node)):
                if isinstance(part, str):
                    result.extend(_word_pieces(part))
                elif part.type == "word" and index > 0:
                    result.extend(_word_pieces(text(part)))
                else:
                    result.extend(self.pieces(part, quoted))
            return result
        if kind == "simple_expansion":
            # tree-sitter-bash lets a ``$`` token start with the blanks before it ("$a $b").
            raw = text(node)
            lead = raw[: len(raw) - len(raw.lstrip())]
            pieces = self._parameter(named(node)[0], quoted)
            return [Piece(lead, quoted=True), *pieces] if lead else pieces
        if kind == "expansion":
            return self._expansion(node, quoted)
        if (
            kind == "command_substitution"
            and text(node).startswith("$((")
            and text(node).endswith("))")
        ):
            # Inside a here-document the grammar reads ``$((1+1))`` as ``$( (1+1) )``.
            value = self._arithmetic_text(text(node)[3:-2])
            return [Piece(str(value), quoted=quoted, split=not quoted)]
        if kind == "command_substitution":
            return [Piece(self.substitute(node).rstrip("\n"), quoted=quoted, split=not quoted)]
        if kind == "arithmetic_expansion":
            inner = named(node)
            try:
                value = self.arithmetic(inner[0]) if inner else 0
            except ShellError as exc:
                # An expansion error ends a non-interactive shell, as in bash.
                raise FatalShellError(f"{text(node)[3:-2].strip()}: {exc.message}") from None
            return [Piece(str(value), quoted=quoted, split=not quoted)]
        if kind == "brace_expression":
            # The word chosen for it in a brace expansion; elsewhere (assignments,
            # quoted contexts) bash leaves it as written.
            return [Piece(self._braces.get(node.start_byte, text(node)), quoted=quoted)]
        if kind in ("process_substitution", "array"):
            raise ShellError(f"{text(node)}: not supported by this shell")
        return [Piece(text(node), quoted=quoted)]

    def _arithmetic_text(self, expression: str) -> int:
        try:
            return self.evaluate_text(expression)
        except ShellError as exc:
            raise FatalShellError(f"{expression.strip()}: {exc.message}") from None

    def _string(self, node: Node) -> list[Piece]:
        result: list[Piece] = []
        parts = pieces_with_gaps(node)
        positional = False  # "$@" with no arguments makes no field at all
        for part in parts[1:-1] if len(parts) >= 2 else parts:
            if isinstance(part, str):
                result.append(Piece(_unescape_double(part), quoted=True))
            elif part.type == "string_content":
                result.append(Piece(_unescape_double(text(part)), quoted=True))
            elif part.type == '"':
                continue
            else:
                positional = positional or text(part).strip() in ("$@", "${@}")
                result.extend(self.pieces(part, quoted=True))
        if result or positional:
            return result
        return [Piece("", quoted=True)]

    def _parameter(self, name_node: Node, quoted: bool) -> list[Piece]:
        name = text(name_node)
        if name in ("@", "*"):
            return self._all_positional(name, quoted)
        value = self.lookup(name)
        return [Piece(value, quoted=quoted, split=not quoted)]

    def _all_positional(self, name: str, quoted: bool) -> list[Piece]:
        args = self.state.positional
        self.session.budget.reserve(sum(len(a) + 1 for a in args), "the positional parameters")
        if quoted and name == "*":
            return [Piece(" ".join(args), quoted=True)]
        if not quoted:
            return [Piece(" ".join(args), split=True)]
        result: list[Piece] = []
        for index, arg in enumerate(args):
            if index:
                result.append(BREAK)
            result.append(Piece(arg, quoted=True))
        return result

    def lookup(self, name: str, *, strict: bool = True) -> str:
        """A parameter's value (``$?``, ``$1``, ``$HOME``); ``set -u`` makes unset fatal."""
        value = self.value(name)
        if value is None:
            if strict and self.state.nounset:
                raise FatalShellError(f"{name}: unbound variable", 127)
            return ""
        return value

    def value(self, name: str) -> str | None:
        state = self.state
        if name == "?":
            return str(state.status)
        if name == "#":
            return str(len(state.positional))
        if name == "$":
            return "4242"
        if name == "!":
            return ""
        if name == "-":
            return "hB"
        if name == "0":
            return state.script_name
        if name.isdigit():
            index = int(name)
            return state.positional[index - 1] if index <= len(state.positional) else None
        if name in ("@", "*"):
            return " ".join(state.positional)
        if name == "PWD":
            return state.cwd
        if name == "RANDOM":
            return str(self.session.steps * 7919 % 32768)
        if name == "SECONDS":
            return str(int(self.session.now() - self.session.started_at))
        return state.get(name)

    def _expansion(self, node: Node, quoted: bool) -> list[Piece]:
        children = [c for c in node.children if c.type not in ("${", "}")]
        length = bool(children) and children[0].type == "#" and len(children) > 1
        if length:
            children = children[1:]
        if not children:
            raise ShellError(f"{text(node)}: bad substitution")
        name_node = children[0]
        if name_node.type == "subscript":
            raise ShellError(f"{text(node)}: arrays are not supported by this shell")
        name = text(name_node)
        if name in ("@", "*") and len(children) == 1 and not length:
            return self._all_positional(name, quoted)
        value = self.value(name)
        if length:
            return [Piece(str(len(value or "")), quoted=quoted, split=not quoted)]
        if len(children) == 1:
            if value is None and self.state.nounset:
                raise FatalShellError(f"{name}: unbound variable", 127)
            return [Piece(value or "", quoted=quoted, split=not quoted)]
        operator = children[1].type
        operands = children[2:]
        return self._operate(name, value, operator, operands, quoted, node)

    def _operand(self, nodes: list[Node], quoted: bool) -> list[Piece]:
        result: list[Piece] = []
        for node in nodes:
            result.extend(self.pieces(node, quoted))
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
                    self.state.set(name, assigned)
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
                    tick=self.session.budget.tick,
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
        budget = self.session.budget
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
        offset = self.arithmetic(numbers[0]) if numbers else 0
        if offset < 0:
            offset = max(0, len(value) + offset)
        if len(numbers) > 1:
            length = self.arithmetic(numbers[1])
            end = offset + length if length >= 0 else len(value) + length
            return value[offset:end]
        return value[offset:]

    def _tilde(self, pieces: list[Piece]) -> list[Piece]:
        """``~`` and ``~user`` at the start of a word become the home folder."""
        if not pieces or pieces[0].quoted or not pieces[0].text.startswith("~"):
            return pieces
        head, sep, rest = pieces[0].text[1:].partition("/")
        if sep == "" and len(pieces) > 1:
            return pieces  # ``~user\…``: not a plain user name
        if not head:
            home = self.state.get("HOME") or home_of(self.session.user)
        elif head in self.session.filesystem.accounts:
            home = home_of(head)
        else:
            return pieces
        return [Piece(home, quoted=True), Piece(sep + rest), *pieces[1:]]


def _split(pieces: list[Piece]) -> list[list[Piece]]:
    """Field splitting: unquoted expansion results break on blanks; ``"$@"`` on BREAK."""
    fields: list[list[Piece]] = []
    current: list[Piece] = []
    keep = False

    def close() -> None:
        nonlocal current, keep
        if keep:
            fields.append(current)
        current, keep = [], False

    for piece in pieces:
        if piece is BREAK:
            close()
        elif piece.split and not piece.quoted:
            parts = _split_blanks(piece.text)
            for index, part in enumerate(parts):
                if index:
                    close()
                if part:
                    current.append(Piece(part))
                    keep = True
        else:
            current.append(piece)
            keep = keep or piece.quoted or bool(piece.text)
    close()
    return fields


def _split_blanks(value: str) -> list[str]:
    """``value`` cut at runs of blanks, keeping empty ends (they mark a boundary)."""
    return _BLANKS.split(value)


def _literal(piece: Piece) -> str:
    """Quote removal: an unquoted piece still carries its backslash escapes for globbing."""
    if piece.quoted or "\\" not in piece.text:
        return piece.text
    out, i = [], 0
    while i < len(piece.text):
        if piece.text[i] == "\\" and i + 1 < len(piece.text):
            out.append(piece.text[i + 1])
            i += 2
        else:
            out.append(piece.text[i])
            i += 1
    return "".join(out)


def _word_pieces(raw: str) -> list[Piece]:
    """An unquoted literal: backslash-newline vanishes, ``\\x`` becomes a quoted x."""
    pieces: list[Piece] = []
    run: list[str] = []
    i = 0
    while i < len(raw):
        char = raw[i]
        if char == "\\" and i + 1 < len(raw):
            if run:
                pieces.append(Piece("".join(run)))
                run = []
            if raw[i + 1] != "\n":
                pieces.append(Piece(raw[i + 1], quoted=True))
            i += 2
            continue
        run.append(char)
        i += 1
    if run:
        pieces.append(Piece("".join(run)))
    return pieces


def _unescape_double(raw: str) -> str:
    """Backslashes inside double quotes: only before ``$ ` " \\`` and a newline."""
    return _unescape(raw, _DOUBLE_QUOTE_ESCAPABLE)


def _unescape_heredoc(raw: str) -> str:
    """Backslashes in an expanded here-document: only before ``$ ` \\`` and a newline."""
    return _unescape(raw, "$`\\\n")


def _unescape(raw: str, escapable: str) -> str:
    out, i = [], 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw) and raw[i + 1] in escapable:
            if raw[i + 1] != "\n":
                out.append(raw[i + 1])
            i += 2
            continue
        out.append(raw[i])
        i += 1
    return "".join(out)
