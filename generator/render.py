"""Stage 5: render the IR through the Jinja templates in ``templates/``.

Templates see only the IR (and a header line); every helper they use is a filter
registered from ``FILTERS`` below.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .fmt import call_statement, import_from, python_literal
from .ir import Api, BodyField, Operation, Tag
from .naming import PATH_PARAMETER

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def docstring_lines(text: str) -> list[str]:
    """Lines of a docstring body, safe to put between triple quotes."""
    safe = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    lines = [line.rstrip() for line in textwrap.dedent(safe).splitlines()] or [""]
    if lines[-1].endswith('"'):
        lines[-1] += " "
    return lines


def url_expression(op: Operation) -> str:
    """The f-string that builds an operation's path from its Python arguments."""
    by_name = {p.name: p for p in op.path_params}

    def segment(match: re.Match[str]) -> str:
        param = by_name[match.group(1)]
        encoder = "path_value" if param.allow_slash else "path_segment"
        return "{_encoding." + encoder + "(" + param.python_name + ")}"

    parts = []
    last = 0
    for match in PATH_PARAMETER.finditer(op.path):
        parts.append(op.path[last : match.start()])
        parts.append(segment(match))
        last = match.end()
    parts.append(op.path[last:])
    body = "".join(parts).replace('"', '\\"')
    return f'f"{body}"' if op.path_params else f'"{body}"'


def method_doc(op: Operation, error_class: str) -> str:
    """The docstring of an endpoint method: what, where, arguments, result, errors
    (``error_class`` is the package's error base)."""
    lines = [op.summary or op.name.replace("_", " ").capitalize() + "."]
    if op.description and op.description != op.summary:
        lines += ["", op.description]
    access = (
        "; needs credentials."
        if op.requires_auth
        else "; public."
        if op.public
        else "; sends the client's credentials when it has them."
    )
    lines += ["", f"``{op.method} {op.path}``{access}"]
    # Every argument gets a line: the document's description, or where the value goes.
    args = [
        (p.python_name, p.description or f"the ``{p.name}`` {p.location} parameter.")
        for p in op.params
    ]
    if op.body is not None:
        if op.body.fields:
            args += [
                (f.python_name, f.description or f"the ``{f.name}`` field of the request body.")
                for f in op.body.fields
            ]
        else:
            args.append(("body", op.body.description or f"the request body ({op.body.media_type})"))
    if args:
        lines += ["", "Args:"] + [f"    {name}: {text}" for name, text in args]
    returns = op.success.description or "the parsed answer"
    lines += ["", "Returns:", f"    {returns}"]
    raises = [f"{error_class}: on a non-2xx answer (a subclass per status) or no answer at all."]
    if op.inband_error:
        raises.append(
            f"ApiErrorStatus: when the answer's ``{op.inband_error[0]}`` is {op.inband_error[1]!r}."
        )
    lines += ["", "Raises:"] + [f"    {line}" for line in raises]
    return "\n".join(lines)


def field_signature(field: BodyField) -> str:
    """A form or multipart field as a keyword-only argument."""
    if field.required:
        return f"{field.python_name}: {field.annotation}"
    annotation = field.annotation
    if "None" not in annotation.split(" | "):
        annotation += " | None"
    return f"{field.python_name}: {annotation} = {field.default or 'None'}"


@dataclass(frozen=True)
class TagUses:
    """What an endpoint module needs to import."""

    models: list[str]
    typing: list[str]
    runtime: list[str]
    datetime: bool
    file_content: bool
    inband: bool


def make_tag_uses(model_names: set[str]) -> Any:
    def tag_uses(tag: Tag) -> TagUses:
        annotations: list[str] = []
        for op in tag.operations:
            annotations += [p.annotation for p in op.params]
            annotations += [p.default or "" for p in op.params]
            annotations.append(op.success.annotation)
            if op.body is not None:
                annotations.append(op.body.annotation)
                annotations += [f.annotation for f in op.body.fields] + [
                    f.default or "" for f in op.body.fields
                ]
        names = {name for text in annotations for name in _IDENTIFIER.findall(text)}
        runtime = ["_encoding"]
        if any(
            op.success.kind == "json" or (op.body and op.body.kind == "json")
            for op in tag.operations
        ):
            runtime.append("_responses")
        return TagUses(
            models=sorted(names & model_names),
            typing=sorted(names & {"Any", "Literal"}),
            runtime=runtime,
            datetime="_dt" in names,
            file_content="FileContent" in names,
            inband=any(op.inband_error for op in tag.operations),
        )

    return tag_uses


class Renderer:
    """A Jinja environment over ``templates/`` with the project's settings and filters."""

    def __init__(self, template_dir: Path, api: Api) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
        )
        filters: dict[str, Any] = {
            "call_statement": lambda head, arguments, indent: call_statement(
                indent, head, arguments
            ),
            "docstring_lines": docstring_lines,
            "field_signature": field_signature,
            "import_from": import_from,
            "method_doc": lambda op: method_doc(op, api.error_class),
            "pyrepr": python_literal,
            "tag_uses": make_tag_uses(set(api.model_names) | set(api.job_model_names)),
            "url_expression": url_expression,
        }
        self.env.filters.update(filters)
        self.api = api

    def render(self, template: str, header: str, **context: Any) -> str:
        return self.env.get_template(template).render(api=self.api, header=header, **context)
