"""Gold-pair scoring on a toy span index."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.link.accuracy import load_gold, lookup, pairwise_scores, predict

INDEX = pd.DataFrame({"file": ["a.txt", "a.txt", "b.txt", "c.txt"], "start": [10, 0, 50, 5], "end": [20, 400, 60, 12],
                      "actor_id": ["P-1", "P-9", "P-1", "P-2"], "key": ["wirasenja", "x", "wirasenja", "wirasenja"],
                      "kind": ["person", "person", "person", "person"]})


def test_lookup_prefers_largest_overlap_then_shortest_span():
    assert lookup(INDEX, "a.txt", 12, 18)["actor_id"] == "P-1"
    assert lookup(INDEX, "a.txt", 100, 110)["actor_id"] == "P-9"
    assert lookup(INDEX, "a.txt", 500, 510) is None
    assert lookup(INDEX, "a.txt", 12, 18, kind="company") is None


def test_predict_linker_against_exact_name_baseline():
    gold = pd.DataFrame({"pair_id": ["G1", "G2"], "kind": "person", "file_a": ["a.txt", "a.txt"],
                         "start_a": [10, 10], "end_a": [20, 20], "file_b": ["b.txt", "c.txt"],
                         "start_b": [50, 5], "end_b": [60, 12], "same": [1, 0], "note": ""})
    pred = predict(gold, INDEX)
    assert pred["linker"].tolist() == [True, False]
    assert pred["baseline"].tolist() == [True, True]
    assert pairwise_scores(gold, pred["linker"])["precision"] == 1.0
    assert pairwise_scores(gold, pred["baseline"])["precision"] == 0.5


def test_bad_gold_rows_are_an_error(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("pair_id,kind,file_a,start_a,end_a,file_b,start_b,end_b,same,note\nG1,person,a,5,2,b,1,2,1,x\n")
    with pytest.raises(ValueError, match="bad rows"):
        load_gold(p)
