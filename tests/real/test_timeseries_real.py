"""Time series on the real data: official figures, task-force increments, TIP flows, decisions."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.schemas import validate
from analysis.sources.official_stats import load_official_stats
from analysis.sources.tip_flows import country_mentions, read_tip_flows
from analysis.timeseries import build_series_tables, get_series
from analysis.timeseries.questions import satgas_decision_its, satgas_rate_comparison, seasonality_answers

pytestmark = pytest.mark.real


@pytest.fixture(scope="session")
def official(data_dir):
    return load_official_stats(data_dir)


@pytest.fixture(scope="session")
def real_cases(case_tables):
    """The ``cases`` table built from the real decisions (shared session fixture)."""
    return case_tables["cases"]


@pytest.fixture(scope="session")
def tables(data_dir, real_cases):
    return build_series_tables(real_cases, None, data_dir)


def _data_lines(path: Path) -> int:
    return len(pd.read_csv(path, dtype=str))


def test_official_figures_keep_source_urls_and_lose_nothing(official, data_dir):
    figs, rej = official["figures"], official["rejects"]
    long = figs.loc[figs.source_file != "bp2mi_jatim_2011_2025_final.csv"]
    assert long["source_url"].notna().all()
    assert long["source_url"].str.startswith("http").all()
    for name in ("polri_tppo_counts.csv", "bp2mi_pengaduan_long.csv", "bp2mi_penempatan_long.csv"):
        n_read = _data_lines(data_dir / "official_stats" / name)
        n_rej = int(rej["source"].str.startswith(name).sum()) if len(rej) else 0
        assert int((figs.source_file == name).sum()) + n_rej == n_read
    assert int((figs.source_file == "polri_tppo_counts.csv").sum()) == 16
    jatim = figs.loc[figs.source_file == "bp2mi_jatim_2011_2025_final.csv"]
    assert len(jatim) == 38 * 15 and jatim.loc[jatim.period_text == "2025", "flag"].eq("partial year").all()


def test_satgas_snapshots_become_increments_that_sum_back(official):
    snaps, inc = official["satgas"], official["satgas_increments"]
    assert len(snaps) == 9
    for metric in ("laporan_polisi", "tersangka", "korban_total"):
        last = float(snaps.loc[snaps.report_date == snaps.report_date.max(), metric].iloc[0])
        for chain, g in inc.loc[inc.metric == metric].groupby("chain"):
            assert g["increment"].sum() == last, (metric, chain)
    lp = inc.loc[(inc.metric == "laporan_polisi")]
    assert lp["chain"].unique().tolist() == ["all"] and lp["increment"].sum() == 684
    assert lp["period_start"].min() == pd.Timestamp("2023-06-05") and lp["period_end"].max() == pd.Timestamp("2023-07-17")
    # two outlets disagree on the 20 June 2023 victim total: both chains kept
    korban = inc.loc[inc.metric == "korban_total"]
    assert sorted(korban["chain"].unique()) == ["cakra.news", "viva.co.id"]
    disputed = korban.loc[korban.report_date == "2023-06-20"].set_index("chain")["cumulative"].to_dict()
    assert disputed == {"cakra.news": 1528.0, "viva.co.id": 1582.0}


def test_task_force_rate_against_police_baseline(official):
    out = satgas_rate_comparison(official["figures"], official["satgas_increments"]).set_index("period_start")
    tf = out.loc[pd.Timestamp("2023-06-05")]
    assert (tf["count"], tf["days"]) == (684.0, 43)
    base = out.loc[pd.Timestamp("2020-01-01")]
    assert (base["count"], base["days"]) == (405.0, 1216)
    assert base["task_force_rate_ratio"] == pytest.approx((684 / 43) / (405 / 1216))
    assert base["ci_low"] > 40


def test_indonesia_as_tip_source_every_year(data_dir):
    flows, rejects = read_tip_flows(data_dir)
    assert rejects.empty
    cm = country_mentions(flows, "Indonesia")
    assert cm["year"].tolist() == list(range(2001, 2017))
    assert (cm["mentions"] > 0).all()
    assert cm.set_index("year").loc[[2001, 2008, 2016], "mentions"].tolist() == [18, 41, 32]


def test_series_tables_validate_and_cover_every_source(tables):
    s = validate(tables["series"], "series")
    cov = validate(tables["series_coverage"], "series_coverage")
    assert {"official:polri", "official:satgas_tppo", "official:bp2mi_pengaduan", "official:bp2mi_penempatan",
            "official:bp2mi_jatim", "tip"} <= set(s["source"])
    assert cov["coverage_note"].str.len().gt(20).all()
    tip = get_series(s, "tip/indonesia_source_mentions/Y")
    assert len(tip) == 16 and tip.notna().all()
    complaints = get_series(s, "official:bp2mi_pengaduan/pengaduan_total/M")
    assert complaints.notna().sum() == 11 and complaints.isna().sum() == 40   # unreported months are null
    assert complaints.loc["2024-12-01"] == 142


def test_monthly_decisions_series(tables, real_cases):
    s = tables["series"]
    m = get_series(s, "cases/decisions_by_decision_date/M")
    kept = real_cases.loc[real_cases["duplicate_of"].isna()]
    assert m.sum() == kept["decision_date"].notna().sum()
    assert m.notna().all() and m.index.is_monotonic_increasing
    assert m.loc["2025-01-01":"2025-12-01"].sum() > m.loc[:"2023-12-01"].sum()   # the collection's 2025 bulk
    cov = tables["series_coverage"].set_index("series_id").loc["cases/decisions_by_decision_date/M"]
    assert cov["n_records_read"] == len(real_cases)
    # the task-force ITS runs on decisions and carries its caveats
    r = satgas_decision_its(s)
    assert r.n_obs == len(m) and len(r.notes) >= 3
    assert get_series(s, "cases/decisions_by_decision_date/Y").sum() == m.sum()
    prov = s.loc[(s.source == "cases") & (s.measure == "decisions_by_decision_date") & (s.freq == "Y")
                 & (s.group_kind == "province")].groupby("group")["count"].sum()
    assert prov.sum() == m.sum()
    assert prov.get("unknown", 0) <= 0.05 * m.sum()    # nearly every court's seat has a province


def test_complaint_seasonality_runs(tables):
    out = seasonality_answers(tables["series"], series_ids=["official:bp2mi_pengaduan/pengaduan_total/M"])
    r = out["official:bp2mi_pengaduan/pengaduan_total/M"]
    assert r.n_observed == 11 and 1 <= r.peak_month <= 12


def test_news_index_events_become_series(data_dir):
    index = pytest.importorskip("analysis.news.index")
    from analysis.timeseries.series_events import event_series

    ev = index.read_news_index(data_dir / "news_events" / "tppo_news_index.csv")["events"]
    s, (read, used) = event_series(ev, freqs=("Y",))
    validate(s, "series")
    assert read == len(ev) and used == ev.drop_duplicates(["event_id", "event_type", "count_unit"])["date"].notna().sum()
    placed = ev["date"].fillna(ev["period_start"]).dropna()
    years = s.loc[s.group_kind == "all", "period_start"].dt.year
    assert (years.min(), years.max()) == (placed.min().year, placed.max().year)
    assert placed.max().year <= 2026
