"""The report's views of the real sources: the decision inventory and the news index."""

import pytest

from analysis.report.inventory import decision_inventory
from analysis.report.source_views import reference_news

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


def test_reference_news_on_the_real_file(data_dir):
    ref = reference_news({}, data_dir)               # nothing built: read through the news module
    idx, ev = ref["articles"], ref["events"]
    assert len(idx) == 62 and idx["event_id"].nunique() == 47
    assert ev.loc[ev["count_unit"] == "korban atau calon PMI", "count"].max() >= 100
    assert any("Malaysia" in c for c in idx["countries"])
