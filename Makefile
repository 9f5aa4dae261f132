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
	$(BIN)/python -m common.devstack

# The Node.js interoperability tests need tests/node/node_modules; without npm they skip.
NODE_DEPS := $(if $(shell command -v npm),tests/node/node_modules/.package-lock.json)

$(NODE_DEPS): tests/node/package-lock.json
	npm ci --prefix tests/node --no-audit --no-fund --loglevel=error >/dev/null
	@touch $@

test: $(VENV)/.test-deps $(NODE_DEPS)
	$(BIN)/ruff check .
	$(BIN)/python -m mypy --strict common gateway_service analysis_worker
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Throughput, latency and memory of the real stack beside anchors measured in the same
# run (python -m tests.bench.run); BENCH_ARGS=--quick for a smoke run, results in .bench/.
.PHONY: bench
bench: $(VENV)/.test-deps $(NODE_DEPS)
	$(BIN)/python -m tests.bench.run $(BENCH_ARGS)

# Per-field precision, recall and F1 on the labeled set (tests/labeled), the corpus and the
# template families, on scans of the labeled set and of the families read by OCR (some
# minutes), and timings.
.PHONY: evaluate
evaluate: $(VENV)/.test-deps
	$(BIN)/python -m tests.accuracy.evaluate

proto: $(VENV)/.test-deps
	$(BIN)/python protos/generate.py

clean:
	rm -rf $(VENV) .run .pytest_cache
