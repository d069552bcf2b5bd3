"""A document split over many files, read as one: relative ``$ref``s between files.

Large descriptions are written as a root file whose ``$ref``s name other files
(``resources/droplets/models/droplet.yml``, ``../shared/errors.yml#/components/schemas/Error``),
each resolved relative to the file that holds it, YAML or JSON by its name. The result
is one document whose references are all local (``#/...``), so every later stage reads
it as if it had been written in one file:

* a schema found in another file becomes a component schema of its own (one class,
  however many places use it), named after its pointer's last part
  (``#/components/schemas/Error`` → ``Error``) or its file (``droplet.yml`` →
  ``droplet``); a name already taken is qualified by the file's folder
  (``droplets_error``), then numbered. A root component that is only a reference to
  another file (``Droplet: {$ref: droplet.yml}``) gives that schema its own name. A
  schema that refers to itself through other files stays a reference, so recursive
  models work as they do within one file;
* anything else (a path item, a parameter, a response) is copied where it is used,
  its own references followed relative to its file; a chain of such references that
  comes back to itself is an error.

Only files under the root document's folder are read: a reference to a URL (no network
is used), an absolute path, or a path leaving that folder is refused, as is a missing
file or a pointer that names nothing. Each refusal is one problem naming the file and
the JSON pointer of the ``$ref``. Names come in the order the document is read, so one
document always bundles the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from .problems import GeneratorError, Level, Problem, pointer_join
from .structure import NAME_MAPS, is_data

SCHEMAS_POINTER = "/components/schemas/"
#: Pointer prefixes that hold named schemas: their last part names the schema.
_SCHEMA_MAPS = ("/components/schemas/", "/definitions/", "/$defs/")

#: A file and a JSON pointer in it ("" for the whole file).
Target = tuple[Path, str]


@dataclass(frozen=True)
class Bundled:
    """The document with every reference local, and the files besides the root it read."""

    document: dict[str, Any]
    parts: tuple[Path, ...]


def has_external_refs(node: Any, *, local_too: bool = False) -> bool:
    """Whether any ``$ref`` under ``node`` names something outside its own file (or
    anything at all, with ``local_too``)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and (local_too or not ref.startswith("#")):
            return True
        return any(has_external_refs(v, local_too=local_too) for v in node.values())
    if isinstance(node, list):
        return any(has_external_refs(item, local_too=local_too) for item in node)
    return False


def bundle(root: Path, document: dict[str, Any]) -> Bundled:
    """``document`` (read from ``root``) with the files it refers to read into it.

    GeneratorError listing every reference that cannot be followed.
    """
    if not has_external_refs(document):
        return Bundled(document, ())
    return _Bundler(root, document).run()


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


class _Bundler:
    def __init__(self, root: Path, document: dict[str, Any]) -> None:
        self.root = root.resolve()
        self.root_source = str(root)
        self.folder = self.root.parent
        self.files: dict[Path, Any] = {self.root: document}
        self.problems: list[Problem] = []
        #: Schemas from other files, by where they are, and the component name each took.
        self.names: dict[Target, str] = {}
        self.hoisted: dict[str, Any] = {}
        components = document.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        self.schemas: dict[str, Any] = schemas if isinstance(schemas, dict) else {}
        self.taken: set[str] = set(self.schemas)
        #: Non-schema objects being copied in, for cycles; and those already copied.
        self.copying: list[Target] = []
        self.copied: dict[tuple[Path, str, bool], Any] = {}

    def run(self) -> Bundled:
        document = self.files[self.root]
        self._name_root_aliases()
        result: dict[str, Any] = self.convert(document, self.root, (), False)
        if self.problems:
            unique = {str(problem): problem for problem in self.problems}
            raise GeneratorError(list(unique.values()))
        if self.hoisted:
            components = result.get("components")
            components = dict(components) if isinstance(components, dict) else {}
            schemas = components.get("schemas")
            schemas = schemas if isinstance(schemas, dict) else {}
            components["schemas"] = {**schemas, **self.hoisted}
            result = {**result, "components": components}
        parts = tuple(sorted(path for path in self.files if path != self.root))
        return Bundled(result, parts)

    def _name_root_aliases(self) -> None:
        """A root component that only refers to a schema in another file names it."""
        for name, schema in self.schemas.items():
            if not (isinstance(schema, dict) and set(schema) == {"$ref"}):
                continue
            target = self.target(schema["$ref"], self.root, ("components", "schemas", name))
            if target is not None and target[0] != self.root and target not in self.names:
                self.names[target] = name

    # -- reading ------------------------------------------------------------------------

    def problem(self, message: str, file: Path, path: tuple[str | int, ...]) -> None:
        source = self.root_source if file == self.root else str(file)
        self.problems.append(Problem(Level.ERROR, message, source, pointer_join(*path)))

    def target(self, ref: str, file: Path, path: tuple[str | int, ...]) -> Target | None:
        """The file and pointer ``ref`` names, or None (with a problem) when it cannot be
        followed."""
        where = (*path, "$ref")
        try:
            parts = urlsplit(ref)
        except ValueError as exc:  # an unbalanced "[" of an IPv6 host
            self.problem(f"$ref {ref!r} is not a valid reference: {exc}", file, where)
            return None
        if parts.scheme or parts.netloc:
            self.problem(
                f"$ref {ref!r} names a URL: only files beside the document are read "
                "(no network); save it next to the document and refer to it by a relative path",
                file,
                where,
            )
            return None
        fragment = unquote(parts.fragment)
        if fragment and not fragment.startswith("/"):
            self.problem(
                f"$ref {ref!r}: the part after '#' must be a JSON pointer (#/...)", file, where
            )
            return None
        if not parts.path:
            return file, fragment
        relative = PurePosixPath(unquote(parts.path))
        if relative.is_absolute():
            self.problem(
                f"$ref {ref!r} is an absolute path; refer to files relative to the one "
                "that refers to them",
                file,
                where,
            )
            return None
        try:
            resolved = (file.parent / relative).resolve()
        except (OSError, ValueError) as exc:  # a NUL character, a loop of symbolic links
            self.problem(f"$ref {ref!r} names no readable file: {exc}", file, where)
            return None
        if not resolved.is_relative_to(self.folder):
            self.problem(
                f"$ref {ref!r} leads outside the document's folder {self.folder}; only "
                "files under it are read",
                file,
                where,
            )
            return None
        return resolved, fragment

    def read(self, target: Target, ref: str, file: Path, path: tuple[str | int, ...]) -> Any:
        """What ``target`` holds; None with a problem when the file or pointer is missing."""
        from .load import read_document

        target_file, fragment = target
        if target_file not in self.files:
            try:
                found = target_file.is_file()
            except (OSError, ValueError):
                found = False
            if not found:
                self.problem(
                    f"dangling $ref {ref!r}: file {target_file} not found", file, (*path, "$ref")
                )
                return None
            self.files[target_file] = read_document(target_file)
        node = self.files[target_file]
        for raw in fragment.split("/")[1:]:
            part = _unescape(raw)
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                self.problem(
                    f"dangling $ref {ref!r}: #{fragment} does not resolve in {target_file}",
                    file,
                    (*path, "$ref"),
                )
                return None
        return node

    # -- converting ---------------------------------------------------------------------

    def convert(self, node: Any, file: Path, path: tuple[str | int, ...], in_schema: bool) -> Any:
        """``node`` of ``file`` (at ``path`` in it) with its references made local."""
        if isinstance(node, list):
            return [self.convert(item, file, (*path, i), in_schema) for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str):
            # A map (``properties: {$ref: attributes.yml}``) is copied in, never a schema.
            is_map = path[-1:] != () and path[-1] in NAME_MAPS
            is_map = is_map and (len(path) == 1 or path[-2] not in NAME_MAPS)
            return self.reference(node, ref, file, path, in_schema and not is_map, in_schema)
        converted: dict[str, Any] = {}
        for key, value in node.items():
            in_name_map = path[-1:] != () and path[-1] in NAME_MAPS
            example = not in_name_map and (
                key == "example"
                or (key == "examples" and in_schema)
                or (key == "value" and not in_schema and path[-2:-1] == ("examples",))
            )
            if example and has_external_refs(value, local_too=file != self.root):
                # An example is a value, but descriptions split over files keep their
                # examples in files too (example: {$ref: examples.yml#/droplet}), and
                # mean them to be read in.
                converted[key] = self.convert(value, file, (*path, key), False)
            elif example or (is_data(key, path[-1] if path else None) and key != "examples"):
                converted[key] = value
            elif in_schema and key == "discriminator" and isinstance(value, dict):
                converted[key] = self.discriminator(value, file, (*path, key))
            else:
                # A schema starts under "schema" (a parameter's, a media type's) and at
                # each entry of a "schemas" map; everything inside one is schema too.
                child = in_schema or key == "schema" or path[-1:] == ("schemas",)
                converted[key] = self.convert(value, file, (*path, key), child)
        return converted

    def reference(
        self,
        node: dict[str, Any],
        ref: str,
        file: Path,
        path: tuple[str | int, ...],
        as_schema: bool,
        in_schema: bool | None = None,
    ) -> Any:
        """What the reference ``node`` stands for: a reference to a component for a
        schema (``as_schema``), else a copy of its target, read as schema when
        ``in_schema`` (a map of properties)."""
        in_schema = as_schema if in_schema is None else in_schema
        if ref.startswith("#") and file == self.root:
            return node
        target = self.target(ref, file, path)
        if target is None:
            return node
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if target[0] == self.root:
            return {**siblings, "$ref": "#" + target[1]}
        if as_schema:
            name = self.schema_name(target, ref, file, path)
            if name is None:
                return node
            return {**siblings, "$ref": "#" + SCHEMAS_POINTER + _escape(name)}
        if target in self.copying:
            loop = " → ".join(self.shown(t) for t in [*self.copying, target])
            self.problem(f"circular $ref: {loop}", file, (*path, "$ref"))
            return node
        key = (*target, in_schema)
        if key not in self.copied:
            content = self.read(target, ref, file, path)
            if content is None:
                return node
            self.copying.append(target)
            pointer = tuple(_unescape(p) for p in target[1].split("/")[1:])
            self.copied[key] = self.convert(content, target[0], pointer, in_schema)
            self.copying.pop()
        copied = self.copied[key]
        if isinstance(copied, dict) and siblings:
            # OpenAPI 3.1 lets a reference override the summary and description.
            return {**copied, **siblings}
        return copied

    def shown(self, target: Target) -> str:
        """A target as a reference from the document's folder: ``paths/a.yaml#/get``."""
        target_file, fragment = target
        return target_file.relative_to(self.folder).as_posix() + (
            f"#{fragment}" if fragment else ""
        )

    def discriminator(
        self, node: dict[str, Any], file: Path, path: tuple[str | int, ...]
    ) -> dict[str, Any]:
        """A discriminator whose ``mapping`` references are made local (plain schema
        names, without ``/`` or ``#``, stay as they are)."""
        mapping = node.get("mapping")
        if not isinstance(mapping, dict):
            return node
        local: dict[str, Any] = {}
        for key, value in mapping.items():
            local[key] = value
            if isinstance(value, str) and ("/" in value or "#" in value):
                converted = self.reference(
                    {"$ref": value}, value, file, (*path, "mapping", key), True
                )
                local[key] = converted.get("$ref", value)
        return {**node, "mapping": local}

    def schema_name(
        self, target: Target, ref: str, file: Path, path: tuple[str | int, ...]
    ) -> str | None:
        """The component name of a schema in another file, hoisting it on first use."""
        name = self.names.get(target)
        if name is not None and name in self.hoisted:
            return name
        content = self.read(target, ref, file, path)
        if content is None:
            return None
        if name is None:
            name = self.free_name(target)
            self.names[target] = name
        self.taken.add(name)
        self.hoisted[name] = None  # reserved: a schema that refers back to itself finds it
        pointer = tuple(_unescape(p) for p in target[1].split("/")[1:])
        self.hoisted[name] = self.convert(content, target[0], pointer, True)
        return name

    def free_name(self, target: Target) -> str:
        target_file, fragment = target
        stem = target_file.name.split(".")[0] or "schema"
        base = stem
        for prefix in _SCHEMA_MAPS:
            if fragment.startswith(prefix) and "/" not in fragment[len(prefix) :]:
                base = _unescape(fragment[len(prefix) :])
                break
        else:
            if fragment:
                base = f"{stem}_{_unescape(fragment.rsplit('/', 1)[-1])}"
        candidates = [base, f"{target_file.parent.name}_{base}"]
        for candidate in candidates:
            if candidate and candidate not in self.taken:
                return candidate
        number = 2
        while f"{candidates[-1]}_{number}" in self.taken:
            number += 1
        return f"{candidates[-1]}_{number}"
