"""Compound statements: lists, pipelines, subshells, blocks, ``if``, loops, ``case`` and
function definitions. Each takes the shell it runs in; the executor dispatches to them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tree_sitter import Node

from . import patterns, tree
from .errors import ExitRequest, LoopControl, ReturnRequest, ShellError
from .pipes import SIGPIPE_STATUS, Baton, Pipe, PipeClosed, PipeInput, PipeSink, run_stages
from .streams import IO, Input, Sink
from .syntax import named, text

if TYPE_CHECKING:
    from .executor import Shell


def do_program(shell: Shell, node: Node, io: IO) -> int:
    return shell.sequence(node.children, io)


def do_do_group(shell: Shell, node: Node, io: IO) -> int:
    return shell.sequence(node.children, io)


def do_else_clause(shell: Shell, node: Node, io: IO) -> int:
    return shell.sequence(node.children, io)


def do_compound_statement(shell: Shell, node: Node, io: IO) -> int:
    if node.children and node.children[0].type == "((":
        shell.session.step()
        inner = named(node)
        return 0 if inner and shell.arithmetic.evaluate(inner[-1]) else 1
    return shell.sequence(node.children, io)


def do_subshell(shell: Shell, node: Node, io: IO) -> int:
    shell = shell.child()
    try:
        return shell.sequence(node.children, io)
    except ExitRequest as request:
        return request.status


def do_list(shell: Shell, node: Node, io: IO, tail: list[Node] | None = None) -> int:
    """``a && b``, ``a || b``; ``tail``: redirections the grammar put on the list."""
    listed = tree.and_or(node, tail)
    shell.conditions += 1
    try:
        status = shell.execute(listed.left, io)
    finally:
        shell.conditions -= 1
    if (listed.operator == "&&" and status == 0) or (listed.operator == "||" and status != 0):
        return shell.tail(listed.right, io, list(listed.around))
    return status


def do_negated_command(shell: Shell, node: Node, io: IO) -> int:
    shell.conditions += 1
    try:
        return 0 if shell.execute(named(node)[0], io) else 1
    finally:
        shell.conditions -= 1


def do_pipeline(shell: Shell, node: Node, io: IO, tail: list[Node] | None = None) -> int:
    """A pipeline; ``tail``: redirections the grammar put on it (its last stage's)."""
    piped = tree.pipeline(node, tail)
    stages: list[tuple[Node, list[Node] | None]] = [(stage, None) for stage in piped.stages]
    stages[-1] = (piped.stages[-1], list(piped.around))
    return run_pipeline(shell, stages, piped.stderr_too, io)


def run_pipeline(
    shell: Shell,
    stages: list[tuple[Node, list[Node] | None]],
    stderr_too: tuple[bool, ...],
    io: IO,
) -> int:
    """Every stage at once in a subshell, joined by bounded pipes (see ``pipes``).

    Each stage is a statement and the redirections to apply around it; ``stderr_too``
    says which pipes also carry the stage's errors (``|&``).
    """
    budget = shell.session.budget
    baton = Baton(len(stages))
    links = [Pipe(baton, index, budget) for index in range(len(stages) - 1)]
    statuses = [0] * len(stages)
    last = len(stages) - 1

    def stage(index: int) -> Callable[[], None]:
        def run() -> None:
            reader = None
            if index:
                reader = PipeInput(links[index - 1], shell.session.limits.max_output)
            stdin: Input = reader or io.stdin
            out: Sink = io.stdout if index == last else PipeSink(links[index])
            both = index < last and index < len(stderr_too) and stderr_too[index]
            err = out if both else io.stderr
            child = shell.child()
            statement, around = stages[index]
            try:
                statuses[index] = child.tail(statement, IO(stdin, out, err), around)
            except ExitRequest as request:
                statuses[index] = request.status
            except PipeClosed:
                statuses[index] = SIGPIPE_STATUS
            except (LoopControl, ReturnRequest):
                statuses[index] = child.state.status
            finally:
                if index < last:
                    links[index].close_writer()
                if reader is not None:
                    reader.close()

        return run

    run_stages([stage(index) for index in range(len(stages))], baton)
    shell.state.pipestatus = list(statuses)
    if shell.state.pipefail:
        return next((s for s in reversed(statuses) if s), 0)
    return statuses[-1]


def do_if_statement(shell: Shell, node: Node, io: IO) -> int:
    conditions: list[Node] = []
    body: list[Node] = []
    clauses: list[Node] = []
    target = conditions
    for child in node.children:
        if child.type in ("if", "fi"):
            continue
        if child.type == "then":
            target = body
        elif child.type in ("elif_clause", "else_clause"):
            clauses.append(child)
        else:
            target.append(child)
    if condition(shell, conditions, io) == 0:
        return shell.sequence(body, io)
    for clause in clauses:
        if clause.type == "else_clause":
            return shell.sequence(clause.children, io)
        status = elif_clause(shell, clause, io)
        if status is not None:
            return status
    return 0


def elif_clause(shell: Shell, node: Node, io: IO) -> int | None:
    """Run an ``elif`` clause; its body's status when its condition held, else None."""
    conditions: list[Node] = []
    body: list[Node] = []
    target = conditions
    for child in node.children:
        if child.type == "elif":
            continue
        if child.type == "then":
            target = body
            continue
        target.append(child)
    if condition(shell, conditions, io) == 0:
        return shell.sequence(body, io)
    return None


def condition(shell: Shell, nodes: list[Node], io: IO) -> int:
    shell.conditions += 1
    try:
        return shell.sequence(nodes, io)
    finally:
        shell.conditions -= 1


def loop_round(shell: Shell, body: Node | None, io: IO) -> tuple[int, bool]:
    """One round of a loop's body: (status, whether ``break`` ended the loop)."""
    shell.session.step()
    if body is None:
        return shell.state.status, False
    try:
        return shell.execute(body, io), False
    except LoopControl as control:
        if control.levels > 1:
            raise LoopControl(control.kind, control.levels - 1) from None
        return shell.state.status, control.kind == "break"


def do_while_statement(shell: Shell, node: Node, io: IO) -> int:
    until = node.children[0].type == "until"
    conditions = node.children_by_field_name("condition")
    body = node.child_by_field_name("body")
    status = 0
    while (condition(shell, conditions, io) == 0) != until:
        status, stop = loop_round(shell, body, io)
        if stop:
            break
    return status


def do_for_statement(shell: Shell, node: Node, io: IO) -> int:
    variable = node.child_by_field_name("variable")
    values = node.children_by_field_name("value")
    body = node.child_by_field_name("body")
    if variable is None:
        raise ShellError("for: bad loop")
    has_in = any(c.type == "in" for c in node.children)
    items = shell.expander.all_fields(values) if has_in else list(shell.state.positional)
    status = 0
    for item in items:
        shell.state.set(text(variable), item)
        status, stop = loop_round(shell, body, io)
        if stop:
            break
    return status


def do_c_style_for_statement(shell: Shell, node: Node, io: IO) -> int:
    sections: list[list[Node]] = [[]]
    inside = False
    for child in node.children:
        if child.type == "((":
            inside = True
        elif child.type == "))":
            inside = False
        elif inside and child.type in (";", "\n"):
            sections.append([])
        elif inside and child.is_named:
            sections[-1].append(child)
    start, check, update = ([*sections, [], []])[:3]
    body = node.child_by_field_name("body")
    for expression in start:
        shell.arithmetic.evaluate(expression)
    status = 0
    while not check or all(shell.arithmetic.evaluate(e) for e in check):
        status, stop = loop_round(shell, body, io)
        if stop:
            break
        for expression in update:
            shell.arithmetic.evaluate(expression)
    return status


def do_case_statement(shell: Shell, node: Node, io: IO) -> int:
    subject_node = node.child_by_field_name("value")
    subject = shell.expander.string(subject_node) if subject_node is not None else ""
    items = [c for c in node.children if c.type == "case_item"]
    falling = False
    status = 0
    for item in items:
        patterns_ = item.children_by_field_name("value")
        if not falling and not any(
            patterns.matches(shell.expander.pattern(p), subject) for p in patterns_
        ):
            continue
        body: list[Node] = []
        after_paren = False
        for child in item.children:
            if child.type == ")":
                after_paren = True
            elif after_paren and child.is_named:
                body.append(child)
        status = shell.sequence(body, io)
        termination = item.child_by_field_name("termination") or item.child_by_field_name(
            "fallthrough"
        )
        ending = termination.type if termination is not None else ";;"
        if ending == ";&":
            falling = True
            continue
        if ending == ";;&":
            falling = False
            continue
        return status
    return status


def do_function_definition(shell: Shell, node: Node, io: IO) -> int:
    name = node.child_by_field_name("name")
    body = node.child_by_field_name("body")
    if name is None or body is None:
        raise ShellError("bad function definition")
    shell.state.functions[text(name)] = body
    return 0
