# The Local Offer's two everyday commands: `make site` and `make test`.
# Each sets up .venv with the pinned dependencies the first time, and again
# whenever the requirements change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test test-fast serve preview validate catalogues clean

## site: build the site from services/ into site/
site: $(VENV)/.runtime
	$(BIN)/python build_offer.py build

## test: run the whole test suite
test: $(VENV)/.test
	$(BIN)/python -m pytest -n 2

## test-fast: the quick part of the suite: no browser tests, nothing marked slow
test-fast: $(VENV)/.test
	$(BIN)/python -m pytest -n 2 -m "not browser and not slow"

## serve: live preview at http://127.0.0.1:8000/ that updates as you edit
serve: $(VENV)/.runtime
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## preview: serve the built site/ (with search) at http://127.0.0.1:8000/
preview: $(VENV)/.runtime
	$(BIN)/python -m http.server --directory site --bind 127.0.0.1 8000

## validate: check every record
validate: $(VENV)/.runtime
	$(BIN)/python build_offer.py validate

## catalogues: gather the site's own words (templates, overrides, titles) into
## local_offer/site/locales/messages.pot and bring each language's .po up to date;
## a changed message is marked fuzzy, and not shown, until a translator checks it
catalogues: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k listPage_ -k listPageNgettext:1,2 --no-location --sort-output --omit-header \
	  --project=local-offer -o local_offer/site/locales/messages.pot .
	$(BIN)/pybabel update -i local_offer/site/locales/messages.pot -d local_offer/site/locales \
	  --ignore-obsolete

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime requirements-test.txt package.json package-lock.json
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	npm ci --silent --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) site .site-new-* .site-old-* .site.lock node_modules
