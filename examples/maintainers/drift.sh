#!/usr/bin/env bash
# Compare the live OpenAPI document with the committed one, from the repository's root.
# SFAPI_SPEC_URL (a URL or a file) replaces the live document's address.
set -uo pipefail

python -m generator drift --format markdown
status=$?
case $status in
  0) echo "no drift" ;;
  1) echo "only non-breaking drift: regenerate when convenient" ;;
  2) echo "breaking drift: regenerate and review before the next release" ;;
  *) echo "the live document could not be fetched or parsed"; exit "$status" ;;
esac
