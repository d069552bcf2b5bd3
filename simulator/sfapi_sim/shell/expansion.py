"""Word expansion as bash does it, in its order: braces (``braces``), tilde, parameters
(``parameters``), ``$(…)``, ``$((…))``, then field splitting of unquoted results, then
file name expansion, then quote removal (``words``).

A word becomes a list of pieces, each remembering whether it was quoted (quoted text is
never split nor globbed) and whether it came from an expansion (only those are split).
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from ..state.filesystem import home_of
from . import braces, patterns
from .commands.formatting import ansi_c_escapes
from .errors import FatalShellError, ShellError
from .parameters import ParameterExpansion
from .session import Session
from .state import ShellState
from .syntax import named, pieces_with_gaps, text, word_node
from .words import (
    BREAK,
    Piece,
    literal,
    split_fields,
    unescape_double,
    unescape_heredoc,
    word_pieces,
)


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
        self.parameters = ParameterExpansion(self)
        #: The word chosen for each brace expression (by start byte) during an expansion.
        self._braces: dict[int, str] = {}

    # Entry points ----------------------------------------------------------------------

    def fields(self, node: Node) -> list[str]:
        """A word as command arguments: brace-expanded, split, globbed, unquoted (zero or
        more fields)."""
        source = text(node)
        if "{" in source:
            expanded = braces.expand(source, self.session.budget)
            if expanded is not None:
                return self._expanded_words(expanded)
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

    def _expanded_words(self, words: list[str]) -> list[str]:
        """Each word a brace expansion made, read as a word and expanded on (split,
        globbed, unquoted); a word the grammar would not read as one word (``#``)
        stays literal text, as bash keeps it, and an empty one is dropped."""
        result: list[str] = []
        for word in words:
            node = word_node(word) if word else None
            if not word:
                continue  # an empty alternative (``{,a}``) is no word, as bash drops it
            if node is None:
                result.append(word)
            else:
                result.extend(self._fields(node))
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
        for field in split_fields(pieces):
            self.session.budget.tick()
            chunks = [(p.text, p.quoted) for p in field]
            if patterns.has_magic(chunks):
                found = patterns.glob(
                    self.session.filesystem, self.session.user, self.state.cwd, chunks
                )
                if found:
                    result.extend(found)
                    continue
            result.append("".join(literal(p) for p in field))
        return result

    def all_fields(self, nodes: list[Node]) -> list[str]:
        return [field for node in nodes for field in self.fields(node)]

    def string(self, node: Node) -> str:
        """A word as one string, without splitting or globbing (assignments, redirections)."""
        pieces = self.pieces(node, False)
        self._reserve(pieces)
        return "".join(literal(p) if p is not BREAK else " " for p in pieces)

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
                added = [unescape_heredoc(part)]
            elif part.type == "heredoc_content":
                added = [unescape_heredoc(text(part))]
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
            return self._tilde(word_pieces(text(node)))
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
                    result.extend(word_pieces(part))
                elif part.type == "word" and index > 0:
                    result.extend(word_pieces(text(part)))
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
            return self.parameters.expand(node, quoted)
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
                result.append(Piece(unescape_double(part), quoted=True))
            elif part.type == "string_content":
                result.append(Piece(unescape_double(text(part)), quoted=True))
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
            return self.all_positional(name, quoted)
        value = self.lookup(name)
        return [Piece(value, quoted=quoted, split=not quoted)]

    def all_positional(self, name: str, quoted: bool) -> list[Piece]:
        return self.all_of(self.state.positional, name, quoted, "the positional parameters")

    def all_of(self, args: list[str], name: str, quoted: bool, what: str) -> list[Piece]:
        """``$@``/``$*`` of ``args``: one word each when quoted with ``@``."""
        self.session.budget.reserve(sum(len(a) + 1 for a in args), what)
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
        if name == "PIPESTATUS":
            return str(state.pipestatus[0])
        if name == "SECONDS":
            return str(int(self.session.now() - self.session.started_at))
        return state.get(name)

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
