"""YAML documents read as the JSON data they stand for.

OpenAPI documents in YAML are JSON written another way, so the loader keeps to JSON's
data model: timestamps stay strings (``version: 2024-01-01`` is text, not a date),
mapping keys become strings (``200:`` is the status ``"200"``), numbers written with
an exponent as JSON writes them (``1e-08``, ``2.5E3``) are numbers, as in YAML 1.2 (YAML
1.1's rules read them as text), and anchors and aliases are expanded. A key given twice
is an error rather than a silent overwrite.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class YamlError(Exception):
    """The text is not YAML, or not YAML that maps onto JSON data; the message says where."""


#: libyaml's parser where PyYAML was built with it: several times faster on the large
#: documents (and the thousands of files of a split one) than the pure Python parser.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _JsonDataLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """A safe loader without the timestamp type and with JSON-compatible keys."""


# Copy the resolvers before dropping timestamps, so that yaml.SafeLoader is not changed.
_JsonDataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

#: A number with an exponent and no dot or no exponent sign (``1e-08``, ``1.5e3``): JSON
#: and YAML 1.2 read a number, YAML 1.1's float rule asks for both.
_EXPONENT_NUMBER = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$")
_JsonDataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", _EXPONENT_NUMBER, list("-+0123456789.")
)


def _key_text(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, int | float | str):
        return str(key)
    raise TypeError(type(key).__name__)


def _construct_mapping(loader: _JsonDataLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            text = _key_text(key)
        except TypeError as exc:
            raise YamlError(
                f"a mapping key of type {exc} at line {key_node.start_mark.line + 1} "
                "cannot be a JSON object key"
            ) from None
        if text in result:
            raise YamlError(
                f"duplicate key {text!r} at line {key_node.start_mark.line + 1}, "
                f"column {key_node.start_mark.column + 1}"
            )
        result[text] = loader.construct_object(value_node, deep=True)
    return result


_JsonDataLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str) -> Any:
    """The data of one YAML document; YamlError with the line and column when it is not."""
    try:
        return yaml.load(text, Loader=_JsonDataLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise YamlError(f"{exc.problem or exc.context}{where}") from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc)) from None
