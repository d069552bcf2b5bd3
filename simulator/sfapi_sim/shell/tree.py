"""The interpreter's own tree for simple commands and redirections, made from the
parser's nodes in one place, so that the grammar's quirks are handled here and nowhere
else:

- tree-sitter-bash reads ``A=1 B=2⏎cmd`` as one command; bash runs the assignments as a
  statement of their own first (:attr:`SimpleCommand.before`).
- it hangs the words after a redirection's target on the redirection (``echo > f a b``);
  in bash they are arguments of the command (:attr:`SimpleCommand.words`, or the
  ``words`` :func:`redirects` returns for a compound statement).
- it puts the redirections of ``cmd > f`` on a statement around the command; they are
  the command's (:func:`simple_command` takes them).
- it puts the redirections of ``a && b > f`` and ``a | b > f`` on the whole list or
  pipeline; they are the last command's (:attr:`AndOr.around`, :attr:`Pipeline.around`).
- it puts what follows a here-document's ``<<EOF`` on its line (``| tr a-z A-Z``,
  ``&& echo done``) inside the here-document's redirection; in bash the statement
  goes on there (:func:`heredoc_rest`).
- it writes a here-document's delimiter quoted or not, with ``<<-`` or ``<<``, and
  hangs the redirections written after ``<<EOF`` on the same line inside it
  (:class:`HereDocument`).

The executor, ``control`` and the redirections read only these classes for simple
commands, ``&&``/``||`` lists, pipelines and redirections. Words stay the parser's nodes
(:class:`Word`), which the expander reads, and so do the statements inside a list or a
pipeline, which the executor dispatches.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from .errors import ShellError
from .syntax import line_of, named, operator_of, text

#: The parser's redirection nodes.
REDIRECTS = ("file_redirect", "heredoc_redirect", "herestring_redirect")


@dataclass(frozen=True)
class Word:
    """One word of the script, as the expander reads it."""

    node: Node

    @property
    def text(self) -> str:
        return text(self.node)


@dataclass(frozen=True)
class Assignment:
    """``NAME=value`` or ``NAME+=value`` (``node``: the statement, for ``declarations``)."""

    name: str
    value: Word | None
    append: bool
    node: Node


@dataclass(frozen=True)
class FileRedirect:
    """``[N]OP target``: ``>``, ``>>``, ``<``, ``&>``, ``&>>``, ``>&``, ``<&``."""

    descriptor: int | None
    operator: str
    target: Word


@dataclass(frozen=True)
class HereDocument:
    """``<<EOF`` or ``<<-EOF``: its body (expanded unless the delimiter was quoted), and
    the redirections written after it on its line."""

    body: Node | None
    expand: bool
    strip_tabs: bool
    then: tuple[Redirect, ...]


@dataclass(frozen=True)
class HereString:
    """``<<< word``."""

    word: Word


Redirect = FileRedirect | HereDocument | HereString


@dataclass(frozen=True)
class SimpleCommand:
    """A command: its own assignments (``X=1 cmd``), its words (name and arguments, none
    for a bare assignment), its redirections, and its line (for messages)."""

    before: tuple[Assignment, ...]
    assignments: tuple[Assignment, ...]
    words: tuple[Word, ...]
    redirects: tuple[Redirect, ...]
    line: int


@dataclass(frozen=True)
class AndOr:
    """``left && right`` or ``left || right``; ``around``: redirections of ``right``."""

    left: Node
    operator: str
    right: Node
    around: tuple[Node, ...]


@dataclass(frozen=True)
class Pipeline:
    """``a | b |& c``: its stages, whether each passes its stderr on too (``|&``), and
    the redirections of its last stage the grammar put around the whole."""

    stages: tuple[Node, ...]
    stderr_too: tuple[bool, ...]
    around: tuple[Node, ...]


@dataclass(frozen=True)
class HereDocumentRest:
    """What follows ``cmd <<EOF`` on its line: ``|``-joined stages (``stderr_too``:
    whether each pipe is ``|&``) or, after ``&&``/``||``, one statement."""

    operator: str
    statements: tuple[Node, ...]
    stderr_too: tuple[bool, ...]


def heredoc_rest(nodes: list[Node]) -> HereDocumentRest | None:
    """The rest of the statement the grammar hid in a here-document among ``nodes``."""
    for node in nodes:
        if node.type != "heredoc_redirect":
            continue
        for child in node.children:
            if child.type == "pipeline":
                first = [c.type for c in child.children if not c.is_named][:1]
                inner = named(child)
                more: list[str] = []
                if len(inner) == 1 and inner[0].type == "pipeline":
                    more = [c.type for c in inner[0].children if not c.is_named]
                    inner = named(inner[0])
                both = tuple(operator == "|&" for operator in first + more)
                return HereDocumentRest("|", tuple(inner), both)
            if child.type in ("&&", "||"):
                right = node.child_by_field_name("right")
                if right is not None:
                    return HereDocumentRest(child.type, (right,), ())
    return None


def and_or(node: Node, around: list[Node] | None = None) -> AndOr:
    """A ``list`` node (``around``: redirections the grammar put on it)."""
    parts = named(node)
    return AndOr(parts[0], operator_of(node), parts[-1], tuple(around or ()))


def pipeline(node: Node, around: list[Node] | None = None) -> Pipeline:
    """A ``pipeline`` node (``around``: redirections the grammar put on it)."""
    operators = [c.type for c in node.children if not c.is_named]
    return Pipeline(
        stages=tuple(named(node)),
        stderr_too=tuple(operator == "|&" for operator in operators),
        around=tuple(around or ()),
    )


def simple_command(node: Node, around: list[Node] | None = None) -> SimpleCommand:
    """The ``command`` node as the interpreter's command; ``around``: the redirection
    nodes the grammar put on the statement around it (``redirected_statement``, or a
    list or pipeline whose last command it is), which are the command's in bash."""
    assignments = tuple(assignment(c) for c in node.children if c.type == "variable_assignment")
    name_node = node.child_by_field_name("name")
    before: tuple[Assignment, ...] = ()
    line = line_of(node)
    if assignments and name_node is not None:
        between = (node.text or b"")[
            assignments[-1].node.end_byte - node.start_byte : name_node.start_byte - node.start_byte
        ]
        if b"\n" in between:
            before, assignments = assignments, ()
            line = line_of(name_node)
    words: list[Word] = []
    if name_node is not None:
        inner = named(name_node)
        words.append(Word(inner[0] if inner else name_node))
    words.extend(Word(c) for c in node.children_by_field_name("argument"))
    own = [c for c in node.children if c.type in REDIRECTS]
    found, hung = redirects(own + list(around or []))
    return SimpleCommand(
        before=before,
        assignments=assignments,
        words=(*words, *hung),
        redirects=found,
        line=line,
    )


def assignment(node: Node) -> Assignment:
    """A ``variable_assignment`` node."""
    name_node = node.child_by_field_name("name") or named(node)[0]
    value = node.child_by_field_name("value")
    return Assignment(
        name=text(name_node),
        value=Word(value) if value is not None else None,
        append=operator_of(node) == "+=",
        node=node,
    )


def redirects(nodes: list[Node]) -> tuple[tuple[Redirect, ...], tuple[Word, ...]]:
    """Redirection nodes as redirections, and the words the grammar hung on them."""
    found: list[Redirect] = []
    hung: list[Word] = []
    for node in nodes:
        if node.type == "file_redirect":
            found.append(_file_redirect(node, hung))
        elif node.type == "heredoc_redirect":
            found.append(_here_document(node, hung))
        elif node.type == "herestring_redirect":
            found.append(HereString(Word(named(node)[-1])))
    return tuple(found), tuple(hung)


def _file_redirect(node: Node, hung: list[Word]) -> FileRedirect:
    descriptor: int | None = None
    operator = ""
    targets: list[Node] = []
    for child in node.children:
        if child.type == "file_descriptor":
            descriptor = int(text(child))
        elif not child.is_named:
            operator = operator or child.type
        else:
            targets.append(child)
    if not targets:
        raise ShellError("syntax error: redirection without a target", 2)
    hung.extend(Word(more) for more in targets[1:])
    return FileRedirect(descriptor, operator, Word(targets[0]))


def _here_document(node: Node, hung: list[Word]) -> HereDocument:
    start = next((c for c in node.children if c.type == "heredoc_start"), None)
    body = next((c for c in node.children if c.type == "heredoc_body"), None)
    quoted = start is not None and any(q in text(start) for q in "'\"\\")
    nested = [c for c in node.children if c.type in ("file_redirect", "herestring_redirect")]
    then, more = redirects(nested)
    hung.extend(more)
    return HereDocument(
        body=body,
        expand=not quoted,
        strip_tabs=any(c.type == "<<-" for c in node.children),
        then=then,
    )
