"""Runs a parsed script: dispatches each statement to its runner (compound statements in
``control``, assignments and tests in ``declarations``), applies redirections, and runs
simple commands looked up among functions, builtins and the login node's programs, each
handed a context (``commands.Context``) rather than the interpreter. Nothing here starts
a process: every command is Python over the simulated filesystem and scheduler."""

from __future__ import annotations

import logging
import posixpath
import shlex
from collections.abc import Callable
from functools import cache

from tree_sitter import Node

from ..state.filesystem import COMMAND_FOLDERS, FileError
from . import control, declarations, tree
from .arithmetic import Arithmetic
from .budget import FILE_SIZE_STATUS
from .commands import builtin_context, program_context
from .errors import (
    ExitRequest,
    FatalShellError,
    LoopControl,
    ReturnRequest,
    ShellError,
    ShellSyntaxError,
    Stopped,
)
from .expansion import Expander
from .redirections import Redirections
from .session import Session
from .state import ShellState
from .streams import IO, Capture, Discard, Input, Sink
from .syntax import line_of, named, parse, text

logger = logging.getLogger("sfapi_sim")
#: Nodes that end in a status ``set -e`` looks at.
_ERREXIT_NODES = {"command", "pipeline", "subshell", "test_command", "redirected_statement"}
#: Nodes that are a pipeline of one stage for ``PIPESTATUS`` (compound statements are
#: not: it keeps the statuses of the last pipeline inside them).
_ONE_STAGE = {
    "command",
    "subshell",
    "test_command",
    "variable_assignment",
    "variable_assignments",
    "declaration_command",
    "unset_command",
}
_SKIPPED = {"comment", "heredoc_body", "heredoc_end", "heredoc_start"}


def _heredoc_rest(node: Node) -> tree.HereDocumentRest | None:
    """What the grammar hid in a here-document of this statement (see ``tree``)."""
    if node.type != "redirected_statement":
        return None
    return tree.heredoc_rest([c for c in node.children if c.type in tree.REDIRECTS])


def _one_stage(node: Node) -> bool:
    """Whether ``node`` is a pipeline of one command (``((…))`` is one; ``{ …; }`` not)."""
    if node.type == "redirected_statement":
        body = node.child_by_field_name("body")
        return body is not None and _one_stage(body)
    if node.type == "compound_statement":
        return bool(node.children) and node.children[0].type == "(("
    return node.type in _ONE_STAGE


class Shell:
    """One shell (or subshell) over a session."""

    def __init__(self, session: Session, state: ShellState) -> None:
        self.session = session
        self.state = state
        self.expander = Expander(
            state, session, self._substitute, self._arithmetic, self._arithmetic_text
        )
        self.arithmetic = Arithmetic(state, self.expander.string, _parse_expression)
        self.redirections = Redirections(session, self.expander, self.absolute)
        self.conditions = 0
        self.substitution_status: int | None = None
        #: The stderr of the statement running now (command substitutions write there).
        self.stderr: Sink = Discard()

    # Entry points ----------------------------------------------------------------------

    def run_source(self, source: str, io: IO) -> int:
        """Parse and run ``source``; ``exit`` ends it. The exit status."""
        try:
            program = parse(source)
        except ShellSyntaxError as exc:
            io.stderr.write(f"{self.state.script_name}: {exc.message}\n")
            self.state.status = 2
            return 2
        try:
            return self.execute(program, io)
        except ExitRequest as request:
            self.state.status = request.status
            return request.status
        except LoopControl:
            return self.state.status
        except ReturnRequest as request:
            self.state.status = request.status
            return request.status

    def child(self) -> Shell:
        """A subshell: a copy of the state, the same session."""
        return Shell(self.session, self.state.subshell())

    def run_subshell(
        self,
        source: str,
        io: IO,
        *,
        name: str,
        args: list[str],
        options: tuple[str, ...] = (),
        environment: dict[str, str] | None = None,
    ) -> int:
        """``bash -c`` or ``bash script``: a new shell with its own ``$0`` and arguments.

        It sees only exported variables, plus ``environment`` (``X=1 bash -c …``);
        ``options`` are ``set`` options given on the command line (``-e``, ``-o pipefail``).
        """
        from .commands.core import apply_set_options

        # This shell's variables and the new shell's arguments stay in memory while the
        # new shell runs (with a budget of variables of its own): they count against the
        # run's memory budget meanwhile, so nested shells cannot multiply it.
        held = self.state.size + sum(len(a) for a in args)
        self.session.budget.hold(held, "the variables of the calling shell")
        self._enter()
        try:
            shell = self.child()
            shell.state.script_name = name
            shell.state.positional = list(args)
            shell.state.functions = {}
            shell.state.keep_only(shell.state.exported)
            for variable, value in (environment or {}).items():
                shell.state.set(variable, value, export=True)
            apply_set_options(shell.state, list(options))
            return shell.run_source(source, io)
        finally:
            self.session.budget.drop(held)
            self.session.depth -= 1

    def source(self, source: str, io: IO, args: list[str] | None) -> int:
        """``source file``: run in this shell, ``return`` ends it."""
        self._enter()
        saved = self.state.positional
        if args:
            self.state.positional = list(args)
        try:
            program = parse(source)
            return self.execute(program, io)
        except ShellSyntaxError as exc:
            raise ShellError(exc.message, 2) from None
        except ReturnRequest as request:
            return request.status
        finally:
            if args:
                self.state.positional = saved
            self.session.depth -= 1

    def _enter(self) -> None:
        self.session.depth += 1
        if self.session.depth > self.session.limits.max_depth:
            self.session.depth -= 1
            raise Stopped("limit", f"nesting deeper than {self.session.limits.max_depth} levels")

    # Statements -------------------------------------------------------------------------

    def execute(self, node: Node, io: IO) -> int:
        """Run one node; its exit status (also kept in ``$?``)."""
        kind = node.type
        if kind in _SKIPPED:
            return self.state.status
        self.stderr = io.stderr
        handler = _handlers().get(kind)
        if handler is None:
            raise ShellError(f"{text(node).split(chr(10))[0]}: not supported by this shell", 2)
        try:
            status: int = handler(self, node, io)
        except FatalShellError as exc:
            self._report(node, exc.message, io)
            raise ExitRequest(exc.status) from None
        except ShellError as exc:
            self._report(node, exc.message, io)
            status = exc.status
        except Stopped as stop:
            if stop.kind != "disk":
                raise
            # Past the bytes it may write, the writing command fails as under ulimit -f.
            self._report(node, stop.reason, io)
            status = FILE_SIZE_STATUS
        self.state.status = status
        rest = _heredoc_rest(node)
        if _one_stage(node) and rest is None:
            self.state.pipestatus = [status]
        # In ``a <<EOF && b``, ``a`` failing does not end a ``set -e`` script (and ``b``
        # is a statement of its own, checked when it runs).
        listed = rest is not None and rest.operator != "|"
        if (
            status
            and self.state.errexit
            and not self.conditions
            and kind in _ERREXIT_NODES
            and not listed
        ):
            raise ExitRequest(status)
        return status

    def _report(self, node: Node, message: str, io: IO) -> None:
        io.stderr.write(f"{self.state.script_name}: line {line_of(node)}: {message}\n")

    def sequence(self, nodes: list[Node], io: IO) -> int:
        status = 0
        for child in nodes:
            if child.is_named and child.type not in _SKIPPED:
                status = self.execute(child, io)
        return status

    # Redirections ----------------------------------------------------------------------

    def _do_redirected_statement(self, node: Node, io: IO) -> int:
        body = node.child_by_field_name("body")
        redirects = [c for c in node.children if c.type in tree.REDIRECTS]
        rest = tree.heredoc_rest(redirects)
        if rest is None or body is None:
            return self._with_redirects(body, redirects, io)
        # ``cat <<EOF | tr a-z A-Z`` or ``cat <<EOF && echo done``: the grammar hid the
        # rest of the statement inside the here-document.
        if rest.operator == "|":
            stages = [(body, redirects), *((stage, None) for stage in rest.statements)]
            return control.run_pipeline(self, stages, rest.stderr_too, io)
        self.conditions += 1
        try:
            status = self.tail(body, io, redirects)
        finally:
            self.conditions -= 1
        if (rest.operator == "&&") == (status == 0):
            return self.execute(rest.statements[0], io)
        return status

    def _with_redirects(self, body: Node | None, nodes: list[Node], io: IO) -> int:
        """Run ``body`` with the redirection ``nodes`` applied as bash applies them.

        tree-sitter-bash hangs ``a && b > f`` and ``a | b > f`` on the whole list or
        pipeline; in bash the redirection belongs to the last command, so it goes there.
        """
        if body is not None and body.type == "list":
            return control.do_list(self, body, io, tail=nodes)
        if body is not None and body.type == "pipeline":
            return control.do_pipeline(self, body, io, tail=nodes)
        if body is not None and body.type == "command":
            return self._command(tree.simple_command(body, nodes), io)
        redirects, hung = tree.redirects(nodes)
        if hung:
            raise ShellError(f"syntax error near unexpected token `{hung[0].text}'", 2)
        opened: list[Sink] = []
        try:
            redirected = self.redirections.apply(redirects, io, opened)
        except (ShellError, FileError) as exc:
            self.redirections.close(opened)
            message = exc.message if isinstance(exc, ShellError) else str(exc)
            raise ShellError(message) from None
        try:
            if body is None:
                return 0
            return self.execute(body, redirected)
        finally:
            self.redirections.close(opened)

    def tail(self, node: Node, io: IO, tail: list[Node] | None) -> int:
        """Run the last part of a list or pipeline, with redirections moved onto it."""
        if not tail:
            return self.execute(node, io)
        try:
            status = self._with_redirects(node, tail, io)
        except ShellError as exc:
            self._report(node, exc.message, io)
            status = exc.status
        self.state.status = status
        return status

    def absolute(self, path: str) -> str:
        """``path`` against the working folder, normalised."""
        return posixpath.normpath(posixpath.join(self.state.cwd, path or "."))

    # Simple commands -------------------------------------------------------------------

    def _do_command(self, node: Node, io: IO) -> int:
        return self._command(tree.simple_command(node), io)

    def _command(self, command: tree.SimpleCommand, io: IO) -> int:
        """Run a simple command (its redirections, also those the grammar put on the
        statement around it, applied in order)."""
        self.session.step()
        for assignment in command.before:
            declarations.assign(self, assignment.node)
        self.substitution_status = None
        words = self.expander.all_fields([word.node for word in command.words])
        if not words:
            for assignment in command.assignments:
                declarations.assign(self, assignment.node)
            status = self.substitution_status or 0
            if command.redirects:
                opened: list[Sink] = []
                try:
                    self.redirections.apply(command.redirects, io, opened)
                finally:
                    self.redirections.close(opened)
            return status
        overlay: dict[str, str] = {}
        for assignment in command.assignments:
            value = assignment.value
            overlay[assignment.name] = self.expander.string(value.node) if value else ""
        if not command.redirects:
            return self.invoke(words, io, overlay, command.line)
        opened = []
        try:
            redirected = self.redirections.apply(command.redirects, io, opened)
        except (ShellError, FileError) as exc:
            self.redirections.close(opened)
            raise ShellError(exc.message if isinstance(exc, ShellError) else str(exc)) from None
        try:
            return self.invoke(words, redirected, overlay, command.line)
        finally:
            self.redirections.close(opened)

    def invoke(self, words: list[str], io: IO, overlay: dict[str, str], line: int) -> int:
        """Run a command given as words (also used by ``srun``, ``env``, ``command``)."""
        from .commands import BUILTINS, COMMANDS, run_script_file

        name, args = words[0], words[1:]
        if self.state.xtrace:
            io.stderr.write("+ " + " ".join(shlex.quote(w) for w in words) + "\n")
        if name in self.state.functions:
            return self._call_function(name, args, io)
        if name in BUILTINS:
            return BUILTINS[name](builtin_context(self, name, args, io, overlay, line))
        command = COMMANDS.get(name)
        if command is None and "/" in name:
            folder, base = posixpath.split(name)
            if folder in COMMAND_FOLDERS and base in COMMANDS:
                command, name = COMMANDS[base], base
            else:
                context = program_context(self, name, args, io, overlay, line)
                return run_script_file(context, self.absolute(name))
        if command is not None:
            context = program_context(self, name, args, io, overlay, line)
            try:
                return command(context)
            except FileError as exc:
                # A file operation the program did not expect to fail: its error line.
                return context.fail(str(exc))
            except OSError as exc:
                # The host refused an operation (the reason only: never a host path).
                logger.warning("%s failed on the host: %s", name, exc.strerror)
                return context.fail(exc.strerror or "Input/output error")
        return self._unknown(words, io, line)

    def _unknown(self, words: list[str], io: IO, line: int) -> int:
        if self.session.unknown == "pretend":
            shown = " ".join(shlex.quote(w) for w in words)
            io.stderr.write(f"sfapi-sim: not simulated, would run: {shown}\n")
            return 0
        io.stderr.write(f"{self.state.script_name}: line {line}: {words[0]}: command not found\n")
        return 127

    def _call_function(self, name: str, args: list[str], io: IO) -> int:
        # The caller's arguments and the values its locals hide stay in memory while the
        # function runs, at every level of a recursion: they count against the run's
        # memory budget until the function returns.
        budget = self.session.budget
        held = sum(len(a) for a in args)
        budget.hold(held, f"the arguments of {name}")
        self._enter()
        saved = self.state.positional
        self.state.positional = list(args)
        self.state.locals_stack.append({})
        try:
            return self.execute(self.state.functions[name], io)
        except ReturnRequest as request:
            return request.status
        finally:
            frame = self.state.locals_stack.pop()
            budget.drop(held + sum(len(old or "") for old in frame.values()))
            for variable, old in frame.items():
                if old is None:
                    self.state.unset(variable)
                else:
                    self.state.set(variable, old)
            self.state.positional = saved
            self.session.depth -= 1

    # Substitutions ----------------------------------------------------------------------

    def _substitute(self, node: Node) -> str:
        self._enter()
        try:
            out = Capture(
                self.session.limits.max_output, "command substitution", self.session.budget
            )
            shell = self.child()
            body = [c for c in node.children if c.is_named]
            try:
                status = shell.sequence(body, IO(Input(), out, self.stderr))
            except ExitRequest as request:
                status = request.status
            self.substitution_status = status
            self.state.status = status
            return out.release()
        finally:
            self.session.depth -= 1

    def _arithmetic(self, node: Node) -> int:
        return self.arithmetic.evaluate(node)

    def _arithmetic_text(self, expression: str) -> int:
        return self.arithmetic.evaluate_text(expression)


Handler = Callable[[Shell, Node, IO], int]


@cache
def _handlers() -> dict[str, Handler]:
    """The function that runs each kind of statement (by its tree-sitter node type)."""
    return {
        "program": control.do_program,
        "do_group": control.do_do_group,
        "else_clause": control.do_else_clause,
        "compound_statement": control.do_compound_statement,
        "subshell": control.do_subshell,
        "list": control.do_list,
        "negated_command": control.do_negated_command,
        "pipeline": control.do_pipeline,
        "if_statement": control.do_if_statement,
        "while_statement": control.do_while_statement,
        "for_statement": control.do_for_statement,
        "c_style_for_statement": control.do_c_style_for_statement,
        "case_statement": control.do_case_statement,
        "function_definition": control.do_function_definition,
        "variable_assignment": declarations.do_variable_assignment,
        "variable_assignments": declarations.do_variable_assignments,
        "declaration_command": declarations.do_declaration_command,
        "unset_command": declarations.do_unset_command,
        "test_command": declarations.do_test_command,
        "redirected_statement": Shell._do_redirected_statement,
        "command": Shell._do_command,
    }


def _parse_expression(source: str) -> Node | None:
    """An arithmetic expression's tree, from text (variables holding ``1+2``)."""
    try:
        program = parse(f"(( {source} ))")
    except ShellSyntaxError:
        return None
    statement = named(program)[0] if named(program) else None
    if statement is None or statement.type != "compound_statement":
        return None
    inner = named(statement)
    return inner[0] if inner else None
