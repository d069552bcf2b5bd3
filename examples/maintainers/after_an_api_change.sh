#!/usr/bin/env bash
# After NERSC changed the API: take the live document, regenerate, review, test.
set -euo pipefail

make drift || true          # what changed, with a verdict per change
make drift-update           # write the live document into spec/ and regenerate
git diff --stat spec/ generated/
git diff generated/sfapi_client/models/
make test                   # the regeneration check, lint, types and every test
git add spec/ generated/
git commit -m "spec: the live API document of $(date -u +%F)"
