# Two commands for a fresh clone: `make run` and `make test`. Only Python >= 3.11 and make needed.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: help install migrate data translations messages run test lint format worker beat serve bench soak screenshots db-stop clean

help:
	@echo "make run     - install, migrate, load data and serve http://$(HOST):$(PORT)"
	@echo "make test    - lint, format check and the whole test suite"
	@echo "make worker  - Celery worker (needs CELERY_BROKER_URL)"
	@echo "make beat    - Celery beat scheduler (needs CELERY_BROKER_URL)"
	@echo "make serve   - production-like: gunicorn + whitenoise"
	@echo "make bench   - run every benchmark in bench/ and print figures"
	@echo "make screenshots - an organizer builds the site from empty, a supporter acts (browser)"
	@echo "make messages - refresh locale/es/LC_MESSAGES/django.po from the code, then translate"
	@echo "make db-stop - stop the embedded PostgreSQL server (data kept in var/postgres/)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "Python 3.11 or newer is required (found: $$($(PYTHON) --version))"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

# Each loader is safe to repeat; a second `make run` skips work already done.
data: migrate
	$(PY) manage.py load_legislators --if-stale --or-notice
	$(PY) manage.py load_demo

# The .mo files Django reads, built from the committed .po catalogues (pure Python: polib).
translations: install
	$(PY) -m actioncenter.translations --if-stale

# Every string marked in the code and templates into the Spanish catalogue; translate the new
# entries in locale/es/LC_MESSAGES/django.po, then `make test` checks none is missing.
messages: install
	$(PY) manage.py makemessages --locale es --no-obsolete --ignore=.venv --ignore=var \
		--ignore=bench --ignore=tests --ignore=staticfiles --ignore=media --ignore=build
	$(PY) -m actioncenter.translations

run: data translations
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: lint translations
	$(VENV)/bin/pytest $(PYTEST_ARGS)

worker: install
	$(VENV)/bin/celery -A actioncenter worker --loglevel=INFO --concurrency=$${WORKER_CONCURRENCY:-2}

beat: install
	@mkdir -p var
	$(VENV)/bin/celery -A actioncenter beat --loglevel=INFO --schedule=var/celerybeat-schedule

serve: migrate translations
	DJANGO_DEBUG=false $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=false $(VENV)/bin/gunicorn actioncenter.wsgi --config actioncenter/gunicorn.conf.py

# Every benchmark in bounded time (at most ~15 minutes; BENCH_ARGS=--full for each script's
# own sizes), then one table of figures, references, ratios and goals, also written to
# bench/results/ (latest.json and one file per run).
bench: install translations
	$(PY) bench/run_all.py $(BENCH_ARGS)

# 90 s of load (SOAK_SECONDS=30 for the short run CI does) on the production settings, with
# a Celery worker and the broker killed on the way; needs PostgreSQL on 127.0.0.1:5432 and
# redis-server (docs/performance.md, "Soak").
soak: install
	$(PY) -m soak.run $(if $(SOAK_SECONDS),--seconds $(SOAK_SECONDS))

# In Chromium: an organizer builds the whole movement site from an empty one (identity,
# facts, members, quotes, news, library, donation card, a petition and a letter campaign) in
# English and Spanish, publishes it, and supporters act on it; each step photographed into
# SCREENSHOTS (git-ignored under var/).
SCREENSHOTS ?= var/screenshots/organizer
screenshots: translations
	E2E_SCREENSHOTS=$(SCREENSHOTS) $(VENV)/bin/pytest -q tests/e2e/test_organizer_builds_the_site.py \
		tests/e2e/test_campaign_builder.py
	@echo "screenshots in $(SCREENSHOTS)/"

# The embedded server starts by itself on the next command that needs it.
db-stop: install
	$(PY) -m actioncenter.db.embedded stop

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
