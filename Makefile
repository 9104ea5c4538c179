# Local Offer: `make run` and `make test` are all a newcomer needs (see README).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes side by side (pytest-xdist); `make test TEST_PROCESSES=0` runs them in one.
TEST_PROCESSES ?= 2

.DEFAULT_GOAL := help
.PHONY: help venv venv-dev run test lint serve clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(BIN)/.installed ## Create .venv and install what production runs (requirements.txt)

venv-dev: $(BIN)/.installed-dev ## Add the test and tooling requirements (requirements-dev.txt)

run: venv ## Set up, migrate, load every fixture and serve on 127.0.0.1:$PORT (default 8000)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_content
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve: venv ## Serve with production settings under gunicorn on 127.0.0.1:$PORT (SQLite unless DATABASE_URL)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_content
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	PRODUCTION=true SECURE_SSL_REDIRECT=false SECRET_KEY="$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')}" \
	  PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py localoffer.wsgi

lint: venv-dev ## ruff, and check that no model change lacks a migration
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	BIN=$(BIN) scripts/audit.sh

test: lint ## Set up and run every test (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist worksteal

clean: ## Remove the virtualenv, the SQLite database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles
