"""Runs a parsed script: statements, lists, pipelines, control flow, redirections,
functions, and simple commands looked up among functions, builtins and the login node's
commands. Nothing here starts a process: every command is Python over the simulated
filesystem and scheduler."""

from __future__ import annotations

import posixpath
import shlex

from tree_sitter import Node

from ..state.filesystem import COMMAND_FOLDERS, FileError
from . import patterns
from .arithmetic import Arithmetic
from .budget import FILE_SIZE_STATUS
from .commands import BuiltinContext, Context
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
from .syntax import line_of, named, operator_of, parse, text

#: Nodes that end in a status ``set -e`` looks at.
_ERREXIT_NODES = {"command", "pipeline", "subshell", "test_command", "redirected_statement"}
_SKIPPED = {"comment", "heredoc_body", "heredoc_end", "heredoc_start"}


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
        self._conditions = 0
        self._substitution_status: int | None = None
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
        handler = getattr(self, f"_do_{kind}", None)
        if handler is None:
            raise ShellError(f"{text(node).split(chr(10))[0]}: not supported by this shell", 2)
        try:
            status: int = handler(node, io)
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
        if status and self.state.errexit and not self._conditions and kind in _ERREXIT_NODES:
            raise ExitRequest(status)
        return status

    def _report(self, node: Node, message: str, io: IO) -> None:
        io.stderr.write(f"{self.state.script_name}: line {line_of(node)}: {message}\n")

    def _sequence(self, nodes: list[Node], io: IO) -> int:
        status = 0
        for child in nodes:
            if child.is_named and child.type not in _SKIPPED:
                status = self.execute(child, io)
        return status

    def _do_program(self, node: Node, io: IO) -> int:
        return self._sequence(node.children, io)

    def _do_do_group(self, node: Node, io: IO) -> int:
        return self._sequence(node.children, io)

    def _do_else_clause(self, node: Node, io: IO) -> int:
        return self._sequence(node.children, io)

    def _do_compound_statement(self, node: Node, io: IO) -> int:
        if node.children and node.children[0].type == "((":
            self.session.step()
            inner = named(node)
            return 0 if inner and self.arithmetic.evaluate(inner[-1]) else 1
        return self._sequence(node.children, io)

    def _do_subshell(self, node: Node, io: IO) -> int:
        shell = self.child()
        try:
            return shell._sequence(node.children, io)
        except ExitRequest as request:
            return request.status

    def _do_list(self, node: Node, io: IO, tail: list[Node] | None = None) -> int:
        left, right = named(node)[0], named(node)[-1]
        operator = operator_of(node)
        self._conditions += 1
        try:
            status = self.execute(left, io)
        finally:
            self._conditions -= 1
        if (operator == "&&" and status == 0) or (operator == "||" and status != 0):
            return self._tail(right, io, tail)
        return status

    def _do_negated_command(self, node: Node, io: IO) -> int:
        self._conditions += 1
        try:
            return 0 if self.execute(named(node)[0], io) else 1
        finally:
            self._conditions -= 1

    def _do_pipeline(self, node: Node, io: IO, tail: list[Node] | None = None) -> int:
        parts = named(node)
        both = [c.type == "|&" for c in node.children if not c.is_named]
        statuses: list[int] = []
        data = io.stdin
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            out: Sink = (
                io.stdout
                if last
                else Capture(self.session.limits.max_output, "pipe", self.session.budget)
            )
            err = out if (not last and both[index]) else io.stderr
            shell = self.child()
            try:
                statuses.append(shell._tail(part, IO(data, out, err), tail if last else None))
            except ExitRequest as request:
                statuses.append(request.status)
            if isinstance(out, Capture) and not last:
                data = Input(out.release())
        if self.state.pipefail:
            return next((s for s in reversed(statuses) if s), 0)
        return statuses[-1]

    def _do_if_statement(self, node: Node, io: IO) -> int:
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
        if self._condition(conditions, io) == 0:
            return self._sequence(body, io)
        for clause in clauses:
            if clause.type == "else_clause":
                return self._sequence(clause.children, io)
            status = self._do_elif(clause, io)
            if status is not None:
                return status
        return 0

    def _do_elif(self, node: Node, io: IO) -> int | None:
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
        if self._condition(conditions, io) == 0:
            return self._sequence(body, io)
        return None

    def _condition(self, nodes: list[Node], io: IO) -> int:
        self._conditions += 1
        try:
            return self._sequence(nodes, io)
        finally:
            self._conditions -= 1

    def _round(self, body: Node | None, io: IO) -> tuple[int, bool]:
        """One round of a loop's body: (status, whether ``break`` ended the loop)."""
        self.session.step()
        if body is None:
            return self.state.status, False
        try:
            return self.execute(body, io), False
        except LoopControl as control:
            if control.levels > 1:
                raise LoopControl(control.kind, control.levels - 1) from None
            return self.state.status, control.kind == "break"

    def _do_while_statement(self, node: Node, io: IO) -> int:
        until = node.children[0].type == "until"
        conditions = node.children_by_field_name("condition")
        body = node.child_by_field_name("body")
        status = 0
        while (self._condition(conditions, io) == 0) != until:
            status, stop = self._round(body, io)
            if stop:
                break
        return status

    def _do_for_statement(self, node: Node, io: IO) -> int:
        variable = node.child_by_field_name("variable")
        values = node.children_by_field_name("value")
        body = node.child_by_field_name("body")
        if variable is None:
            raise ShellError("for: bad loop")
        has_in = any(c.type == "in" for c in node.children)
        items = self.expander.all_fields(values) if has_in else list(self.state.positional)
        status = 0
        for item in items:
            self.state.set(text(variable), item)
            status, stop = self._round(body, io)
            if stop:
                break
        return status

    def _do_c_style_for_statement(self, node: Node, io: IO) -> int:
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
            self.arithmetic.evaluate(expression)
        status = 0
        while not check or all(self.arithmetic.evaluate(e) for e in check):
            status, stop = self._round(body, io)
            if stop:
                break
            for expression in update:
                self.arithmetic.evaluate(expression)
        return status

    def _do_case_statement(self, node: Node, io: IO) -> int:
        subject_node = node.child_by_field_name("value")
        subject = self.expander.string(subject_node) if subject_node is not None else ""
        items = [c for c in node.children if c.type == "case_item"]
        falling = False
        status = 0
        for item in items:
            patterns_ = item.children_by_field_name("value")
            if not falling and not any(
                patterns.matches(self.expander.pattern(p), subject) for p in patterns_
            ):
                continue
            body: list[Node] = []
            after_paren = False
            for child in item.children:
                if child.type == ")":
                    after_paren = True
                elif after_paren and child.is_named:
                    body.append(child)
            status = self._sequence(body, io)
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

    def _do_function_definition(self, node: Node, io: IO) -> int:
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name is None or body is None:
            raise ShellError("bad function definition")
        self.state.functions[text(name)] = body
        return 0

    def _do_variable_assignment(self, node: Node, io: IO) -> int:
        self._substitution_status = None
        self._assign(node)
        return self._substitution_status or 0

    def _do_variable_assignments(self, node: Node, io: IO) -> int:
        self._substitution_status = None
        for child in named(node):
            self._assign(child)
        return self._substitution_status or 0

    def _assign(self, node: Node, *, export: bool = False) -> tuple[str, str]:
        name_node = node.child_by_field_name("name") or named(node)[0]
        name = text(name_node)
        if name_node.type == "subscript":
            raise ShellError(f"{name}: arrays are not supported by this shell")
        value_node = node.child_by_field_name("value")
        value = self.expander.string(value_node) if value_node is not None else ""
        if operator_of(node) == "+=":
            value = (self.state.get(name) or "") + value
        self.state.set(name, value, export=export)
        return name, value

    def _do_declaration_command(self, node: Node, io: IO) -> int:
        keyword = node.children[0].type
        for child in named(node):
            if child.type == "variable_assignment":
                name = text(child.child_by_field_name("name") or named(child)[0])
                if keyword == "local":
                    self._local(name)
                self._assign(child, export=keyword == "export")
            elif child.type == "variable_name":
                name = text(child)
                if keyword == "local":
                    self._local(name)
                    self.state.unset(name)
                elif keyword == "export":
                    self.state.exported.add(name)
            else:
                for word in self.expander.fields(child):
                    if word.startswith("-"):
                        continue
                    name, sep, value = word.partition("=")
                    if keyword == "local":
                        self._local(name)
                    if sep:
                        self.state.set(name, value, export=keyword == "export")
                    elif keyword == "export":
                        self.state.exported.add(name)
        return 0

    def _local(self, name: str) -> None:
        if not self.state.locals_stack:
            raise ShellError("local: can only be used in a function")
        self.state.make_local(name)

    def _do_unset_command(self, node: Node, io: IO) -> int:
        for child in named(node):
            for word in self.expander.fields(child):
                if word in ("-v", "-f"):
                    continue
                self.state.unset(word)
                self.state.functions.pop(word, None)
        return 0

    def _do_test_command(self, node: Node, io: IO) -> int:
        from .commands.testing import evaluate_test

        self.session.step()
        double = node.children[0].type == "[["
        words = self._test_words(node, double)
        name = "[[" if double else "["
        return evaluate_test(
            words,
            name=name,
            ctx=self.context(name, [], io, {}, line_of(node)),
            io=io,
            arithmetic=self.arithmetic.evaluate_text if double else None,
        )

    def _test_words(self, node: Node, double: bool) -> list[tuple[str, list[tuple[str, bool]]]]:
        """The words of ``[ … ]``/``[[ … ]]`` in order, each with its pattern form."""
        words: list[tuple[str, list[tuple[str, bool]]]] = []
        for child in node.children:
            if child.type in ("[", "]", "[[", "]]"):
                continue
            if (
                child.type in ("binary_expression", "unary_expression", "parenthesized_expression")
                or child.type == "negated_expression"
            ):
                words.extend(self._test_words(child, double))
            elif not child.is_named or child.type == "test_operator":
                words.append((text(child), [(text(child), True)]))
            elif double:
                words.append((self.expander.string(child), self.expander.pattern(child)))
            else:
                for field in self.expander.fields(child):
                    words.append((field, [(field, True)]))
        return words

    # Redirections ----------------------------------------------------------------------

    def _do_redirected_statement(self, node: Node, io: IO) -> int:
        body = node.child_by_field_name("body")
        redirects = [c for c in node.children if c is not body and c.is_named]
        return self._with_redirects(body, redirects, io)

    def _with_redirects(self, body: Node | None, redirects: list[Node], io: IO) -> int:
        """Run ``body`` with ``redirects`` applied as bash applies them.

        tree-sitter-bash hangs ``a && b > f`` and ``a | b > f`` on the whole list or
        pipeline; in bash the redirection belongs to the last command, so it goes there.
        """
        if body is not None and body.type == "list":
            return self._do_list(body, io, tail=redirects)
        if body is not None and body.type == "pipeline":
            return self._do_pipeline(body, io, tail=redirects)
        extra: list[str] = []
        opened: list[Sink] = []
        try:
            redirected = self.redirections.apply(redirects, io, opened, extra)
        except (ShellError, FileError) as exc:
            self.redirections.close(opened)
            message = exc.message if isinstance(exc, ShellError) else str(exc)
            raise ShellError(message) from None
        try:
            if body is None:
                return 0
            if body.type == "command":
                return self._command(body, redirected, extra)
            return self.execute(body, redirected)
        finally:
            self.redirections.close(opened)

    def _tail(self, node: Node, io: IO, tail: list[Node] | None) -> int:
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
        return self._command(node, io, [])

    def _command(self, node: Node, io: IO, extra: list[str]) -> int:
        self.session.step()
        assignments = [c for c in node.children if c.type == "variable_assignment"]
        name_node = node.child_by_field_name("name")
        # tree-sitter-bash reads ``A=1 B=2⏎cmd`` as one command: split it where bash does.
        if assignments and name_node is not None:
            between = (node.text or b"")[
                assignments[-1].end_byte - node.start_byte : name_node.start_byte - node.start_byte
            ]
            if b"\n" in between:
                for assignment in assignments:
                    self._assign(assignment)
                assignments = []
        redirects = [
            c
            for c in node.children
            if c.type in ("file_redirect", "heredoc_redirect", "herestring_redirect")
        ]
        arguments = node.children_by_field_name("argument")
        self._substitution_status = None
        words: list[str] = []
        if name_node is not None:
            words = self.expander.fields(named(name_node)[0] if named(name_node) else name_node)
        words += self.expander.all_fields(arguments)
        words += extra
        if not words:
            for assignment in assignments:
                self._assign(assignment)
            status = self._substitution_status or 0
            if redirects:
                opened: list[Sink] = []
                self.redirections.apply(redirects, io, opened, [])
                self.redirections.close(opened)
            return status
        overlay: dict[str, str] = {}
        for assignment in assignments:
            assignment_name = text(assignment.child_by_field_name("name") or named(assignment)[0])
            value_node = assignment.child_by_field_name("value")
            overlay[assignment_name] = (
                self.expander.string(value_node) if value_node is not None else ""
            )
        if redirects:
            opened = []
            more: list[str] = []
            try:
                redirected = self.redirections.apply(redirects, io, opened, more)
            except (ShellError, FileError) as exc:
                self.redirections.close(opened)
                raise ShellError(exc.message if isinstance(exc, ShellError) else str(exc)) from None
            try:
                return self.invoke(words + more, redirected, overlay, line_of(node))
            finally:
                self.redirections.close(opened)
        return self.invoke(words, io, overlay, line_of(node))

    def invoke(self, words: list[str], io: IO, overlay: dict[str, str], line: int) -> int:
        """Run a command given as words (also used by ``srun``, ``env``, ``command``)."""
        from .commands import BUILTINS, COMMANDS, run_script_file

        name, args = words[0], words[1:]
        if self.state.xtrace:
            io.stderr.write("+ " + " ".join(shlex.quote(w) for w in words) + "\n")
        if name in self.state.functions:
            return self._call_function(name, args, io)
        if name in BUILTINS:
            return BUILTINS[name](self.builtin_context(name, args, io, overlay, line))
        command = COMMANDS.get(name)
        if command is None and "/" in name:
            folder, base = posixpath.split(name)
            if folder in COMMAND_FOLDERS and base in COMMANDS:
                command, name = COMMANDS[base], base
            else:
                context = self.context(name, args, io, overlay, line)
                return run_script_file(context, self.absolute(name))
        if command is not None:
            context = self.context(name, args, io, overlay, line)
            try:
                return command(context)
            except FileError as exc:
                # A file operation the program did not expect to fail: its error line.
                return context.fail(str(exc))
        return self._unknown(words, io, line)

    def context(
        self, name: str, args: list[str], io: IO, overlay: dict[str, str], line: int
    ) -> Context:
        """What a program started from this shell is handed."""
        return Context(
            name=name,
            args=args,
            io=io,
            cwd=self.state.cwd,
            overlay=overlay,
            environment=self.state.environment(overlay),
            session=self.session,
            runner=self,
            script_name=self.state.script_name,
            line=line,
        )

    def builtin_context(
        self, name: str, args: list[str], io: IO, overlay: dict[str, str], line: int
    ) -> BuiltinContext:
        """What a builtin run in this shell is handed (the shell itself included)."""
        return BuiltinContext(
            name=name,
            args=args,
            io=io,
            cwd=self.state.cwd,
            overlay=overlay,
            environment=self.state.environment(overlay),
            session=self.session,
            runner=self,
            script_name=self.state.script_name,
            line=line,
            shell=self,
        )

    def _unknown(self, words: list[str], io: IO, line: int) -> int:
        if self.session.unknown == "pretend":
            shown = " ".join(shlex.quote(w) for w in words)
            io.stderr.write(f"sfapi-sim: not simulated, would run: {shown}\n")
            return 0
        io.stderr.write(f"{self.state.script_name}: line {line}: {words[0]}: command not found\n")
        return 127

    def _call_function(self, name: str, args: list[str], io: IO) -> int:
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
                status = shell._sequence(body, IO(Input(), out, self.stderr))
            except ExitRequest as request:
                status = request.status
            self._substitution_status = status
            self.state.status = status
            return out.release()
        finally:
            self.session.depth -= 1

    def _arithmetic(self, node: Node) -> int:
        return self.arithmetic.evaluate(node)

    def _arithmetic_text(self, expression: str) -> int:
        return self.arithmetic.evaluate_text(expression)


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
