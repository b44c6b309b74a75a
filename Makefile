# Guantong's front door. Every target installs what it needs itself (into .venv/ and node_modules/),
# so `make serve` and `make test` work on a fresh machine.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEPS := $(VENV)/.installed
NODE_DEPS := node_modules/.installed
BENCH_DEPS := bench/node_modules/.installed
# pytest's workers: 2 on two cores. Measured on an otherwise idle machine, 946 tests: 187–242 s with 2 (the same tree
# varies that much with the host's speed; fresh-clone CI 237 s and 240 s), 197–200 s with 3, 205 s with 4 — each
# worker keeps its browser contexts warm, so fewer workers waste less. `make test PYTEST_WORKERS=0` runs in one
# process (e.g. to use a debugger); `make bench` times the suite with the same count.
PYTEST_WORKERS ?= 2
PYTEST := $(PY) -m pytest -p no:cacheprovider -n $(PYTEST_WORKERS)

.PHONY: help deps site serve test test-fast lint bench dist browser clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(DEPS): requirements.txt requirements-dev.txt
	@# A venv in the repo root with the pinned dependencies; re-run when a requirements file changes.
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(BENCH_DEPS): bench/package.json bench/package-lock.json
	@# Lighthouse is the benchmark's alone: tests never install it.
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

deps: $(DEPS) $(NODE_DEPS)  ## install Python and npm dependencies

site: deps  ## validate data, generate docs/, build the online site into site/
	$(PY) -m generator build

serve: deps  ## build, then serve on http://127.0.0.1:8000 and rebuild when data, templates or overrides change
	$(PY) -m generator serve --port 8000

dist: deps  ## the offline zip and the pocket file in dist/, then site/ rebuilt to serve them (generator/release.py)
	$(PY) -m generator dist

browser:  ## Debian's Chromium and a CJK font for the browser tests (apt, as root)
	@# Without fonts-noto-cjk, Chinese renders as empty boxes in screenshots.
	@if ! { test -x /usr/bin/chromium && dpkg -s fonts-noto-cjk >/dev/null 2>&1; }; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk; fi

test: deps browser  ## build everything, then run all tests (browser tests included)
	@# One offline build (dist/) and one online build (site/, which `dist` rebuilds to serve the offline forms)
	@# per run; every test reads these two, none rebuilds.
	$(PY) -m generator dist
	$(PYTEST)

test-fast: deps  ## the tests without a browser, against the site/ and dist/ last built
	$(PYTEST) -m "not browser"

lint: deps  ## ruff, yamllint on data/, the publish workflow against GitHub's schema
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/yamllint -s -c .yamllint data tests/cases
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

bench: deps browser $(BENCH_DEPS)  ## print build and test-suite time, sizes, page weights, finder latency, Lighthouse, a 10x scaling run
	$(PY) -m generator dist
	$(PY) -m bench --workers $(PYTEST_WORKERS)

clean:  ## remove everything generated
	rm -rf site dist .build docs/zh docs/en bench/node_modules
