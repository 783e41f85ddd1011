# heard: `make run` sets up and starts the web app; `make test` sets up and runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PGURL  := .pg-test-url

.PHONY: setup system-deps run check-demo test lint typecheck unit model eval bench bench-transcripts \
        bench-web suggestions docs clean

setup: $(STAMP)

# Exact pins from requirements.lock; the package itself is installed editable without deps.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Debian's chromium (browser tests) and a local PostgreSQL server (second store backend).
# Needs root (CI runs as root); elsewhere the tests that need them are skipped with the reason.
system-deps:
	@if [ -n "$$HEARD_SKIP_SYSTEM_DEPS" ]; then echo "system-deps: skipped (HEARD_SKIP_SYSTEM_DEPS)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  scripts/ci-system-deps.sh | tail -1 | sed 's/^export HEARD_TEST_POSTGRES_URL=//' > $(PGURL); \
	else echo "system-deps: not root; browser and PostgreSQL tests will be skipped"; fi

run: setup
	$(BIN)/heard serve

check-demo: setup
	$(BIN)/heard check "You're fine, stop crying. Look, a birdie!" --age 22 \
	  --situation "Tripped on the rug and fell" --child "sits up, looks at the parent, not crying" || true

lint: setup
	$(BIN)/ruff check src tests bench scripts

typecheck: setup
	$(BIN)/mypy

unit: setup system-deps
	HEARD_TEST_POSTGRES_URL="$${HEARD_TEST_POSTGRES_URL:-$$(cat $(PGURL) 2>/dev/null)}" $(BIN)/pytest

test: lint typecheck unit

model: setup
	$(BIN)/heard train

eval: setup
	$(BIN)/heard eval data/splits/test.jsonl

bench: setup
	$(BIN)/python bench/run.py

bench-transcripts: setup
	$(BIN)/python bench/transcripts.py

# Load generator: Debian's wrk when installed (apt-get install wrk), else a Python client.
bench-web: setup
	$(BIN)/python bench/load_web.py --backend sqlite

suggestions: setup
	$(BIN)/python bench/suggestions.py

docs: setup
	$(BIN)/heard docs > docs/codes.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(PGURL)
