"""Series builders: true zeros apart from gaps, breakdowns, coverage, schema."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.schemas import validate
from analysis.timeseries import build_series_tables, get_series
from analysis.timeseries.grid import period_end, period_grid, period_start
from analysis.timeseries.series import coverage_table, period_counts
from analysis.timeseries.series_cases import case_series
from analysis.timeseries.series_events import event_series
from analysis.timeseries.series_official import figures_series, satgas_series
from analysis.sources.official_stats import satgas_increments

T = pd.Timestamp


@pytest.fixture
def cases() -> pd.DataFrame:
    return pd.DataFrame({
        "case_id": ["1/Pid.Sus/2024/PN Aaa", "2/Pid.Sus/2024/PN Bbb", "3/Pid.Sus/2024/PN Aaa",
                    "4/Pid.Sus/2024/PN Aaa", "5/Pid.Sus/2024/PN Bbb"],
        "court": ["PN Aaa", "PN Bbb", "PN Aaa", "PN Aaa", "PN Bbb"],
        "decision_date": pd.to_datetime(["2024-01-15", "2024-04-02", "2024-04-20", None, "2024-01-03"]),
        "offence_date": pd.to_datetime(["2023-06-01", "2023-11-02", None, "2023-01-01", "2023-06-30"]),
        "destination_countries": [["Malaysia"], ["Malaysia", "Cambodia"], [], ["Taiwan"], ["Malaysia"]],
        "is_migrant_worker_case": [True, True, False, True, True],
        "duplicate_of": [None, None, None, None, "2_Pid.Sus_2024_PN_Bbb.txt"],
    })


def test_period_helpers():
    s = pd.Series(pd.to_datetime(["2024-02-29", None]))
    assert period_start(s, "Y").tolist()[0] == T("2024-01-01") and pd.isna(period_start(s, "Y")[1])
    assert period_end(pd.Series([T("2024-04-01")]), "Q").tolist() == [T("2024-06-30")]
    assert len(period_grid("2020-03-01", "2024-02-01", "Y")) == 5
    with pytest.raises(ValueError, match="freq"):
        period_grid("2020-01-01", "2021-01-01", "W")


def test_case_series_counts_zeros_and_breakdowns(cases):
    s, (read, used) = case_series(cases)
    assert (read, used) == (5, 3)    # one duplicate and one undated left out
    m = get_series(s, "cases/decisions_by_decision_date/M")
    assert m.index.tolist() == [T("2024-01-01"), T("2024-02-01"), T("2024-03-01"), T("2024-04-01")]
    assert m.tolist() == [1.0, 0.0, 0.0, 2.0]    # Feb and March observed, none decided
    assert get_series(s, "cases/decisions_by_decision_date/Q").tolist() == [1.0, 2.0]
    assert get_series(s, "cases/migrant_worker_decisions_by_decision_date/M").tolist() == [1.0, 0.0, 0.0, 1.0]
    assert get_series(s, "cases/decisions_by_decision_date/M/court=PN Aaa").tolist() == [1.0, 0.0, 0.0, 1.0]
    dest = s.loc[(s.group_kind == "destination") & (s.freq == "Y") & (s.measure == "decisions_by_decision_date")]
    assert dict(zip(dest["group"], dest["count"])) == {"Cambodia": 1.0, "Malaysia": 2.0, "unknown": 1.0}
    off = get_series(s, "cases/decisions_by_offence_date/Y")
    assert off.tolist() == [3.0]    # offence dates of the three kept, dated-by-offence decisions
    assert s["is_observed"].all()
    edge = s.loc[s.series_id == "cases/decisions_by_decision_date/M"].set_index("period_start")["flag"]
    assert edge.notna().tolist() == [True, False, False, True]


def test_event_series_counts_and_sums():
    ev = pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a3"], "event_type": ["arrest", "rescue", "arrest", "arrest"],
        "count": [3.0, 12.0, None, 2.0], "count_unit": ["suspects", "victims", None, "suspects"],
        "date": pd.to_datetime(["2024-01-05", "2024-01-05", None, "2024-03-09"]),
        "period_start": pd.to_datetime([None, None, "2024-02-01", None]),
        "countries": [["Malaysia"], ["Malaysia"], [], ["Cambodia"]],
    })
    s, (read, used) = event_series(ev)
    assert (read, used) == (4, 4)
    assert get_series(s, "events/events_arrest/M").tolist() == [1.0, 1.0, 1.0]
    assert get_series(s, "events/arrest_suspects/M").tolist() == [3.0, 0.0, 2.0]
    assert get_series(s, "events/rescue_victims/M").tolist() == [12.0, 0.0, 0.0]
    assert get_series(s, "events/arrest_suspects/Y/country=Cambodia").tolist() == [2.0]


def test_official_figures_null_is_not_zero():
    figs = pd.DataFrame({
        "source_file": ["bp2mi_pengaduan_long.csv"] * 4, "row": [2, 3, 4, 5],
        "metric": ["pengaduan_total", "pengaduan_total", "pengaduan_total", "pengaduan_negara"],
        "category": [None, None, None, "Malaysia"], "source_unit": [None] * 4,
        "period_start": pd.to_datetime(["2024-01-01", "2024-04-01", "2024-04-01", "2024-04-01"]),
        "period_end": pd.to_datetime(["2024-01-31", "2024-04-30", "2024-04-30", "2024-04-30"]),
        "period_freq": ["M"] * 4, "value": [10.0, 0.0, 2.0, 5.0],
        "source_url": ["https://x.example/1", "https://x.example/2", "https://y.example/3", "https://x.example/4"],
        "flag": [None] * 4})
    s = figures_series(figs)
    main = s.loc[s.series_id == "official:bp2mi_pengaduan/pengaduan_total/M"]
    assert main["count"].tolist()[0] == 10.0 and main["count"].tolist()[3] == 0.0
    assert main["count"].isna().tolist() == [False, True, True, False]
    assert main["is_observed"].tolist() == [True, False, False, True]
    assert "outlets disagree" in main["flag"].iloc[3]
    alt = s.loc[s.series_id == "official:bp2mi_pengaduan/pengaduan_total@y.example/M"]
    assert alt["count"].tolist() == [2.0]
    assert s.loc[s.group_kind == "destination", "group"].tolist() == ["Malaysia"]
    assert set(s["source_url"].dropna()) == {f"https://{h}.example/{i}" for h, i in (("x", 1), ("x", 2), ("y", 3), ("x", 4))}


def test_satgas_series_irregular_chains():
    snap = pd.DataFrame({"report_date": pd.to_datetime(["2023-06-12", "2023-06-20", "2023-06-20"]),
                         "period_start": pd.to_datetime(["2023-06-05"] * 3),
                         "period_end": pd.to_datetime(["2023-06-11", "2023-06-19", "2023-06-19"]),
                         "korban_total": [824, 1528, 1582], "outlet": ["a", "b", "c"], "source_url": ["u1", "u2", "u3"]})
    s = satgas_series(satgas_increments(snap, ["korban_total"]))
    assert set(s["freq"]) == {"irregular"} and set(s["group_kind"]) == {"outlet"}
    assert s.groupby("group")["count"].sum().to_dict() == {"b": 1528.0, "c": 1582.0}
    validate(s, "series")


def test_build_series_tables_without_inputs_and_schema(cases):
    t = build_series_tables(None, None, None)
    assert set(t) == {"series", "series_coverage"} and t["series"].empty
    t = build_series_tables(cases, pd.DataFrame(), None)
    validate(t["series"], "series")
    cov = validate(t["series_coverage"], "series_coverage")
    row = cov.set_index("series_id").loc["cases/decisions_by_decision_date/M"]
    assert (row["n_periods"], row["n_observed"], row["n_zero"], row["total"]) == (4, 4, 2, 3.0)
    assert (row["n_records_read"], row["n_records_used"]) == (5, 3)
    assert "crawler" in row["coverage_note"]


def test_schema_rejects_observed_period_without_count():
    s = pd.DataFrame({"series_id": ["x"], "source": ["s"], "freq": ["M"], "period_start": [T("2024-01-01")],
                      "count": pd.array([None], dtype="Float64"), "is_observed": [True]})
    with pytest.raises(Exception, match="observed_periods_have_a_count"):
        validate(s, "series")


def test_coverage_table_empty():
    assert coverage_table(pd.DataFrame()).empty


@settings(max_examples=60, deadline=None)
@given(st.lists(st.datetimes(min_value=pd.Timestamp("2000-01-01").to_pydatetime(),
                             max_value=pd.Timestamp("2030-12-31").to_pydatetime()), min_size=1, max_size=40),
       st.sampled_from(["M", "Q", "Y"]))
def test_period_counts_conserve_records(dates, freq):
    df = pd.DataFrame({"d": pd.to_datetime(dates)})
    out = period_counts(df, "d", freq)
    assert out["count"].sum() == len(dates)
    assert out["period_start"].is_monotonic_increasing and out["period_start"].is_unique
    assert (out["count"] >= 0).all()


def test_event_reported_by_several_articles_counts_once():
    ev = pd.DataFrame({
        "event_id": ["E1", "E1", "E2"], "article_id": ["a1", "a2", "a3"], "event_type": ["arrest"] * 3,
        "count": [4.0, 6.0, 1.0], "count_unit": ["suspects"] * 3,
        "date": pd.to_datetime(["2024-02-03", "2024-01-20", "2024-02-10"])})
    s, (read, used) = event_series(ev, freqs=("M",))
    assert (read, used) == (3, 2)
    assert get_series(s, "events/events_arrest/M").tolist() == [1.0, 1.0]
    assert get_series(s, "events/arrest_suspects/M").tolist() == [6.0, 1.0]
