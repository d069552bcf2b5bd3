"""The interpreter's tree for simple commands, lists, pipelines and redirections: the
grammar's quirks are settled when it is made, so the executor never sees them."""

from __future__ import annotations

from tree_sitter import Node

from sfapi_sim.shell import tree
from sfapi_sim.shell.syntax import named, parse, text


def _command(source: str) -> tree.SimpleCommand:
    statement = named(parse(source))[0]
    if statement.type == "redirected_statement":
        body = statement.child_by_field_name("body")
        assert body is not None and body.type == "command"
        around = [c for c in statement.children if c.type in tree.REDIRECTS]
        return tree.simple_command(body, around)
    assert statement.type == "command"
    return tree.simple_command(statement)


def test_assignments_on_a_line_before_a_command_run_first() -> None:
    command = _command("A=1 B+=2\nprintf '%s' x")
    assert [(a.name, a.append) for a in command.before] == [("A", False), ("B", True)]
    assert command.assignments == ()
    assert [w.text for w in command.words] == ["printf", "'%s'", "x"]
    assert command.line == 2


def test_assignments_of_the_command_itself_stay_its_own() -> None:
    command = _command("X=1 env")
    assert command.before == ()
    assert [(a.name, a.value.text if a.value else None) for a in command.assignments] == [
        ("X", "1")
    ]


def test_words_after_a_redirection_target_are_arguments() -> None:
    command = _command("echo a > out b c 2>&1")
    assert [w.text for w in command.words] == ["echo", "a", "b", "c"]
    assert command.redirects == (
        tree.FileRedirect(None, ">", command.redirects[0].target),  # type: ignore[union-attr]
        tree.FileRedirect(2, ">&", command.redirects[1].target),  # type: ignore[union-attr]
    )
    targets = [r.target.text for r in command.redirects if isinstance(r, tree.FileRedirect)]
    assert targets == ["out", "1"]


def test_a_here_document_carries_its_delimiter_rules_and_later_redirections() -> None:
    command = _command("cat <<-'EOF' > out\n\tbody $x\n\tEOF\n")
    (here,) = command.redirects
    assert isinstance(here, tree.HereDocument)
    assert (here.expand, here.strip_tabs) == (False, True)
    assert [r.target.text for r in here.then if isinstance(r, tree.FileRedirect)] == ["out"]
    assert here.body is not None and "body $x" in (here.body.text or b"").decode()


def _around(source: str) -> tuple[Node, list[Node]]:
    statement = named(parse(source))[0]
    assert statement.type == "redirected_statement"
    body = statement.child_by_field_name("body")
    assert body is not None
    return body, [c for c in statement.children if c.type in tree.REDIRECTS]


def test_redirections_on_a_pipeline_are_its_last_stages() -> None:
    body, around = _around("a | b |& c > out")
    piped = tree.pipeline(body, around)
    assert [text(stage) for stage in piped.stages] == ["a", "b", "c"]
    assert piped.stderr_too == (False, True)
    assert [text(node) for node in piped.around] == ["> out"]


def test_redirections_on_a_list_are_its_right_sides() -> None:
    body, around = _around("true || echo x > out")
    listed = tree.and_or(body, around)
    assert (text(listed.left), listed.operator, text(listed.right)) == ("true", "||", "echo x")
    assert [text(node) for node in listed.around] == ["> out"]


def test_what_follows_a_here_document_on_its_line_is_the_rest_of_the_statement() -> None:
    piped = _around("cat <<EOF | tr a b |& cat -n\nbody\nEOF\n")[1]
    rest = tree.heredoc_rest(piped)
    assert rest is not None and rest.operator == "|"
    assert [text(stage) for stage in rest.statements] == ["tr a b", "cat -n"]
    assert rest.stderr_too == (False, True)
    listed = tree.heredoc_rest(_around("cat <<EOF || echo no\nbody\nEOF\n")[1])
    assert listed is not None and listed.operator == "||"
    assert [text(statement) for statement in listed.statements] == ["echo no"]
    assert tree.heredoc_rest(_around("cat <<EOF > out\nbody\nEOF\n")[1]) is None
