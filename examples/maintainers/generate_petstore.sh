#!/usr/bin/env bash
# Generate a client package for petstore.yaml, then use it. Run from the repository's
# root (where the generator lives); the package goes to the folder given, or build/.
set -euo pipefail
out=${1:-build}

python -m generator codegen --config examples/maintainers/petstore.toml --out "$out"

# The package has the shape of sfapi_client's low-level layer: models and clients.
PYTHONPATH=$out python -c '
from petstore_client import ApiClient
from petstore_client.models import Pet

print(Pet(id=1, name="Rex"))
with ApiClient() as client:
    print(client.base_url, [name for name in dir(client.pets) if not name.startswith("_")])
'
