# One entry point for developers and CI: every target creates and uses .venv by itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup dist codegen check-generated lint typecheck test soak sim bench drift drift-update release-proposal docs docs-serve clean

#: Integrations of other tools, each a distribution of its own (installed editable too).
INTEGRATIONS := integrations/prefect-sfapi

$(STAMP): pyproject.toml $(addsuffix /pyproject.toml,$(INTEGRATIONS))
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[codegen,sim,auth,cli,dev,docs]' \
		$(addprefix -e ,$(INTEGRATIONS))
	touch $(STAMP)

## setup: create .venv with the package, the generator, the simulator, the dev tools and
##        the integrations (prefect-sfapi, with Prefect 3)
setup: $(STAMP)

## dist: build the wheel and the source distribution into dist/ (no network needed)
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	$(BIN)/python -c 'from setuptools import build_meta; build_meta.build_sdist("dist")' >/dev/null
	@ls dist

## codegen: regenerate generated/sfapi_client from spec/, generator/ and templates/
codegen: $(STAMP)
	$(BIN)/python -m generator unasync

## check-generated: fail if generated/ differs from what the committed inputs produce
check-generated: $(STAMP)
	$(BIN)/python -m generator check

## lint: ruff on hand-written code and tests
lint: $(STAMP)
	$(BIN)/ruff check generator templates/static simulator cli tests bench examples docs_hooks \
		$(INTEGRATIONS)
	$(BIN)/ruff format --check generator templates/static simulator cli tests bench examples docs_hooks \
		$(INTEGRATIONS)

## typecheck: mypy --strict on the package, the generator, the simulator, the CLI and the
##        integrations
typecheck: $(STAMP)
	$(BIN)/mypy --strict generated/sfapi_client generator simulator/sfapi_sim cli/sfapi_cli \
		integrations/prefect-sfapi/prefect_sfapi

## test: everything CI runs
test: check-generated lint typecheck docs
	$(BIN)/python -m pytest -q -m "not soak"

## soak: the long reliability runs
soak: $(STAMP)
	$(BIN)/python -m pytest -q -m soak

## sim: run the local SF API simulator on 127.0.0.1:8766, alice's key in sim-key.pem;
##      it prints the export lines that point the client and the examples at it
sim: $(STAMP)
	$(BIN)/sfapi-sim serve --key-out sim-key.pem

## drift: compare the live spec with spec/openapi.json (FORMAT=text|json|markdown;
##        exit 0 no drift, 1 non-breaking, 2 breaking, 3 could not fetch)
FORMAT ?= text
drift: $(STAMP)
	$(BIN)/python -m generator drift --format $(FORMAT)

## drift-update: write the live spec into spec/openapi.json and regenerate
drift-update: $(STAMP)
	$(BIN)/python -m generator drift --update

## release-proposal: take the live spec in (AGAINST=URL|FILE, default the live URL): regenerate,
##        raise the version, add the CHANGELOG.md entry, print the pull request body (also
##        to BODY=FILE if given); refused on a tree with uncommitted changes. Succeeds when
##        a release was proposed (exit 1 or 2 of the command) or nothing drifted (0).
release-proposal: $(STAMP)
	@$(BIN)/python -m generator release $(if $(AGAINST),--against $(AGAINST)) \
		$(if $(BODY),--body-file $(BODY)); status=$$?; [ $$status -le 2 ] || exit $$status

## docs: build the documentation site into site/; any warning (a broken link or
##       reference, a missing example) fails the build
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## docs-serve: serve the site on 127.0.0.1:8000, rebuilt on every change
docs-serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

clean:
	rm -rf $(VENV) site dist .mypy_cache .pytest_cache .ruff_cache

## bench: ours against the peers (side environments in bench/.peers/); writes bench/results.json
##        and rewrites the tables of docs/maintainers/performance.md from it
bench: $(STAMP)
	$(BIN)/python bench/run.py
