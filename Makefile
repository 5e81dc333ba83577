# docbind — `make generate` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DOCBIND := $(VENV)/bin/docbind
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
DOCS   ?= docs_src
OUT    ?= generated
CORPUS ?= ../shared/corpus
CATALOGUE ?= ../shared/catalogue
SEEDS  := tests/fixtures/seeds

REVISIONS ?= ../shared/revisions

.PHONY: generate check lint sync test test-corpus test-catalogue catalogue-table test-revisions test-fuzz report bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

generate: $(STAMP)
	$(DOCBIND) generate --docs $(DOCS) --out $(OUT)
	$(DOCBIND) generate --docs $(SEEDS) --out $(SEEDS)_generated --quiet  # the seeds' golden output

check: $(STAMP)
	$(DOCBIND) check --docs $(DOCS) --out $(OUT)

lint: $(STAMP)
	$(DOCBIND) lint --docs $(DOCS)

sync: $(STAMP)
	$(DOCBIND) sync --docs $(DOCS)

test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q -m "not corpus and not catalogue"

test-corpus: $(STAMP) $(NODE_STAMP)
	DOCBIND_CORPUS=$(CORPUS) $(PY) -m pytest -q -m corpus

# all 56 references: documents, oracle coverage, Redocly, clients (slow: see the README)
test-catalogue: $(STAMP) $(NODE_STAMP)
	DOCBIND_CORPUS=$(CORPUS) DOCBIND_CATALOGUE=$(CATALOGUE) $(PY) -m pytest -q -m catalogue

catalogue-table: $(STAMP)
	$(PY) -m tests.catalogue_table --docs $(CORPUS) --docs $(CATALOGUE)

test-revisions: $(STAMP)
	$(PY) tests/revisions.py --revisions $(REVISIONS) --floor tests/revisions_floor.json

test-fuzz: $(STAMP)
	DOCBIND_FUZZ=1 DOCBIND_CORPUS=$(CORPUS) $(PY) -m pytest -q -m fuzz
	cat reports/fuzz.json

report: $(STAMP)
	$(DOCBIND) report --docs $(CORPUS)

bench: $(STAMP)
	$(PY) -m compileall -q generator  # byte-compiled as an installed package is (PYTHONDONTWRITEBYTECODE may be set)
	$(PY) tests/bench.py --docs $(CORPUS)
	$(PY) tests/bench_diff.py --docs $(CORPUS)

clean:
	rm -rf $(VENV) node_modules .pytest_cache
