# Two commands on a fresh machine with only Python: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-browser lint check clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	@echo "Development mode: DJANGO_DEBUG=1, SQLite unless DATABASE_URL is set. Not for production."
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py ensure_staff_login
	@echo "Serving the CICA site at http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

# Only the real-browser tests (Debian's Chromium at /usr/bin/chromium; skipped if absent).
# Screenshots of every page type at 1280 and 375 px go to test-artifacts/screenshots/.
test-browser: $(STAMP)
	$(BIN)/python -m pytest -m browser tests/browser --durations=5

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Extract every translatable string into locale/ru/LC_MESSAGES/django.po and compile
# django.mo, with Babel (pure Python): GNU gettext is not needed.
messages: $(STAMP)
	$(BIN)/python manage.py sync_translations
