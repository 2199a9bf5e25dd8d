"""The bench's scorer and gate logic (the figures themselves are measured by bench/)."""

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent.parent / "bench"


def load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_floors_only_rise() -> None:
    gate = load("quality_gate")
    floors = {"a": 0.9, "b": 0.5}
    updated = gate.raised(floors, {"a": 0.8, "b": 0.6789, "c": 0.1})
    assert updated == {"a": 0.9, "b": 0.678, "c": 0.1}


def test_floors_file_holds_numbers_between_zero_and_one() -> None:
    floors = json.loads((BENCH / "quality_floors.json").read_text(encoding="utf-8"))
    assert floors
    assert all(0 < value <= 1 for value in floors.values())


def test_scorer_counts_shingles_per_page() -> None:
    scorer = load("article_extraction")
    truth = {"p1": "one two three four five", "p2": "alpha beta gamma delta"}
    perfect = scorer.score(truth, truth)
    assert (perfect.f1, perfect.accuracy) == (1.0, 1.0)
    half = scorer.score(truth, {"p1": "one two three four five", "p2": ""})
    assert half.precision == 1.0
    assert half.recall == 0.5
    with pytest.raises(ValueError, match="exactly the ground-truth ids"):
        scorer.score(truth, {"p1": ""})


@pytest.mark.needs_shared_data
def test_scorer_reproduces_the_published_table(shared_data: Path) -> None:
    scorer = load("article_extraction")
    assert scorer.check_scorer(shared_data / "article-extraction") == []
