"""The report's views of the real sources: the decision inventory and the news index."""

import pytest

from analysis.report.inventory import decision_inventory
from analysis.report.source_views import news_index

pytestmark = pytest.mark.real


def test_decision_inventory_on_the_real_folder(decisions_dir):
    inv = decision_inventory(decisions_dir)
    assert len(inv) == 500                               # ocr_audit.jsonl is not a decision
    assert inv["year"].notna().all() and inv["court_code"].notna().all()
    assert int(inv["year"].min()) == 2017 and int(inv["year"].max()) == 2026
    # 85 regular 2024 names plus the odd "putusan_124_pid.sus_2024_…" one
    assert (inv["year"] == 2025).sum() == 385 and (inv["year"] == 2024).sum() == 86
    assert inv["is_copy"].sum() == 8
    assert inv["character_error_rate"].notna().all()
    assert 0.02 < inv["character_error_rate"].median() < 0.03


def test_news_index_on_the_real_file(data_dir):
    idx = news_index(data_dir)
    assert len(idx) == 62 and idx["event_id"].nunique() == 47
    assert idx["n_victims_or_cpmi"].max() >= 100
    assert any("Malaysia" in d for d in idx["destinations"])
