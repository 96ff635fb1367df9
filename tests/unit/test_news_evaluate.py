"""Scoring against the gold set, and a quality floor for the extractor on the fixtures."""

from pathlib import Path

import pandas as pd
import pytest

from analysis.news.evaluate import fixture_key, read_gold, score_events
from analysis.news.pipeline import process_record
from analysis.news.readers import list_records

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "news"


def _row(**kw):
    base = {"fixture": "a", "count_low": 9, "count_high": 9, "count_unit": "korban", "period_start": None,
            "period_end": None, "agencies": [], "places": [], "countries": []}
    return {**base, **kw}


def test_exact_scores_on_toy_events():
    gold = pd.DataFrame([_row(), _row(count_low=3, count_high=3, agencies=["Polda X"]),
                         _row(count_low=5, count_high=5, period_start=pd.Timestamp("2024-01-01"),
                              period_end=pd.Timestamp("2024-12-31"))])
    sys = pd.DataFrame([_row(), _row(count_low=3, count_high=3, agencies=["Polda X", "Polri"]),
                        _row(count_low=5, count_high=5), _row(count_low=7, count_high=7)])
    s = score_events(sys, gold).set_index("field")
    assert s.loc["count", ["tp", "fp", "fn"]].tolist() == [3, 1, 0]
    assert s.loc["agencies", ["tp", "fp", "fn"]].tolist() == [1, 1, 0]
    assert s.loc["period", ["tp", "fp", "fn"]].tolist() == [0, 0, 1]
    assert s.loc["count", "precision"] == 0.75


def test_extractor_quality_floor_on_fixtures():
    gold = read_gold(ROOT / "tests" / "gold" / "news_gold.csv")
    gold = gold[~gold["fixture"].str.startswith("seeds/")]
    rows = []
    for rec in list_records(FIXTURES)[0]:
        res = process_record(rec)
        rows += [{**e, "fixture": fixture_key(rec.source, {"": FIXTURES})} for e in res["events"]]
    s = score_events(pd.DataFrame(rows), gold).set_index("field")
    assert s.loc["count", "recall"] == 1.0
    assert s.loc["count", "precision"] >= 0.9
    assert s.loc["agencies", "recall"] >= 0.9
    assert s.loc["countries", "precision"] == 1.0
    assert s.loc["period", "precision"] == 1.0


@pytest.mark.parametrize("source,key", [(str(FIXTURES / "html" / "x.html"), "html/x.html"), ("/elsewhere/y", "/elsewhere/y")])
def test_fixture_key(source, key):
    assert fixture_key(source, {"": FIXTURES}) == key
