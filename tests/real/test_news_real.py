"""News extraction on the real data: the seed article and the index of 62 real reports."""

from pathlib import Path

import pandas as pd
import pytest

from analysis.news.index import read_news_index
from analysis.news.pipeline import process_news
from analysis.schemas import validate

pytestmark = pytest.mark.real
SEED = "000_ad428a366702fed7.txt"


@pytest.fixture(scope="session")
def seeds_dir(data_dir: Path) -> Path:
    d = data_dir.parent / "seeds"
    if not (d / SEED).exists():
        pytest.skip("seed article not available")
    return d


@pytest.fixture(scope="session")
def seed_tables(seeds_dir):
    return process_news(seeds_dir / SEED)


@pytest.fixture(scope="session")
def index_tables(data_dir):
    return read_news_index(data_dir / "news_events" / "tppo_news_index.csv")


def test_seed_397_cases_over_one_month_by_bareskrim(seed_tables):
    ev = seed_tables["events"]
    hit = ev[(ev["count"] == 397) & (ev["count_unit"] == "kasus")]
    assert len(hit) == 1
    row = hit.iloc[0]
    assert (row["period_start"], row["period_end"]) == (pd.Timestamp("2024-10-22"), pd.Timestamp("2024-11-22"))
    assert "Bareskrim Polri" in row["agencies"] and row["event_type"] == "disclosed"
    text = seed_tables["articles"]["text"].iloc[0]
    assert "397 kasus" in text[row["evidence_start"]:row["evidence_end"]]


def test_seed_place_is_yogyakarta(seed_tables):
    a = seed_tables["articles"].iloc[0]
    assert (a["place"], a["place_province"], a["place_rule"]) == (
        "Kota Yogyakarta", "Daerah Istimewa Yogyakarta", "dateline")
    assert (a["dateline_outlet"], a["source_credit"]) == ("diswayjogja.id", "jogjaprov.go.id")


def test_seed_related_story_links_leave_no_trace(seed_tables):
    a = seed_tables["articles"].iloc[0]
    ev = seed_tables["events"]
    assert "Brebes" not in a["text"] and "AIDS" not in a["text"] and "BACA JUGA" not in a["text"]
    assert not any("Brebes" in p for p in a["places"])
    assert "Kantor Imigrasi Yogyakarta" not in a["agencies"]  # named only in a related-story link
    assert not any("Brebes" in p for ps in ev["places"] for p in ps)
    assert not set(ev["count"].dropna().astype(int)) & {55, 142}
    assert ev["count"].dropna().astype(int).tolist() == [397]


def test_seed_anchor_is_the_latest_full_date_in_the_text(seed_tables):
    a = seed_tables["articles"].iloc[0]
    assert pd.isna(a["published_at"])
    assert (a["anchor_date"], a["anchor_rule"]) == (pd.Timestamp("2024-11-22"), "latest_full_date_in_text")


def test_seed_through_the_command_line(seeds_dir, tmp_path):
    from analysis.cli import main

    assert main(["news", str(seeds_dir), "--out", str(tmp_path)]) == 0
    written = {p.stem: pd.read_parquet(p) for p in tmp_path.glob("*.parquet")}
    assert set(written) >= {"articles", "events", "rejects", "event_agencies"}
    assert written["events"]["count"].dropna().tolist() == [397.0]


def test_seed_on_dask_matches_local(seeds_dir, seed_tables):
    got = process_news(seeds_dir / SEED, dask="sync")
    for name in ("articles", "events", "event_agencies"):
        pd.testing.assert_frame_equal(got[name], seed_tables[name])


def test_index_reads_62_reports_of_47_events(index_tables):
    a, e = index_tables["articles"], index_tables["events"]
    assert len(a) == 62 and a["event_id"].nunique() == 47 and index_tables["rejects"].empty
    assert (a["event_id"] == "E08").sum() == 3 and (a["event_id"] == "E48").sum() == 5
    assert set(e["event_id"]) == set(a["event_id"])
    for name in ("articles", "events", "event_agencies"):
        validate(index_tables[name], name)


def test_index_facts_resolve_to_places_countries_and_agencies(index_tables):
    a, e = index_tables["articles"], index_tables["events"]
    assert a["place_code"].notna().sum() >= 40
    e48 = e[(e["event_id"] == "E48") & (e["count_unit"] == "korban atau calon PMI")]
    assert e48["count"].unique().tolist() == [41.0] and e48["countries"].map(tuple).unique().tolist() == [("Malaysia",)]
    ea = index_tables["event_agencies"]
    assert ea["event_id"].nunique() >= 10 and "BP2MI" in set(ea["agency"])
    assert e.loc[e["event_id"] == "E08", "count"].max() == 2104
