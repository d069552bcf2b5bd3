#!/usr/bin/env bash
# Run the generator over OpenAPI documents it has never seen, from the repository's root:
# each gets the two-line configuration, is generated, imported (every model loaded) and
# checked with mypy --strict; one row per document, then the first problems of each.
# FOLDER holds the documents (or name them one by one); OUT keeps the packages.
set -euo pipefail
FOLDER=${1:?a folder of OpenAPI documents} OUT=${2:-build/published}
.venv/bin/python -m tests.generator.published_sweep "$FOLDER" --out "$OUT" --show 5
