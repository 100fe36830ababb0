# Two entry points: `make demo` and `make test`. Both create .venv and install pinned dependencies.
# `make test` runs the checkers (`make lint`) first; any non-zero status fails it, pytest's 5 (no
# tests collected) included.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo lint test fuzz bench lock train-relevance clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep extract examples/demo-article.txt --format pretty

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: lint
	$(BIN)/python -m pytest -q

# The fuzz suite at full size: 10,000 generated inputs per reader, for the command line's arguments
# and for the exporters (tests/fuzz; `make test` runs a seeded slice of the same targets).
fuzz: $(STAMP)
	SITREP_FUZZ_PROFILE=fuzz $(BIN)/python -m pytest -q -W ignore::DeprecationWarning tests/fuzz
	PYTHONPATH=. $(BIN)/python tests/fuzz/atheris_readers.py -runs=600000 -max_len=4096 -seed=1

# requirements.lock pins every package the install needs, with the hashes pip checks. Regenerate it
# after changing a dependency in pyproject.toml (pins already there are kept; add
# `--upgrade-package NAME` to the command to move one).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools==7.7.0
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links --extra test --extra dask --extra fuzz --extra train --output-file requirements.lock pyproject.toml

# The relevance model (src/sitrep/data/relevance_model.json) from the BBC and MUC-4 training files in
# ../shared/eval and the hand-written examples in training/relevance; the same inputs give the same bytes.
train-relevance: $(STAMP)
	PYTHONPATH=src $(BIN)/python -m sitrep.relevance.train --shared ../shared/eval --examples training/relevance \
		--out src/sitrep/data/relevance_model.json

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
