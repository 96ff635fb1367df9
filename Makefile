# TPPO toolkit: the README's two commands are `make report` and `make test`.
# Both start from a machine with only Python and pip: `setup` installs the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= $(if $(TPPO_DATA),$(TPPO_DATA),../shared/data)
OUT    ?= data/processed
PYTEST_ARGS ?=

.PHONY: setup browser data report test bench clean lab

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

browser:
	bash scripts/install_chromium.sh

data: setup
	$(BIN)/tppo build --data $(DATA) --out $(OUT)

report: setup browser
	$(BIN)/tppo report --data $(DATA) --out $(OUT)

test: setup browser
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

bench: setup
	$(BIN)/python benchmarks/run_all.py --data $(DATA)

lab: setup
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(OUT)/*.parquet $(OUT)/tppo.duckdb reports/*
