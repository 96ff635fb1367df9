"""The tie reading against the hand-annotated relation gold set (tests/gold/relations_*).

Runs the extractor on the gold decisions of each half present (``dev`` annotated first, the
``test`` half when it lands) and checks the floors measured with
``benchmarks/relation_accuracy.py``: pooled precision at least 0.9 (a tie that is not
stated is worse than a missing one), every relation type that is predicted at least 0.65
precise, and the pooled recall not below its measured floor. The targets of the
capability (0.9 precision and 0.8 recall for every type) are printed by the benchmark.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.link.tie_accuracy import evaluate_half, load_gold

pytestmark = pytest.mark.real

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "putusan_tppo"
GOLD = ROOT / "tests" / "gold"

if not DATA.is_dir():
    pytest.skip(f"real decisions not found at {DATA}", allow_module_level=True)

# Floors measured on each half (the capability's targets, 0.9 precision and 0.8 recall for
# every relation type, are printed by benchmarks/relation_accuracy.py and are not met yet). The
# rules were written against the dev half; on the held-out test half, annotated by another
# reader, pooled precision is 0.44 and recall 0.06: these floors only guard against regressions.
PRECISION_FLOOR = {"dev": 0.9, "test": 0.4}
RECALL_FLOOR = {"dev": 0.25, "test": 0.05}
TYPE_PRECISION_FLOOR = {"dev": 0.65, "test": 0.15}


@pytest.fixture(scope="module", params=["dev", "test"])
def scores(request):
    if load_gold(GOLD, request.param) is None:
        pytest.skip(f"relation gold half {request.param} not annotated yet")
    return request.param, evaluate_half(GOLD, DATA, request.param)


def test_pooled_precision_stays_above_its_floor(scores):
    half, table = scores
    row = table.set_index("relation").loc["all"]
    assert row["precision"] >= PRECISION_FLOOR[half], table.to_string()
    assert row["recall"] >= RECALL_FLOOR[half], table.to_string()


def test_every_predicted_relation_type_is_mostly_right(scores):
    half, table = scores
    per = table.loc[(table["relation"] != "all") & table["precision"].notna()]
    assert (per["precision"] >= TYPE_PRECISION_FLOOR[half]).all(), per.to_string()


def test_gold_spans_are_inside_their_files():
    for half in ("dev", "test"):
        g = load_gold(GOLD, half)
        if g is None:
            continue
        for f, anchors in zip(g["entities"]["source_file"], g["entities"]["anchors"]):
            n = len((DATA / f).read_text(encoding="utf-8"))
            for part in anchors.split(";"):
                s, e = map(int, part.split("-"))
                assert 0 <= s < e <= n, (f, part)
        ids = set(zip(g["entities"]["source_file"], g["entities"]["entity"]))
        for f, s, t in zip(g["gold"]["source_file"], g["gold"]["source"], g["gold"]["target"]):
            assert (f, s) in ids and (f, t) in ids, (f, s, t)
        assert not pd.isna(g["gold"]["evidence"]).any()
