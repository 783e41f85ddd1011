# heard: `make run` sets up and starts the main job; `make test` sets up and runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint typecheck unit model eval bench suggestions docs clean

setup: $(STAMP)

# Exact pins from requirements.lock; the package itself is installed editable without deps.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

run: setup
	$(BIN)/heard check "You're fine, stop crying. Look, a birdie!" --age 22 \
	  --situation "Tripped on the rug and fell" --child "sits up, looks at the parent, not crying" || true

lint: setup
	$(BIN)/ruff check src tests bench scripts

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint typecheck unit

model: setup
	$(BIN)/heard train

eval: setup
	$(BIN)/heard eval data/splits/test.jsonl

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
