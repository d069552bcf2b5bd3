"""Parse every documented example of a JSON ``GET`` success with the type its generated
method returns, and classify the failures.

The examples a description documents for its responses are the nearest thing it has to
answers of the real service: an example that does not parse into the generated model is
either the generator reading the schema wrongly or the document contradicting itself.
This module finds them; ``test_corpus_models.py`` uses it on the corpus, and run as a
script it measures a whole document already generated::

    .venv/bin/python -m tests.generator.example_parse DOCUMENT OUT PACKAGE [--show N]
        [--json FILE]

``OUT`` is the folder that holds the generated package ``PACKAGE`` (``python -m generator
codegen --config C --out OUT``). It prints the parse rate and the failures counted by
cause (the pydantic error type and the place in the example, list positions written
``[]``), in two groups: those the document's own schema refuses too (checked with
``jsonschema``, the schema read as JSON Schema with ``nullable`` as a null
alternative), where the example contradicts its document, and those it accepts, where
the model is stricter than the document. ``--show N`` lists up to N examples of each
cause, ``--json FILE`` writes every failure with its errors (JSON lines).

An example is taken from a response's media type ``application/json`` (the one the
method asks for), under ``examples`` (each a value or a ``$ref`` to
``components/examples``) or ``example``; a response given by ``$ref`` is resolved first,
and a ``$ref`` to ``components/examples`` inside a value stands for that example's value.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic


@dataclass(frozen=True)
class Outcome:
    """One example parsed: where it was documented and the errors it gave (none: parsed)."""

    operation: str
    status: str
    media: str
    name: str
    errors: tuple[dict[str, Any], ...] = field(default=())
    #: What the document's own schema (read as JSON Schema) says against the example:
    #: empty when the document accepts it, so that a failure is the model's.
    document_says: tuple[str, ...] = field(default=())
    #: The distinct causes of the failure (``missing at [].owner.login``).
    causes: tuple[str, ...] = field(default=())


def cause(error: Any, value: Any) -> str:
    """An error's type and its place in ``value``, list positions written ``[]``.

    The place pydantic gives also names the union member it tried
    (``owner.SimpleUser.login``); a part is kept only where the value holds it, so what
    is left is a place in the example."""
    parts: list[str] = []
    here = value
    for part in error["loc"]:
        if isinstance(part, int) and isinstance(here, list) and part < len(here):
            parts.append("[]")
            here = here[part]
        elif isinstance(here, dict) and part in here:
            parts.append(str(part))
            here = here[part]
        elif error["type"] == "missing" and part == error["loc"][-1]:
            parts.append(str(part))
    return f"{error['type']} at {'.'.join(parts) or '(root)'}"


def _resolve(document: dict[str, Any], node: Any) -> Any:
    """``node`` with its local ``$ref`` (``#/components/...``) followed, repeatedly."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: Any = document
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


_EXAMPLES = "#/components/examples/"


def _is_json(media: str) -> bool:
    """True for ``application/json`` (with parameters or not): the media type the
    generated method asks for and parses. Examples of other JSON media types
    (``application/vnd.github.v3.star+json``, ``application/sarif+json``) document
    other schemas, which the method does not return."""
    return media.split(";", 1)[0].strip().lower() == "application/json"


def example_value(document: dict[str, Any], value: Any) -> Any:
    """An example's value with each ``{"$ref": "#/components/examples/..."}`` in it (at
    the top or nested) replaced by that example's value: GitHub's description writes
    ``"value": {"$ref": "#/components/examples/issue"}`` and nests one example in
    another (``"repository": {"$ref": "#/components/examples/simple-repository"}``),
    meaning the value of the example it names."""
    if isinstance(value, dict):
        ref = value.get("$ref")
        if set(value) == {"$ref"} and isinstance(ref, str) and ref.startswith(_EXAMPLES):
            target = _resolve(document, value)
            return example_value(document, target.get("value") if "value" in target else target)
        return {key: example_value(document, item) for key, item in value.items()}
    if isinstance(value, list):
        return [example_value(document, item) for item in value]
    return value


def json_schema(node: Any) -> Any:
    """An OpenAPI 3.0 document's schemas as JSON Schema (draft 7, whose ``$ref`` ignores
    the keywords beside it as OpenAPI 3.0's does): ``nullable: true`` becomes ``null``
    as an alternative, wherever it stands. Used as the oracle of what the document
    itself accepts; formats are not checked (the document names them, not their rules)."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: json_schema(value) for key, value in node.items() if key != "nullable"}
    if node.get("nullable") is True:
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


class DocumentOracle:
    """Validates a value against a schema of the document, as the document writes it."""

    def __init__(self, document: dict[str, Any]) -> None:
        from jsonschema import Draft7Validator

        self._root = json_schema(document)
        self._validator_class = Draft7Validator
        self._validators: dict[str, Any] = {}

    def errors(self, pointer: str, value: Any) -> tuple[str, ...]:
        """What the schema at ``pointer`` (``#/paths/...``) says against ``value``."""
        if pointer not in self._validators:
            self._validators[pointer] = self._validator_class({**self._root, "$ref": pointer})
        found = self._validators[pointer].iter_errors(value)
        return tuple(
            sorted(
                f"{e.validator} at {'.'.join(map(str, e.absolute_path)) or '(root)'}" for e in found
            )
        )


def _pointer(*parts: str) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True)
class Example:
    """A documented example: its operation's path, where it stands and its value."""

    path: str
    operation: str
    status: str
    media: str
    name: str
    #: The JSON pointer of the schema it documents (``#/components/responses/...``).
    schema: str
    value: Any


def documented_examples(document: dict[str, Any]) -> Iterator[Example]:
    """Every example of a JSON success of a ``GET`` operation, in document order."""
    for path, item in document.get("paths", {}).items():
        operation = _resolve(document, item).get("get")
        if not isinstance(operation, dict):
            continue
        operation_id = operation.get("operationId", f"GET {path}")
        for status, response in operation.get("responses", {}).items():
            if not str(status).startswith("2"):
                continue
            where = ("paths", path, "get", "responses", str(status))
            if isinstance(response, dict) and isinstance(response.get("$ref"), str):
                where = tuple(response["$ref"].lstrip("#/").split("/"))
                where = tuple(p.replace("~1", "/").replace("~0", "~") for p in where)
            for media, content in _resolve(document, response).get("content", {}).items():
                if not _is_json(media):
                    continue
                schema = _pointer(*where, "content", media, "schema")
                found = [
                    (name, _resolve(document, example))
                    for name, example in (content.get("examples") or {}).items()
                ]
                if "example" in content:
                    found.append(("example", {"value": content["example"]}))
                for name, example in found:
                    if isinstance(example, dict) and "value" in example:
                        value = example_value(document, example["value"])
                        yield Example(path, operation_id, str(status), media, name, schema, value)


def get_methods(package: ModuleType) -> dict[str, Any]:
    """The sync client's method of each ``GET`` operation, by path."""
    client = package.ApiClient("http://127.0.0.1:9/")
    methods: dict[str, Any] = {}
    folder = Path(package.__file__).parent / "_operations"
    for tag_module in sorted(folder.glob("[!_]*.py")):
        operations = importlib.import_module(f"{package.__name__}._operations.{tag_module.stem}")
        for info in vars(operations).values():
            if isinstance(info, package._operation.OperationInfo) and info.method == "GET":
                methods[info.path] = getattr(getattr(client, tag_module.stem), info.name)
    client.close()
    return methods


def parse_examples(
    package: ModuleType, document: dict[str, Any], judge: bool = True
) -> list[Outcome]:
    """Each documented example parsed with the return type of its operation's method;
    with ``judge``, each failure also checked against the document's own schema."""
    methods = get_methods(package)
    adapters: dict[str, pydantic.TypeAdapter[Any]] = {}
    oracle = DocumentOracle(document) if judge else None
    outcomes: list[Outcome] = []
    for example in documented_examples(document):
        if example.path not in adapters:
            kind = typing.get_type_hints(methods[example.path])["return"]
            adapters[example.path] = pydantic.TypeAdapter(kind)
        try:
            adapters[example.path].validate_json(json.dumps(example.value))
        except pydantic.ValidationError as exc:
            errors = tuple(dict(e) for e in exc.errors(include_url=False))
        else:
            errors = ()
        says = oracle.errors(example.schema, example.value) if oracle and errors else ()
        causes = tuple(dict.fromkeys(cause(e, example.value) for e in errors))
        outcomes.append(
            Outcome(
                example.operation, example.status, example.media, example.name, errors, says, causes
            )
        )
    return outcomes


def report(outcomes: list[Outcome], show: int) -> str:
    """The parse rate, then the failures in two groups, each by cause: those the
    document's own schema also refuses (the example contradicts the document) and those
    it accepts (the model is stricter than the document)."""
    failed = [o for o in outcomes if o.errors]
    total = len(outcomes)
    rate = 100 * (total - len(failed)) / total if total else 100.0
    lines = [f"{total - len(failed)} of {total} examples parse ({rate:.1f} %); {len(failed)} fail"]
    by_type = Counter(t for o in failed for t in dict.fromkeys(e["type"] for e in o.errors))
    lines.append(
        "by pydantic error type: " + ", ".join(f"{t} {n}" for t, n in by_type.most_common())
    )
    groups = (
        ("the document's own schema refuses them too", [o for o in failed if o.document_says]),
        ("the document's own schema accepts them", [o for o in failed if not o.document_says]),
    )
    for title, group in groups:
        lines.append(f"\n{len(group)} failures where {title}:")
        by_cause: dict[str, list[Outcome]] = {}
        for outcome in group:
            for c in outcome.causes:
                by_cause.setdefault(c, []).append(outcome)
        for c, seen in sorted(by_cause.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"{len(seen):4d}  {c}")
            for outcome in seen[:show]:
                said = "; ".join(outcome.document_says[:3])
                lines.append(
                    f"        {outcome.operation} {outcome.status} {outcome.name}"
                    + (f"  (document: {said})" if said else "")
                )
    return "\n".join(lines)


def summary(outcomes: list[Outcome]) -> dict[str, int]:
    """The counts of a parse: examples, those that parse, and the failures the
    document's own schema refuses too (the example contradicts it) or accepts."""
    failed = [o for o in outcomes if o.errors]
    return {
        "examples": len(outcomes),
        "parsed": len(outcomes) - len(failed),
        "document_refuses": sum(1 for o in failed if o.document_says),
        "document_accepts": sum(1 for o in failed if not o.document_says),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("document", type=Path, help="the OpenAPI document (JSON)")
    parser.add_argument("out", type=Path, help="the folder that holds the generated package")
    parser.add_argument("package", help="the generated package's name")
    parser.add_argument("--show", type=int, default=0, help="examples to list per cause")
    parser.add_argument("--json", type=Path, help="also write every failure here (JSON lines)")
    parser.add_argument("--summary", type=Path, help="also write the counts here (JSON)")
    args = parser.parse_args(argv)
    document = json.loads(args.document.read_text(encoding="utf-8"))
    sys.path.insert(0, str(args.out))
    outcomes = parse_examples(importlib.import_module(args.package), document)
    print(report(outcomes, args.show))
    if args.summary:
        args.summary.write_text(json.dumps(summary(outcomes)), encoding="utf-8")
    if args.json:
        with args.json.open("w", encoding="utf-8") as stream:
            for o in outcomes:
                if o.errors:
                    record = {
                        **o.__dict__,
                        "errors": [{**e, "input": repr(e.get("input"))[:200]} for e in o.errors],
                    }
                    stream.write(json.dumps(record, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
