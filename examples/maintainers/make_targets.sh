# From the repository's root; every target creates and uses .venv by itself.
make codegen          # regenerate generated/sfapi_client (a no-op when nothing changed)
make test             # regeneration check, lint, mypy --strict, docs, and the test suite
make setup            # only the virtual environment
make lint typecheck   # ruff, and mypy --strict
make check-generated  # generated/ against what spec/, templates/ and generator/ produce
make soak             # the long reliability runs
make sim              # the simulator on 127.0.0.1:8766, alice's key in sim-key.pem
make dist             # the wheel and the sdist, into dist/
make docs             # the site, into site/ (strict: any warning fails)
make docs-serve       # the site on 127.0.0.1:8000, rebuilt on every change
make bench            # ours against the peers; see the performance page
