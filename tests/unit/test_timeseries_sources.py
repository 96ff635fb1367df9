"""Readers of official figures and TIP flows: period parsing, rejects, task-force increments."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sources.official_stats import (outlet, parse_period, read_jatim, read_long_figures,
                                             satgas_increments)
from analysis.sources.tip_flows import country_mentions, read_tip_flows

T = pd.Timestamp


@pytest.mark.parametrize("text,start,end,freq,flag", [
    ("2021", "2021-01-01", "2021-12-31", "Y", None),
    ("2024-02", "2024-02-01", "2024-02-29", "M", None),
    ("2023-06-05", "2023-06-05", "2023-06-05", "D", None),
    ("2020..2023-04", "2020-01-01", "2023-04-30", "irregular", None),
    ("2023-01-01..2023-12-20", "2023-01-01", "2023-12-20", "irregular", None),
    ("2007..2024-11-14", "2007-01-01", "2024-11-14", "irregular", None),
    ("2024-02?", "2024-02-01", "2024-02-29", "M", "uncertain period"),
    ("2023 (to mid-June)", "2023-01-01", "2023-06-15", "irregular", "approximate end"),
    (" 2022-10 ", "2022-10-01", "2022-10-31", "M", None),
])
def test_parse_period(text, start, end, freq, flag):
    p = parse_period(text)
    assert (p.start, p.end, p.freq, p.flag) == (T(start), T(end), freq, flag)


@pytest.mark.parametrize("text", ["", "period", "2023-13", "2023-02-30", "2024..2023", "20233", "mid 2023",
                                  "2023 (to mid-Juno)", None, 2023])
def test_parse_period_refuses(text):
    with pytest.raises(ValueError):
        parse_period(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_parse_period_never_crashes(text):
    try:
        p = parse_period(text)
    except ValueError:
        return
    assert p.start <= p.end


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(0, 40))
def test_parse_period_ranges_roundtrip(year, month, extra):
    end_year = min(year + extra // 12, 2100)
    p = parse_period(f"{year}-{month:02d}..{end_year}")
    assert p.start == T(year, month, 1) and p.end == T(end_year, 12, 31) and p.freq == "irregular"


def test_outlet():
    assert outlet("https://news.okezone.com:443/read/x") == "news.okezone.com"
    assert outlet("https://www.viva.co.id/a") == "viva.co.id"
    assert outlet(None) == "unknown"


def test_read_long_figures_keeps_urls_and_rejects_bad_rows(tmp_path):
    f = tmp_path / "figs.csv"
    f.write_text("period,metric,category,value,source_url,note\n"
                 "2021,m,,10,https://a.example/x,n1\n"
                 "sometime,m,,11,https://a.example/y,\n"
                 "2022,m,,ten,https://a.example/z,\n"
                 "2022-03,m,Malaysia,\"1,200\",https://b.example/q,\n")
    figs, rej = read_long_figures(f)
    assert figs["value"].tolist() == [10.0, 1200.0]
    assert figs["source_url"].tolist() == ["https://a.example/x", "https://b.example/q"]
    assert rej["reason"].tolist() == ["unreadable period", "non-numeric value"]
    assert rej["source"].tolist() == ["figs.csv:3", "figs.csv:4"]
    assert len(figs) + len(rej) == 4   # used + rejected = read


def test_read_long_figures_missing_columns(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("a,b\n1,2\n")
    figs, rej = read_long_figures(f)
    assert figs.empty and rej["reason"].tolist() == ["missing columns"]


def test_read_jatim_blank_is_null_last_year_partial(tmp_path):
    f = tmp_path / "jatim.csv"
    f.write_text("nama_resmi,2023,2024,2025,avg_all_avail,n_years\nA,10,,3,6.5,2\nB,x,5,1,3,2\n")
    figs, rej = read_jatim(f)
    a = figs.loc[figs.category == "A"].set_index("period_text")
    assert pd.isna(a.loc["2024", "value"]) and a.loc["2025", "flag"] == "partial year"
    assert a.loc["2023", "value"] == 10.0
    assert rej["detail"].tolist() == ["x"]
    assert "avg_all_avail" not in set(figs["period_text"])


def _snapshots():
    return pd.DataFrame({
        "report_date": pd.to_datetime(["2023-06-12", "2023-06-18", "2023-06-20", "2023-06-20", "2023-06-24"]),
        "period_start": pd.to_datetime(["2023-06-05"] * 5),
        "period_end": pd.to_datetime(["2023-06-11", "2023-06-15", "2023-06-19", "2023-06-19", None]),
        "korban_total": [100, 150, 180, 190, 185],
        "tersangka": [10, 12, 20, None, 25],
        "outlet": ["a", "b", "c", "d", "e"], "source_url": ["u1", "u2", "u3", "u4", "u5"]})


def test_satgas_increments_sum_back_and_cover_days():
    inc = satgas_increments(_snapshots(), ["korban_total", "tersangka"])
    t = inc.loc[inc.metric == "tersangka"]
    assert t["chain"].unique().tolist() == ["all"]
    assert t["increment"].tolist() == [10.0, 2.0, 8.0, 5.0]
    assert t["period_start"].tolist() == [T("2023-06-05"), T("2023-06-12"), T("2023-06-16"), T("2023-06-20")]
    assert t["period_end"].iloc[-1] == T("2023-06-23")
    assert "day before report assumed" in t["flag"].iloc[-1]
    assert t["n_days"].tolist() == [7, 4, 4, 4]
    k = inc.loc[inc.metric == "korban_total"]
    assert sorted(k["chain"].unique()) == ["c", "d"]
    for chain, g in k.groupby("chain"):
        assert g["increment"].sum() == g["cumulative"].iloc[-1] == 185
    d = k.loc[k.chain == "d"]
    assert d["increment"].tolist() == [100.0, 50.0, 40.0, -5.0]
    assert "revision" in d["flag"].iloc[-1]


def test_tip_flows_count_repeats_and_reject_bad_lines(tmp_path):
    folder = tmp_path / "networks" / "tip_country_network"
    folder.mkdir(parents=True)
    (folder / "edgelist2001.txt").write_text("Indonesia,Malaysia\nIndonesia,Malaysia\nIndonesia,Japan\nbroken line\n")
    (folder / "edgelist2002.txt").write_text("Philippines,Malaysia\n,Japan\n")
    flows, rej = read_tip_flows(tmp_path)
    assert flows["mentions"].tolist() == [1, 2, 1]
    assert rej["source"].tolist() == ["edgelist2001.txt:4", "edgelist2002.txt:2"]
    cm = country_mentions(flows, "Indonesia")
    assert cm[["year", "mentions", "n_partners"]].values.tolist() == [[2001, 3, 2], [2002, 0, 0]]
    dest = country_mentions(flows, "Malaysia", role="destination")
    assert dest["mentions"].tolist() == [2, 1]
    with pytest.raises(ValueError):
        country_mentions(flows, role="transit")


def test_tip_flows_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_tip_flows(tmp_path)
