#!/usr/bin/env bash
# Parse a document's documented GET examples with the models generated from it, from the
# repository's root: DOCUMENT is the OpenAPI document (JSON), CONFIG a codegen.toml naming it
# and its package PACKAGE, OUT a scratch folder.
set -euo pipefail
DOCUMENT=${1:?the OpenAPI document} CONFIG=${2:?its codegen.toml} OUT=${3:?a folder}
PACKAGE=${4:?the package name}
.venv/bin/python -m generator codegen --config "$CONFIG" --out "$OUT"
.venv/bin/python -m tests.generator.example_parse "$DOCUMENT" "$OUT" "$PACKAGE" --show 2
