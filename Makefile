# The two commands: `make run` starts the stack, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test proto clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[embedded]'
	@touch $@

$(VENV)/.test-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

run: $(VENV)/.run-deps
	$(BIN)/python -m common.stack

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

proto: $(VENV)/.test-deps
	$(BIN)/python protos/generate.py

clean:
	rm -rf $(VENV) .run .pytest_cache
