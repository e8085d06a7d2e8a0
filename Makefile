# The two commands of the README:
#   make run   - the portal with demo data on http://127.0.0.1:8000/ (SQLite, tasks in-process)
#   make test  - installs what is missing and runs every check and test (three passes:
#                PostgreSQL; SQLite; the date-sensitive tests at a late-evening UTC hour)
# Both are idempotent: a second run reuses the venv and the database.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test check lint messages makemessages migrate demo clean-venv bench bench-pages \
	bench-lighthouse bench-import lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs come from the lock files (requirements/*.txt: every package pinned
# with its hashes, so a fresh machine gets exactly what was tested; pip
# refuses a file whose hash differs), then the project itself without
# dependencies. Reinstall only when pyproject.toml or a lock changes;
# `make lock` refreshes the locks after a change of pyproject.toml.
$(VENV)/.installed-run: pyproject.toml requirements/main.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/main.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements/test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@# Django prefers psycopg 3 whenever it is importable; keep psycopg2 under test.
	@if $(BIN)/python -c 'import psycopg' 2>/dev/null; then $(BIN)/pip uninstall --quiet -y psycopg psycopg-binary psycopg-c; fi
	touch $@ $(VENV)/.installed-run

messages: $(VENV)/.installed-run
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v 0

# For developers: refresh the catalogues after changing strings.
makemessages: $(VENV)/.installed-run
	$(BIN)/python manage.py makemessages -l ru -l en --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore=bench

run:
	scripts/system-deps.sh run
	$(MAKE) --no-print-directory $(VENV)/.installed-run
	$(MAKE) --no-print-directory messages
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py load_demo
	@echo "Serving the portal at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	@# The layers of ARCHITECTURE.md (contracts in pyproject.toml).
	$(BIN)/lint-imports --no-cache

check: $(VENV)/.installed-test
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check --fail-level WARNING

# The browser quality tests' tools from npm (axe-core, vnu-jar), as locked;
# --ignore-scripts: vnu-jar runs on the machine's Java, not one it downloads.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test:
	scripts/system-deps.sh test
	$(MAKE) --no-print-directory $(VENV)/.installed-test
	$(MAKE) --no-print-directory node_modules/.package-lock.json
	$(MAKE) --no-print-directory messages
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory check
	@echo "== Full suite on PostgreSQL, Redis, a real Celery worker and Chromium =="
	$(BIN)/python -m pytest
	@echo "== The embedded default: the suite again on SQLite (PostgreSQL-only and browser tests deselected) =="
	ALMATY_TEST_DB=sqlite $(BIN)/python -m pytest -m "not postgresql and not browser and not celery_worker"
	@echo "== The tests marked 'dates' again at 23:30 UTC (already tomorrow in Almaty), on SQLite =="
	ALMATY_TEST_CLOCK=23:30 ALMATY_TEST_DB=sqlite $(BIN)/python -m pytest -m "dates and not postgresql and not browser and not celery_worker"

# The benchmarks (bench/RESULTS.md), every one in one go, into one results
# JSON and one Markdown file in var/bench/: the web benchmark's PostgreSQL,
# Redis and 100,000-document dataset persist there (the first run generates
# it: about half an hour on 2 cores; later runs reuse it). `make bench
# BENCH_QUICK=1` runs every case briefly (a check of the pipeline); other
# settings (BENCH_VAR, BENCH_WEB_DOCUMENTS, BENCH_LABEL): bench/run.py.
# Among them bench/pages.py (issue 25): every page beside the bare view,
# cached, with the page cache off and signed in, and the workers' memory;
# alone: `make bench-pages` (BENCH_QUICK=1, BENCH_LABEL=before...).
bench:
	scripts/system-deps.sh bench
	$(MAKE) --no-print-directory $(VENV)/.installed-test
	$(MAKE) --no-print-directory messages
	$(BIN)/python bench/run.py

bench-pages:
	scripts/system-deps.sh bench
	$(MAKE) --no-print-directory $(VENV)/.installed-test
	$(MAKE) --no-print-directory messages
	$(BIN)/python -m bench.pages

# Importing an existing archive (issue 27): 5,000 generated documents through
# archive_import on a throwaway PostgreSQL, with the search's latency while it
# runs (bench/import.py; BENCH_IMPORT_DOCUMENTS for another count).
bench-import:
	scripts/system-deps.sh bench
	$(MAKE) --no-print-directory $(VENV)/.installed-test
	$(MAKE) --no-print-directory messages
	$(BIN)/python -m bench.import

# Lighthouse's scores of issue 25's pages in Debian's Chromium (bench/lighthouse.py).
bench-lighthouse:
	scripts/system-deps.sh bench
	$(MAKE) --no-print-directory $(VENV)/.installed-test
	$(MAKE) --no-print-directory node_modules/.package-lock.json
	$(MAKE) --no-print-directory messages
	$(BIN)/python -m bench.lighthouse

# Refresh the lock files from pyproject.toml (the newest releases its ranges
# allow), with the hashes of every file of each release. Commit the result.
PIP_COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --upgrade
lock: | $(BIN)/python
	$(BIN)/pip install --quiet 'pip-tools>=7.4,<8'
	mkdir -p requirements
	$(PIP_COMPILE) --output-file requirements/main.txt pyproject.toml
	$(PIP_COMPILE) --extra test --output-file requirements/test.txt pyproject.toml

clean-venv:
	rm -rf $(VENV)
