# nq_extract: the two commands of the README are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEED   := corpora/seed/000_52b61e05002b0fc6.txt
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie chromium fonts-dejavu-core

.PHONY: demo test lint typecheck eval bench sysdeps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.base: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

# Debian packages for OCR and the browser tests: installed when running as root and missing.
sysdeps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "not root: tests needing$$missing will be skipped"; fi; \
	fi

demo: $(VENV)/.base
	$(BIN)/nq-extract parse $(SEED) --format json --with-text -o out/$(notdir $(SEED:.txt=.json))
	$(BIN)/nq-extract parse $(SEED) --format summary
	@echo "JSON written to out/$(notdir $(SEED:.txt=.json))"

test: sysdeps $(VENV)/.dev
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(VENV)/.dev
	$(BIN)/ruff check nq_extract tests benchmarks
	$(BIN)/ruff format --check nq_extract tests benchmarks

typecheck: $(VENV)/.dev
	$(BIN)/mypy

eval: $(VENV)/.base
	$(BIN)/nq-extract eval corpora/gold

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf out .pytest_cache
