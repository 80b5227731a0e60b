# Set-up and everyday commands. `make run` and `make test` each do the whole set-up first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HEADLESS := SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

.PHONY: run test setup datasets lint bench tui clean

run: datasets
	$(PY) -m llmbreaker run $(ARGS)

test: datasets
	$(MAKE) --no-print-directory lint
	$(HEADLESS) $(PY) -m pytest $(ARGS)

setup: $(STAMP)

# The CPU wheel of torch is installed first, by itself, so nothing pulls a CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

datasets: $(STAMP)
	$(PY) -m llmbreaker datasets prepare --quiet

# ruff (lint, then the format check) and mypy (its settings are in pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check llmbreaker game tests
	$(VENV)/bin/ruff format --check llmbreaker game tests
	$(VENV)/bin/mypy

bench: datasets
	$(PY) -m llmbreaker bench $(ARGS)

tui: datasets
	$(PY) -m llmbreaker tui $(ARGS)

clean:
	rm -rf $(VENV) bench-results datasets/*.txt datasets/.cache .mypy_cache
