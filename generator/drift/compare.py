"""Compare two OpenAPI documents semantically, operation by operation and schema by schema.

Operations are matched by method and path template (the names of path parameters
do not count); parameters by location and name; responses by status code and media
type; schemas by name, with a schema that moved to a new name unchanged paired with
its old self. Each change is classified breaking or not *for a client of this
package*: one that sends requests built from the committed document and parses the
answers with models generated from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..load import resolve_pointer, walk_refs
from ..naming import PATH_PARAMETER
from ..problems import pointer_join
from ..refs import SCHEMA_PREFIX
from .equivalent import canonical_document
from .model import DOCUMENTATION, Change, Direction, DriftResult
from .schemas import Emit, SchemaDiffer, extend, mapping, schema_name, without_docs

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass
class Operation:
    """One operation of a document, with what it inherits from its path item."""

    label: str  # "GET /compute/jobs/{machine}"
    pointer: str
    body: dict[str, Any]
    parameters: dict[tuple[str, str], tuple[str, dict[str, Any]]] = field(default_factory=dict)


def compare(
    old_doc: dict[str, Any], new_doc: dict[str, Any], *, include_docs: bool = False
) -> DriftResult:
    """Every semantic change from ``old_doc`` (committed) to ``new_doc`` (live).

    Both are first written in one spelling (:mod:`generator.drift.equivalent`), so that
    a re-encoding of the same meaning is no change; a document whose references cannot
    be resolved raises :class:`generator.drift.fetch.FetchError`.
    """
    return _Comparison(
        canonical_document(old_doc, "the committed document"),
        canonical_document(new_doc, "the live document"),
        include_docs,
    ).run()


class _Comparison:
    def __init__(self, old_doc: dict[str, Any], new_doc: dict[str, Any], include_docs: bool):
        self.old_doc, self.new_doc = old_doc, new_doc
        self.include_docs = include_docs
        self.old_schemas = mapping(mapping(old_doc, "components"), "schemas")
        self.new_schemas = mapping(mapping(new_doc, "components"), "schemas")
        self.moved = _moved_schemas(self.old_schemas, self.new_schemas, include_docs)
        # Components that one document names and the other writes in place.
        self.inlined = _written_in_place(
            old_doc, new_doc, self.old_schemas.keys() - self.new_schemas.keys(), include_docs
        )
        self.named = _written_in_place(
            new_doc, old_doc, self.new_schemas.keys() - self.old_schemas.keys(), include_docs
        )
        self.differ = SchemaDiffer(old_doc, new_doc, self.moved, include_docs)
        self.result = DriftResult()

    def run(self) -> DriftResult:
        self._document()
        old_ops, new_ops = _operations(self.old_doc), _operations(self.new_doc)
        for key in sorted(old_ops.keys() - new_ops.keys()):
            op = old_ops[key]
            self._emitter("operation", op.label)(
                "operation removed", op.pointer, op.label, Direction.BOTH
            )
        for key in sorted(new_ops.keys() - old_ops.keys()):
            op = new_ops[key]
            self._emitter("operation", op.label)("operation added", op.pointer, op.label, None)
        for key in sorted(old_ops.keys() & new_ops.keys()):
            self._operation(old_ops[key], new_ops[key])
        self._schemas(old_ops, new_ops)
        if self.moved:
            self.result.notes["moved schemas (not a change)"] = [
                f"{old} → {new}" for old, new in sorted(self.moved.items())
            ]
        in_place = [f"{name} (now written in place)" for name in sorted(self.inlined)]
        in_place += [f"{name} (now named)" for name in sorted(self.named)]
        if in_place:
            self.result.notes["schemas written in place or by reference (not a change)"] = in_place
        return self.result

    def _emitter(self, group_kind: str, group: str, directions: Direction = Direction.BOTH) -> Emit:
        """An ``emit`` that records changes under one group, judged for ``directions``."""

        def emit(kind: str, pointer: str, detail: str, breaking_for: Direction | None) -> None:
            breaking = bool(breaking_for is not None and breaking_for & directions)
            self.result.changes.append(Change(group_kind, group, kind, pointer, detail, breaking))

        return emit

    # -- the document as a whole ---------------------------------------------------

    def _document(self) -> None:
        emit = self._emitter("document", "document")
        old_version = mapping(self.old_doc, "info").get("version")
        new_version = mapping(self.new_doc, "info").get("version")
        if old_version != new_version:
            emit("API version changed", "/info/version", f"{old_version} → {new_version}", None)
        old_schemes = mapping(mapping(self.old_doc, "components"), "securitySchemes")
        new_schemes = mapping(mapping(self.new_doc, "components"), "securitySchemes")
        for name in sorted(old_schemes.keys() | new_schemes.keys()):
            pointer = pointer_join("components", "securitySchemes", name)
            if name not in new_schemes:
                emit("security scheme removed", pointer, name, Direction.BOTH)
            elif name not in old_schemes:
                emit("security scheme added", pointer, name, None)
            elif self._canonical(old_schemes[name]) != self._canonical(new_schemes[name]):
                emit("security scheme changed", pointer, name, Direction.BOTH)

    # -- operations ----------------------------------------------------------------

    def _operation(self, old: Operation, new: Operation) -> None:
        emit = self._emitter("operation", new.label)
        old_id, new_id = old.body.get("operationId"), new.body.get("operationId")
        if old_id != new_id:
            detail = f"{old_id} → {new_id} (the method is renamed)"
            emit("operationId changed", f"{new.pointer}/operationId", detail, Direction.BOTH)
        old_tags, new_tags = set(old.body.get("tags") or ()), set(new.body.get("tags") or ())
        if old_tags != new_tags:
            detail = f"{sorted(old_tags)} → {sorted(new_tags)} (the method moves to another group)"
            emit("tags changed", f"{new.pointer}/tags", detail, Direction.BOTH)
        if not old.body.get("deprecated") and new.body.get("deprecated"):
            emit("deprecated", f"{new.pointer}/deprecated", new.label, None)
        if self.include_docs:
            for key in ("summary", "description"):
                if old.body.get(key) != new.body.get(key):
                    emit(f"{key} changed", f"{new.pointer}/{key}", DOCUMENTATION, None)
        self._security(old, new, emit)
        self._parameters(old, new, emit)
        self._request_body(old, new)
        self._responses(old, new)

    def _security(self, old: Operation, new: Operation, emit: Emit) -> None:
        before = _requirements(old.body.get("security", self.old_doc.get("security")))
        after = _requirements(new.body.get("security", self.new_doc.get("security")))
        if before == after:
            return
        detail = f"{_show_requirements(before)} → {_show_requirements(after)}"
        if not after:
            emit("security removed", f"{new.pointer}/security", detail, None)
        else:
            kind = "security added" if not before else "security changed"
            emit(kind, f"{new.pointer}/security", detail, Direction.BOTH)

    def _parameters(self, old: Operation, new: Operation, emit: Emit) -> None:
        request = self._emitter("operation", new.label, Direction.REQUEST)
        for key in sorted(old.parameters.keys() - new.parameters.keys()):
            pointer, _ = old.parameters[key]
            emit("parameter removed", pointer, _param_label(key), Direction.BOTH)
        for key in sorted(new.parameters.keys() - old.parameters.keys()):
            pointer, param = new.parameters[key]
            required = bool(param.get("required"))
            detail = f"{_param_label(key)} ({'required' if required else 'optional'})"
            emit("parameter added", pointer, detail, Direction.BOTH if required else None)
        for key in sorted(old.parameters.keys() & new.parameters.keys()):
            (old_ptr, old_param), (new_ptr, new_param) = old.parameters[key], new.parameters[key]
            was, now = bool(old_param.get("required")), bool(new_param.get("required"))
            if now and not was:
                emit("parameter made required", new_ptr, _param_label(key), Direction.BOTH)
            elif was and not now:
                emit("parameter made optional", new_ptr, _param_label(key), None)
            if self.include_docs and old_param.get("description") != new_param.get("description"):
                emit("description changed", f"{new_ptr}/description", DOCUMENTATION, None)
            self.differ.diff(
                old_param.get("schema"),
                new_param.get("schema"),
                f"{old_ptr}/schema",
                f"{new_ptr}/schema",
                request,
            )

    def _request_body(self, old: Operation, new: Operation) -> None:
        emit = self._emitter("operation", new.label, Direction.REQUEST)
        old_body = _resolved(self.old_doc, old.body.get("requestBody"))
        new_body = _resolved(self.new_doc, new.body.get("requestBody"))
        pointer = f"{new.pointer}/requestBody"
        if old_body is None and new_body is None:
            return
        if old_body is None:
            required = bool(new_body and new_body.get("required"))
            detail = "required" if required else "optional"
            emit("request body added", pointer, detail, Direction.REQUEST if required else None)
            return
        if new_body is None:
            emit("request body removed", f"{old.pointer}/requestBody", "", Direction.REQUEST)
            return
        if new_body.get("required") and not old_body.get("required"):
            emit("request body made required", pointer, "", Direction.REQUEST)
        self._content(
            mapping(old_body, "content"),
            mapping(new_body, "content"),
            f"{old.pointer}/requestBody/content",
            f"{pointer}/content",
            emit,
            Direction.REQUEST,
        )

    def _responses(self, old: Operation, new: Operation) -> None:
        emit = self._emitter("operation", new.label, Direction.RESPONSE)
        old_responses = mapping(old.body, "responses")
        new_responses = mapping(new.body, "responses")
        for status in sorted(old_responses.keys() | new_responses.keys()):
            success = status.startswith("2")
            old_ptr = extend(old.pointer, "responses", status)
            new_ptr = extend(new.pointer, "responses", status)
            if status not in new_responses:
                breaking = Direction.RESPONSE if success else None
                emit("response removed", old_ptr, f"HTTP {status}", breaking)
            elif status not in old_responses:
                emit("response added", new_ptr, f"HTTP {status}", None)
            else:
                self._content(
                    mapping(_resolved(self.old_doc, old_responses[status]), "content"),
                    mapping(_resolved(self.new_doc, new_responses[status]), "content"),
                    f"{old_ptr}/content",
                    f"{new_ptr}/content",
                    emit,
                    Direction.RESPONSE if success else Direction(0),
                )

    def _content(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        old_ptr: str,
        new_ptr: str,
        emit: Emit,
        removal_breaks: Direction,
    ) -> None:
        for media in sorted(old.keys() | new.keys()):
            old_media = extend(old_ptr, media)
            new_media = extend(new_ptr, media)
            if media not in new:
                emit("media type removed", old_media, media, removal_breaks or None)
            elif media not in old:
                emit("media type added", new_media, media, None)
            else:
                self.differ.diff(
                    mapping(old, media).get("schema"),
                    mapping(new, media).get("schema"),
                    f"{old_media}/schema",
                    f"{new_media}/schema",
                    emit,
                )

    # -- named schemas -----------------------------------------------------------

    def _schemas(self, old_ops: dict[str, Operation], new_ops: dict[str, Operation]) -> None:
        usage = self._usage(old_ops, new_ops)
        renamed_old = {self.moved.get(name, name): name for name in self.old_schemas}
        changed: set[str] = set()
        for name in sorted(renamed_old.keys() | self.new_schemas.keys()):
            emit = self._emitter("schema", name, usage.get(name, Direction.BOTH))
            before = len(self.result.changes)
            if name in self.named or renamed_old.get(name) in self.inlined:
                continue
            if name not in self.new_schemas:
                # Code that imports the generated model class loses it.
                pointer = pointer_join("components", "schemas", renamed_old[name])
                emit("schema removed", pointer, name, Direction.BOTH)
            elif name not in renamed_old:
                emit("schema added", pointer_join("components", "schemas", name), name, None)
            else:
                old_name = renamed_old[name]
                self.differ.diff(
                    self.old_schemas[old_name],
                    self.new_schemas[name],
                    pointer_join("components", "schemas", old_name),
                    pointer_join("components", "schemas", name),
                    emit,
                )
            if len(self.result.changes) > before and name in self.new_schemas:
                changed.add(name)
        affected = []
        for key in sorted(old_ops.keys() & new_ops.keys()):
            uses = _reachable(self.new_doc, new_ops[key].body) & changed
            if uses:
                affected.append(f"{new_ops[key].label}: uses changed {', '.join(sorted(uses))}")
        if affected:
            self.result.notes["operations affected by schema changes"] = affected

    def _usage(
        self, old_ops: dict[str, Operation], new_ops: dict[str, Operation]
    ) -> dict[str, Direction]:
        """Which way each named schema's data travels, over both documents."""
        usage: dict[str, Direction] = {}
        for doc, ops, rename in (
            (self.old_doc, old_ops, self.moved),
            (self.new_doc, new_ops, {}),
        ):
            for op in ops.values():
                sent = {
                    "parameters": [p for _, p in op.parameters.values()],
                    "requestBody": op.body.get("requestBody"),
                }
                for node, direction in (
                    (sent, Direction.REQUEST),
                    (op.body.get("responses"), Direction.RESPONSE),
                ):
                    for name in _reachable(doc, node):
                        name = rename.get(name, name)
                        usage[name] = usage.get(name, Direction(0)) | direction
        return usage

    def _canonical(self, node: Any) -> str:
        return json.dumps(node if self.include_docs else without_docs(node), sort_keys=True)


# -- helpers -------------------------------------------------------------------------


def _template_key(path: str) -> str:
    """The path with its parameter names blanked: ``/a/{x}/b`` → ``/a/{}/b``."""
    return PATH_PARAMETER.sub("{}", path)


def _operations(doc: dict[str, Any]) -> dict[str, Operation]:
    operations: dict[str, Operation] = {}
    for path, item in mapping(doc, "paths").items():
        if not isinstance(item, dict):
            continue
        shared = _parameters(doc, item.get("parameters"), pointer_join("paths", path, "parameters"))
        for method in HTTP_METHODS:
            body = item.get(method)
            if not isinstance(body, dict):
                continue
            pointer = pointer_join("paths", path, method)
            own = _parameters(doc, body.get("parameters"), f"{pointer}/parameters")
            key = f"{method.upper()} {_template_key(path)}"
            operations[key] = Operation(
                f"{method.upper()} {path}", pointer, body, {**shared, **own}
            )
    return operations


def _parameters(
    doc: dict[str, Any], params: Any, pointer: str
) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    found: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for index, param in enumerate(params if isinstance(params, list) else []):
        resolved = _resolved(doc, param)
        if resolved is not None:
            key = (str(resolved.get("in")), str(resolved.get("name")))
            found[key] = (f"{pointer}/{index}", resolved)
    return found


def _resolved(doc: dict[str, Any], node: Any) -> dict[str, Any] | None:
    """``node`` with a top-level ``$ref`` followed (parameters, bodies, responses)."""
    seen = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        try:
            node = resolve_pointer(doc, node["$ref"])
        except KeyError:
            return None
    return node if isinstance(node, dict) else None


def _reachable(doc: dict[str, Any], node: Any) -> set[str]:
    """Names of the component schemas ``node`` uses, directly or through others."""
    followed: set[str] = set()
    pending = [node]
    while pending:
        for ref, _ in walk_refs(pending.pop()):
            if ref in followed or not ref.startswith("#/components/"):
                continue
            followed.add(ref)
            try:
                pending.append(resolve_pointer(doc, ref))
            except KeyError:
                continue  # a dangling reference uses nothing
    return {name for name in map(schema_name, followed) if name is not None}


def _written_in_place(
    named_doc: dict[str, Any], other_doc: dict[str, Any], names: set[str], include_docs: bool
) -> set[str]:
    """Those of ``names`` (components of ``named_doc``) that ``other_doc`` writes in place:
    wherever ``named_doc`` refers to one, ``other_doc`` holds a schema equal to it."""
    schemas = mapping(mapping(named_doc, "components"), "schemas")
    places: dict[str, list[str]] = {}
    for ref, path in walk_refs(named_doc):
        name = schema_name(ref)
        if name in names:
            places.setdefault(name, []).append(pointer_join(*path[:-1]))
    in_place = set()
    for name, pointers in places.items():
        form = _form(schemas[name], {}, include_docs)
        try:
            forms = {_form(resolve_pointer(other_doc, "#" + p), {}, include_docs) for p in pointers}
        except KeyError:
            continue  # the other document has nothing at one of those places
        if forms == {form}:
            in_place.add(name)
    return in_place


def _moved_schemas(old: dict[str, Any], new: dict[str, Any], include_docs: bool) -> dict[str, str]:
    """Old name → new name for schemas that only changed their name."""
    only_old = sorted(old.keys() - new.keys())
    only_new = sorted(new.keys() - old.keys())
    moved: dict[str, str] = {}
    for _ in range(len(only_old) + 1):  # a move inside a moved schema needs another round
        taken = set(moved.values())
        by_form = {
            _form(new[name], {}, include_docs): name for name in only_new if name not in taken
        }
        before = len(moved)
        for name in only_old:
            if name not in moved:
                match = by_form.pop(_form(old[name], moved, include_docs), None)
                if match is not None:
                    moved[name] = match
        if len(moved) == before:
            break
    return moved


def _form(schema: Any, rename: dict[str, str], include_docs: bool) -> str:
    """A canonical text of ``schema`` with references renamed, for equality tests."""

    def renamed(node: Any) -> Any:
        if isinstance(node, dict):
            out = {key: renamed(value) for key, value in node.items()}
            name = schema_name(node["$ref"]) if isinstance(node.get("$ref"), str) else None
            if name in rename:
                out["$ref"] = SCHEMA_PREFIX + rename[name]
            return out
        if isinstance(node, list):
            return [renamed(item) for item in node]
        return node

    form = renamed(schema)
    return json.dumps(form if include_docs else without_docs(form), sort_keys=True)


def _requirements(security: Any) -> frozenset[frozenset[tuple[str, tuple[str, ...]]]]:
    if not isinstance(security, list):
        return frozenset()
    return frozenset(
        frozenset((name, tuple(sorted(scopes or ()))) for name, scopes in req.items())
        for req in security
        if isinstance(req, dict) and req
    )


def _show_requirements(requirements: frozenset[frozenset[tuple[str, tuple[str, ...]]]]) -> str:
    if not requirements:
        return "none"
    return " or ".join(sorted(" + ".join(sorted(name for name, _ in req)) for req in requirements))


def _param_label(key: tuple[str, str]) -> str:
    location, name = key
    return f"{location} parameter {name!r}"
