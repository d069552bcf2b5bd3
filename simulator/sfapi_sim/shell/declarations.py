"""Statements that set the shell's variables or test conditions: assignments,
``declare``/``local``/``export``, ``unset``, and ``[ … ]``/``[[ … ]]``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tree_sitter import Node

from .errors import ShellError
from .streams import IO
from .syntax import line_of, named, operator_of, text

if TYPE_CHECKING:
    from .executor import Shell


def do_variable_assignment(shell: Shell, node: Node, io: IO) -> int:
    shell.substitution_status = None
    assign(shell, node)
    return shell.substitution_status or 0


def do_variable_assignments(shell: Shell, node: Node, io: IO) -> int:
    shell.substitution_status = None
    for child in named(node):
        assign(shell, child)
    return shell.substitution_status or 0


def assign(shell: Shell, node: Node, *, export: bool = False) -> tuple[str, str]:
    name_node = node.child_by_field_name("name") or named(node)[0]
    name = text(name_node)
    if name_node.type == "subscript":
        raise ShellError(f"{name}: arrays are not supported by this shell")
    value_node = node.child_by_field_name("value")
    value = shell.expander.string(value_node) if value_node is not None else ""
    if operator_of(node) == "+=":
        value = (shell.state.get(name) or "") + value
    shell.state.set(name, value, export=export)
    return name, value


def do_declaration_command(shell: Shell, node: Node, io: IO) -> int:
    keyword = node.children[0].type
    for child in named(node):
        if child.type == "variable_assignment":
            name = text(child.child_by_field_name("name") or named(child)[0])
            if keyword == "local":
                make_local(shell, name)
            assign(shell, child, export=keyword == "export")
        elif child.type == "variable_name":
            name = text(child)
            if keyword == "local":
                make_local(shell, name)
                shell.state.unset(name)
            elif keyword == "export":
                shell.state.exported.add(name)
        else:
            for word in shell.expander.fields(child):
                if word.startswith("-"):
                    continue
                name, sep, value = word.partition("=")
                if keyword == "local":
                    make_local(shell, name)
                if sep:
                    shell.state.set(name, value, export=keyword == "export")
                elif keyword == "export":
                    shell.state.exported.add(name)
    return 0


def make_local(shell: Shell, name: str) -> None:
    if not shell.state.locals_stack:
        raise ShellError("local: can only be used in a function")
    hidden = shell.state.make_local(name)
    if hidden:
        # The hidden value lives on beside the local one until the function returns.
        shell.session.budget.hold(len(hidden), f"the value {name} hides")


def do_unset_command(shell: Shell, node: Node, io: IO) -> int:
    for child in named(node):
        for word in shell.expander.fields(child):
            if word in ("-v", "-f"):
                continue
            shell.state.unset(word)
            shell.state.functions.pop(word, None)
    return 0


def do_test_command(shell: Shell, node: Node, io: IO) -> int:
    from .commands import program_context
    from .commands.testing import evaluate_test

    shell.session.step()
    double = node.children[0].type == "[["
    words = test_words(shell, node, double)
    name = "[[" if double else "["
    return evaluate_test(
        words,
        name=name,
        ctx=program_context(shell, name, [], io, {}, line_of(node)),
        io=io,
        arithmetic=shell.arithmetic.evaluate_text if double else None,
    )


def test_words(shell: Shell, node: Node, double: bool) -> list[tuple[str, list[tuple[str, bool]]]]:
    """The words of ``[ … ]``/``[[ … ]]`` in order, each with its pattern form."""
    words: list[tuple[str, list[tuple[str, bool]]]] = []
    for child in node.children:
        if child.type in ("[", "]", "[[", "]]"):
            continue
        if (
            child.type in ("binary_expression", "unary_expression", "parenthesized_expression")
            or child.type == "negated_expression"
        ):
            words.extend(test_words(shell, child, double))
        elif not child.is_named or child.type == "test_operator":
            words.append((text(child), [(text(child), True)]))
        elif double:
            words.append((shell.expander.string(child), shell.expander.pattern(child)))
        else:
            for field in shell.expander.fields(child):
                words.append((field, [(field, True)]))
    return words
