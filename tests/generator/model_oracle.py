"""datamodel-code-generator as an oracle for the models the generator writes.

The generator writes its pydantic models itself (``generator/model_source.py``).
datamodel-code-generator, a widely used generator we did not write, reads the same
normalised schemas here with the options the generator once ran it with (pydantic v2,
3.0 ``nullable`` honoured everywhere, e-mail addresses as text), and the two sets of
classes are compared by what they accept: the JSON Schema pydantic derives from each
class, without the keywords that only document (titles, descriptions, examples).

``test_model_oracle.py`` runs the comparison over the corpus; ``compare`` can be used
on any document from a shell as well::

    .venv/bin/python -m tests.generator.model_oracle CONFIG
"""

from __future__ import annotations

import enum
import importlib.util
import json
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.assemble import read_static, reserved_names
from generator.config import Config, load_config
from generator.load import load_document
from generator.locations import TEMPLATES
from generator.model_source import schema_models_source
from generator.normalise import normalise

#: The options the generator ran datamodel-code-generator with.
OPTIONS: dict[str, Any] = {
    "disable_timestamp": True,
    "use_standard_collections": True,
    "use_union_operator": True,
    "use_schema_description": True,
    "use_field_description": True,
    "field_constraints": True,
    "use_annotated": True,
    "strict_nullable": True,
    "set_default_enum_member": True,
    "type_mappings": ["email=string", "idn-email=string"],
    "formatters": [],
}

#: Keywords of a JSON Schema that document a value rather than constrain it.
DOCUMENTING = frozenset({"title", "description", "examples", "deprecated", "xml"})


def oracle_source(normalised: dict[str, Any]) -> str:
    """datamodel-code-generator's module for the schemas of a normalised document."""
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import PythonVersion

    components = {
        "openapi": normalised["openapi"],
        "info": {"title": "", "version": ""},
        "paths": {},
        "components": {"schemas": normalised["components"]["schemas"]},
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = generate(
            json.dumps(components),
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            **OPTIONS,
        )
    assert isinstance(result, str)
    return result


def normalised_document(config: Config) -> dict[str, Any]:
    """The document of ``config`` as the generator's models stage receives it."""
    static = read_static(config, TEMPLATES)
    document = load_document(config.spec).document
    normalised, _ = normalise(document, config, reserved_names(config, static.exported))
    return normalised


@dataclass
class Comparison:
    """Classes of one side only, and classes that accept different values."""

    only_oracle: list[str] = field(default_factory=list)
    only_ours: list[str] = field(default_factory=list)
    differing: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    compared: int = 0


def compare(normalised: dict[str, Any], scratch: Path, tag: str) -> Comparison:
    """Write both modules of ``normalised`` into ``scratch``, import them and compare
    every class the two share."""
    ours_source, _ = schema_models_source(normalised["components"]["schemas"], "")
    ours = _imported(scratch / f"ours_{tag}.py", ours_source)
    oracle = _imported(scratch / f"oracle_{tag}.py", oracle_source(normalised))
    ours_classes, oracle_classes = _classes(ours), _classes(oracle)
    result = Comparison(
        only_oracle=sorted(set(oracle_classes) - set(ours_classes)),
        only_ours=sorted(set(ours_classes) - set(oracle_classes)),
    )
    for name in sorted(set(ours_classes) & set(oracle_classes)):
        result.compared += 1
        mine, theirs = _accepts(ours_classes[name]), _accepts(oracle_classes[name])
        if mine != theirs:
            result.differing[name] = (mine, theirs)
    return result


def _imported(path: Path, source: str) -> ModuleType:
    path.write_text(source, encoding="utf-8")
    name = f"_model_oracle_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _classes(module: ModuleType) -> dict[str, type]:
    return {
        name: value
        for name, value in vars(module).items()
        # pydantic adds the classes it parametrises (``RootModel[int]``) to the module.
        if isinstance(value, type) and value.__module__ == module.__name__ and name.isidentifier()
    }


def _accepts(cls: type) -> Any:
    """What a class accepts: an enum's values, or its JSON Schema without the keywords
    that only document, references replaced by what they name."""
    if issubclass(cls, enum.Enum):
        return ("enum", sorted(repr(member.value) for member in cls))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = cls.model_json_schema()  # type: ignore[attr-defined]
    definitions = schema.pop("$defs", {})
    return _plain(schema, definitions, 0)


def _plain(node: Any, definitions: dict[str, Any], depth: int) -> Any:
    """``node`` with documenting keywords dropped, ``$ref``s inlined (four levels deep,
    then named by the last part), and ``anyOf: [X, {}]``-style unions with ``Any``
    read as ``Any``."""
    if isinstance(node, list):
        return [_plain(item, definitions, depth) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        key = ref.rsplit("/", 1)[-1]
        if depth >= 4 or key not in definitions:
            return {"ref": "…"}
        return _plain(definitions[key], definitions, depth + 1)
    plain = {k: _plain(v, definitions, depth) for k, v in node.items() if k not in DOCUMENTING}
    members = plain.get("anyOf")
    if isinstance(members, list) and {} in members:
        plain.pop("anyOf")
    # Two choices of ours, where the oracle does otherwise: an object that lists no
    # properties keeps the keys it gets (the oracle's drops them), and ``format: byte``
    # stays the base64 text it is (the oracle's decodes it).
    if plain.get("properties") == {} and plain.get("additionalProperties") is True:
        plain.pop("additionalProperties")
    if plain.get("format") == "base64":
        plain.pop("format")
    return plain


def main(argv: list[str]) -> int:
    config = load_config(Path(argv[0]))
    with tempfile.TemporaryDirectory() as scratch:
        result = compare(normalised_document(config), Path(scratch), "cli")
    print(f"{result.compared} classes compared, {len(result.differing)} differ")
    print("only the oracle's:", ", ".join(result.only_oracle) or "none")
    print("only ours:", ", ".join(result.only_ours) or "none")
    for name, (mine, theirs) in result.differing.items():
        print(f"\n{name}\n  ours:   {json.dumps(mine)[:600]}\n  oracle: {json.dumps(theirs)[:600]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
