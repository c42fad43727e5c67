# Two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
SHARED ?= ../shared
# Test processes (pytest-xdist): one per core; each gets its own SQLite files and PostgreSQL database.
TEST_WORKERS ?= auto

.PHONY: run test test-slow lint format eval bench migrate clean help

help:
	@echo "make run    - install (if needed), migrate, load seeds, serve on :\$${PORT:-8000}"
	@echo "make test   - install dev deps (if needed) and run the test suite"
	@echo "make test-slow - whole-corpus annotation check (needs ../shared)"
	@echo "make lint   - ruff check, ruff format --check, mypy, vulture, hadolint Dockerfile"
	@echo "make eval   - score the annotator: seeds and both GGT folds (EVAL_ARGS=--quiet)"
	@echo "make bench  - benchmarks (see bench/README.md; BENCH_ARGS=--quick for a short run)"

$(PY):
	$(PYTHON) -m venv $(VENV)

# Installs are stamped by the lock file they came from, so re-running is a no-op.
$(VENV)/.runtime-installed: requirements.lock | $(PY)
	$(PIP) install --require-hashes --no-deps -r requirements.lock
	@touch $@

$(VENV)/.dev-installed: requirements-dev.lock | $(PY)
	$(PIP) install --require-hashes --no-deps -r requirements-dev.lock
	@touch $@ $(VENV)/.runtime-installed

run: $(VENV)/.runtime-installed
	$(PY) -m app serve

migrate: $(VENV)/.runtime-installed
	$(PY) -m app migrate

test: $(VENV)/.dev-installed
	$(PY) -m pytest -q -n $(TEST_WORKERS) -m "not slow"

# Whole-corpus checks (minutes): annotating all 2,225 BBC articles from ../shared.
test-slow: $(VENV)/.dev-installed
	$(PY) -m pytest -q -m slow

# mypy and vulture read their settings (paths included) from pyproject.toml.
lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/vulture
	$(VENV)/bin/hadolint Dockerfile

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

eval: $(VENV)/.runtime-installed
	@$(PY) scripts/eval.py --shared $(SHARED) $(EVAL_ARGS)

bench: $(VENV)/.dev-installed
	@command -v wrk >/dev/null || [ "$$(id -u)" != 0 ] || apt-get install -y -q wrk \
		|| { apt-get update -q && apt-get install -y -q wrk; } || true
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
