# Opvoedwijzer — the index of commands. Start with `make run` and `make test`.
SHELL := /bin/bash
PYTHON_BIN := $(shell scripts/find-python 2>/dev/null)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export TESTING ?= false

.PHONY: audit dev static bench-load bench-reports bench-map bench-agenda bench-import bench-suggestions run test test-fast bench bench-pii lint format messages setup assets migrate demo clean check-deploy

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON_BIN)" ]; then scripts/find-python; exit 1; fi
	@test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

static/vendor/.installed: package.json
	npm install --no-audit --no-fund --silent
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/
	@touch $@

assets: static/vendor/.installed

opvoedwijzer/locale/%/LC_MESSAGES/django.mo: opvoedwijzer/locale/%/LC_MESSAGES/django.po
	msgfmt --check-format -o $@ $<

MO_FILES := $(patsubst %.po,%.mo,$(wildcard opvoedwijzer/locale/*/LC_MESSAGES/django.po))
messages-compiled: $(MO_FILES)

setup: $(VENV)/.installed assets messages-compiled

# Written once: generated SECRET_KEY and FIELD_ENCRYPTION_KEY, plain http on this machine (scripts/write-env).
.env: | $(VENV)/.installed
	$(PY) scripts/write-env $(HOST) $(PORT)

migrate: setup .env
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# Hashed names, gzip and Brotli copies for WhiteNoise; again only when a static file or a package changed.
staticfiles/staticfiles.json: $(shell find opvoedwijzer/static -type f) static/vendor/.installed $(VENV)/.installed | .env
	$(PY) manage.py collectstatic --noinput -v 0

static: setup staticfiles/staticfiles.json

## run: set everything up, load the demo data, start the task runner and the app (gunicorn) on http://$(HOST):$(PORT)
run: demo static
	@echo "Opvoedwijzer runs on http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	scripts/run $(PY) $(HOST) $(PORT)

## dev: the same with DEBUG=true and Django's development server, which reloads on every change
dev: demo
	@echo "Opvoedwijzer (development, DEBUG) runs on http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	scripts/run-dev $(PY) $(HOST):$(PORT)

## test: the whole suite, browser tests included (SQLite unless DATABASE_URL says otherwise)
test: setup
	TESTING=true $(PY) -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

## audit: known vulnerabilities in the installed packages (pip-audit; fails when one is found, and when nothing could be audited)
audit: setup
	$(PY) scripts/audit $(PY)

## test-fast: the suite without the browser tests
test-fast: setup
	TESTING=true $(PY) -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)

## bench: registration latency under 20 concurrent clients, stats at 100 000 contacts, PII guard
bench: setup
	$(PY) bench/run.py
	$(PY) bench/pii.py

bench-pii: setup
	$(PY) bench/pii.py

## bench-reports: every standard report at 1 M contacts on SQLite, beside raw SQL (CONTACTS=…, PG_URL=… for PostgreSQL)
CONTACTS ?= 1000000
bench-reports: setup
	$(PY) bench/reports_scale.py --contacts $(CONTACTS) $(if $(PG_URL),--postgres $(PG_URL))

## bench-map: social-map search and HSDS import at 20 000 services on SQLite (PG_URL=… for PostgreSQL)
bench-map: setup
	$(PY) bench/socialmap_scale.py $(if $(PG_URL),--postgres $(PG_URL))

## bench-agenda: public agenda, iCalendar feed and public API at 300 activities, parallel sign-ups, on SQLite (PG_URL=… for PostgreSQL)
bench-agenda: setup
	$(PY) bench/agenda.py $(if $(PG_URL),--postgres $(PG_URL))

## bench-import: 100 000 rows of past registrations (CSV and XLSX) through import_contacts on SQLite (ROWS=…)
bench-import: setup
	$(PY) bench/imports.py $(if $(ROWS),--rows $(ROWS))

## bench-suggestions: theme suggestions for 700 labelled parents' questions (100 dev, 3 × 200 held out) through HTTP against make run's gunicorn: top-1/top-3, life stages, latency
bench-suggestions: setup
	$(PY) bench/suggestions.py

## bench-load: 200 clients for 3 minutes, a mix of registrations, stats, public pages, questions and sign-ups, against make run's gunicorn on SQLite (PG_URL=… for PostgreSQL)
bench-load: setup
	$(PY) bench/load.py $(if $(PG_URL),--postgres $(PG_URL))

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: extract translatable strings into the .po files (then translate, then make)
messages: setup
	cd opvoedwijzer && DEBUG=true ../$(PY) ../manage.py makemessages -l nl -l en -l fr -l ar -l tr -l pl --no-obsolete --no-location

check-deploy: setup
	DEBUG=false SECRET_KEY=$$(openssl rand -hex 32) ALLOWED_HOSTS=example.org $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles db.sqlite3*
