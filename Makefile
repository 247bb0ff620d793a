# The two commands of the README: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The quick start: SQLite and the embedded broker unless the environment says otherwise.
RUN_ENV := DJANGO_DEBUG=true
MAKEMESSAGES := makemessages -l vi --no-obsolete --ignore "static/*" --ignore "tests/*" --ignore "var/*" --ignore "staticfiles/*"

.PHONY: run test install install-test migrate demo messages lint format clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test

migrate: install
	mkdir -p var
	$(RUN_ENV) $(MANAGE) migrate --noinput

demo: migrate
	$(RUN_ENV) $(MANAGE) load_places
	$(RUN_ENV) $(MANAGE) seed_demo

run: demo
	@echo ""
	@echo "  Cổng thông tin đang chạy tại  http://127.0.0.1:8000   (Ctrl+C để dừng)"
	@echo "  The portal is at               http://127.0.0.1:8000"
	@echo ""
	$(RUN_ENV) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile

test: install-test
	$(BIN)/pytest $(PYTEST_ARGS)

messages: install-test
	$(MANAGE) $(MAKEMESSAGES)
	$(MANAGE) compilemessages --ignore ".venv" --ignore "var"

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf var staticfiles .pytest_cache
