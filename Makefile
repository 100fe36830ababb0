# Two entry points: `make demo` and `make test`. Both create .venv and install pinned dependencies.
# `make test` runs the checkers (`make lint`) first; any non-zero status fails it, pytest's 5 (no
# tests collected) included.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo lint browser screenshot test fuzz bench lock train-relevance clean

$(STAMP): pyproject.toml requirements.lock frontend/package-lock.json frontend/build.mjs
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	# the map page's pinned npm packages, copied into src/sitrep/web/static/vendor (served offline)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && node build.mjs
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep extract examples/demo-article.txt --format pretty
	@# a demo store from the bundled demo articles (examples/demo-store), merged into incidents
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/sitrep ingest examples/demo-store/articles.jsonl --db demo.db
	$(BIN)/sitrep merge --db demo.db
	@echo
	@echo "The demo store is demo.db. To look at it on a map, run:"
	@echo "    $(BIN)/sitrep serve --db demo.db"
	@echo "and open http://127.0.0.1:8000/ in a browser (Ctrl-C stops the server)."

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# Debian's Chromium, which the map page's browser tests drive (tests/unit/web/test_page.py); installed
# once, as root or through sudo. Playwright itself comes pinned from PyPI and never downloads a browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

# Refresh docs/web-page.png, the picture of the map page over the demo store (run after changing the page).
screenshot: $(STAMP) browser
	SITREP_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/unit/web/test_page.py -k loads

test: lint browser
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
