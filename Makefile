# Two entry points: `make run` (site with demo content on SQLite) and `make test` (whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup demo test test-postgres lint format production clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-test.txt
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_dev_admin --url http://$(HOST):$(PORT)/admin/

# The admin's links and e-mails point at the address the server answers on.
run: export DJANGO_SITE_URL ?= http://$(HOST):$(PORT)
run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# A production-like local run: production settings over plain HTTP on 127.0.0.1, gunicorn with
# 2 workers serving whitenoise's compressed, hashed static files, and the database task worker.
# Needs DJANGO_SECRET_KEY; DATABASE_URL and REDIS_URL select PostgreSQL and Redis (see docs/operators.md).
PROD_PORT ?= 8120
PROD_ENV = DJANGO_SETTINGS_MODULE=evidencebank.settings.production \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DJANGO_SITE_URL=$${DJANGO_SITE_URL:-http://127.0.0.1:$(PROD_PORT)} \
	DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} \
	DJANGO_SECURE_COOKIES=$${DJANGO_SECURE_COOKIES:-0}
production: setup
	$(PROD_ENV) $(BIN)/python manage.py check --deploy
	$(PROD_ENV) $(BIN)/python manage.py migrate --noinput
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(PROD_ENV) $(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PROD_ENV) $(BIN)/gunicorn evidencebank.wsgi:application --bind 127.0.0.1:$(PROD_PORT) --workers 2 \
		--access-logfile - --error-logfile - --timeout 30 --graceful-timeout 10

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
