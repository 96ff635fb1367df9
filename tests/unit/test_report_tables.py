"""Loading tables for reports, data-quality summaries, grouped tables and the brief's figures."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.report.brief import findings, key_figures, victims_table
from analysis.report.display import not_built, show_table
from analysis.report.inventory import parse_file_name
from analysis.report.quality import accounting, duplicate_summary, field_coverage, rejects_summary
from analysis.report.series_views import first_matching, one_series, series_catalogue
from analysis.report.summaries import count_values, per_year, sentences_by_verdict, victims_by
from analysis.report.tables import CONTRACT_COLUMNS, is_built, load_tables, table_status


def test_load_tables_reads_built_and_fills_missing(tmp_path):
    pd.DataFrame({"source": ["f"], "stage": ["read"], "reason": ["empty file"], "detail": [None]}).to_parquet(
        tmp_path / "rejects.parquet")
    pd.DataFrame({"actor_id": ["P-1"]}).to_parquet(tmp_path / "actors.parquet")
    t = load_tables(tmp_path, ["rejects", "actors", "cases"])
    assert is_built(t["rejects"]) and len(t["rejects"]) == 1
    assert list(t["actors"].columns) == ["actor_id", "kind", "roles", "label", "n_cases"]
    assert not is_built(t["cases"]) and list(t["cases"].columns) == CONTRACT_COLUMNS["cases"]
    assert table_status(t).values.tolist() == [["rejects", 1, 4, True], ["actors", 1, 5, True], ["cases", 0, 10, False]]


def test_field_coverage_counts_empty_lists_and_blanks_as_missing():
    df = pd.DataFrame({"a": ["x", " ", None], "b": [[1], [], [2, 3]]})
    assert field_coverage(df, "t")[["field", "filled", "share"]].values.tolist() == [["a", 1, 0.333], ["b", 2, 0.667]]


def test_duplicates_rejects_and_accounting():
    cases = pd.DataFrame({"source_file": ["a.txt", "b.txt"], "duplicate_of": [None, None]})
    rejects = pd.DataFrame({"source": ["d/a-2.txt", "d/z.txt", "d/z.txt"], "stage": ["validate", "parse", "parse"],
                            "reason": ["duplicate", "not a decision", "not a decision"], "detail": ["same bytes", None, None]})
    assert duplicate_summary(cases, rejects).values.tolist() == [["a-2.txt", None, "same bytes"]]
    assert rejects_summary(rejects).values.tolist() == [["parse", "not a decision", 2], ["validate", "duplicate", 1]]
    acc = accounting(["a.txt", "b.txt", "a-2.txt", "z.txt", "lost.txt"], cases, rejects)
    assert acc["n"].tolist() == [5, 2, 2, 1]


def test_count_values_per_year_victims_sentences():
    cases = pd.DataFrame({"destination_countries": [["Malaysia"], ["Malaysia", "Taiwan"], []],
                          "n_victims": [3, 10, None],
                          "decision_date": pd.to_datetime(["2024-01-01", "2025-01-01", "2025-06-01"])})
    assert count_values(cases, "destination_countries").values.tolist() == [["Malaysia", 2], ["Taiwan", 1]]
    assert per_year(cases, "decision_date").values.tolist() == [[2024, 1, "2024"], [2025, 2, "2025"]]
    assert victims_by(cases, "destination_countries").values.tolist() == [["Malaysia", 2, 13, 2], ["Taiwan", 1, 10, 1]]
    d = pd.DataFrame({"verdict": ["convicted", "convicted", "acquitted"], "sentence_months": [12, 24, None],
                      "fine_idr": [100, 300, None]})
    assert sentences_by_verdict(d).values.tolist()[0] == ["convicted", 2, 15.0, 18.0, 21.0, 200.0]


def test_show_table_needs_a_caption_and_suppresses():
    with pytest.raises(ValueError):
        show_table(pd.DataFrame({"a": [1]}), "")
    html = show_table(pd.DataFrame({"country": ["X"], "n_victims": [2]}), "cap", suppress=["n_victims"])._repr_html_()
    assert "&lt;5" in html and ">2<" not in html


def test_not_built_lists_missing_tables(tmp_path):
    t = load_tables(tmp_path, ["cases", "ties"])
    assert "`cases`, `ties`" in not_built(t, ["cases", "ties"]).text


def test_brief_on_toy_tables():
    tables = {
        "cases": pd.DataFrame({"case_id": ["k1", "k2", "k3"], "duplicate_of": [None, None, None],
                               "is_migrant_worker_case": [True, True, False],
                               "destination_countries": [["Malaysia"], ["Malaysia"], ["Taiwan"]],
                               "n_victims": [2, 7, 1]}),
        "defendants": pd.DataFrame({"verdict": ["convicted", "acquitted"], "sentence_months": [48, None]}),
    }
    for t in tables.values():
        t.attrs["_built"] = True
    inv = pd.DataFrame({"source_file": ["a", "b", "c"], "court_code": ["X", "X", "Y"], "year": [2023, 2024, 2025]})
    kf = key_figures(tables, inv)
    assert dict(zip(kf["measure"], kf["value"])) == {
        "Court decisions read": "3", "District courts": "2", "Decisions used (duplicates removed)": "3",
        "Share about migrant workers": "66.7%", "Defendants": "2", "Share convicted": "50.0%",
        "Median prison term of the convicted (months)": "48.0"}
    assert victims_table(tables["cases"]).values.tolist() == [["Malaysia", 2, 9, 2]]
    text = findings(tables, inv)
    assert "**3 decisions**" in text and "**2** of them" in text and "**Malaysia**" in text


def test_series_views():
    s = pd.DataFrame({"series_id": ["a/M", "a/M", "b/Y"], "source": ["x", "x", "y"], "freq": ["M", "M", "Y"],
                      "period_start": pd.to_datetime(["2024-02-01", "2024-01-01", "2020-01-01"]),
                      "count": [2.0, 1.0, None]})
    assert series_catalogue(s)[["series_id", "periods", "observed", "total"]].values.tolist()[0] == ["a/M", 2, 2, 3.0]
    assert one_series(s, "a/M")["count"].tolist() == [1.0, 2.0]
    assert first_matching(s, "/Y") == "b/Y" and first_matching(s, "zzz") is None


@pytest.mark.parametrize("name,expected", [
    ("1008_Pid.Sus_2025_PN_Mdn.txt", (1008, "Pid.Sus", 2025, "MDN", False)),
    ("163_Pid.Sus_2025_PN_JKT.SEL.txt", (163, "Pid.Sus", 2025, "JKT.SEL", False)),
    ("28_Pid.Sus_2024_PN_Bjr-2.txt", (28, "Pid.Sus", 2024, "BJR", True)),
    ("putusan_124_pid.sus_2024_pn_bdw_20260614151548.txt", (124, "Pid.Sus", 2024, "BDW", False)),
    ("1_Pid.B_2026_PN_Xyz.txt", (1, "Pid.B", 2026, "XYZ", False)),
    ("readme.md", (None, None, None, None, False)),
])
def test_parse_file_name(name, expected):
    got = parse_file_name(name)
    assert (got["number"], got["case_type"], got["year"], got["court_code"], got["is_copy"]) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_free_text_parsers_never_crash(text):
    assert set(parse_file_name(text)) == {"number", "case_type", "year", "court_code", "is_copy"}


