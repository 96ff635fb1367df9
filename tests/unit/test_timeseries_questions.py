"""The notebook's questions on toy tables: task-force rates, decision ITS, seasonality, growth, forecast."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.timeseries.questions import (DECISION_CAVEATS, forecast_for, growing_groups, rate_ratio_exact,
                                           satgas_decision_its, satgas_rate_comparison, seasonality_answers)
from analysis.timeseries.series import period_counts, tidy

T = pd.Timestamp


def test_rate_ratio_exact_values():
    rr, lo, hi = rate_ratio_exact(20, 10.0, 10, 10.0)
    assert rr == 2.0
    # Clopper-Pearson for 20/30 mapped through p/(1-p)
    from scipy.stats import beta
    plo, phi = beta.ppf(0.025, 20, 11), beta.ppf(0.975, 21, 10)
    assert lo == pytest.approx(plo / (1 - plo)) and hi == pytest.approx(phi / (1 - phi))
    with pytest.raises(ValueError):
        rate_ratio_exact(0, 1.0, 0, 1.0)
    with pytest.raises(ValueError):
        rate_ratio_exact(1, 0.0, 1, 1.0)


def test_satgas_rate_comparison_toy():
    figures = pd.DataFrame({"source_file": ["polri_tppo_counts.csv"] * 2, "metric": ["laporan_polisi"] * 2,
                            "period_start": [T("2023-01-01"), T("2022-01-01")],
                            "period_end": [T("2023-04-30"), T("2022-12-31")], "period_freq": ["irregular", "Y"],
                            "value": [24.0, 100.0], "source_url": ["u0", "u1"]})
    inc = pd.DataFrame({"metric": ["laporan_polisi"] * 2, "chain": ["all"] * 2,
                        "period_start": [T("2023-06-05"), T("2023-06-15")], "period_end": [T("2023-06-14"), T("2023-06-24")],
                        "increment": [30.0, 30.0], "source_url": ["s1", "s2"]})
    out = satgas_rate_comparison(figures, inc)
    assert out["window"].tolist() == ["before task force", "task force"]
    assert out["days"].tolist() == [120, 20]
    assert out["per_day"].tolist() == [0.2, 3.0]
    assert out["task_force_rate_ratio"].iloc[0] == pytest.approx(15.0)
    assert out["ci_low"].iloc[0] < 15 < out["ci_high"].iloc[0]


def _decision_table(values, start="2021-01-01"):
    idx = pd.date_range(start, periods=len(values), freq="MS")
    recs = pd.DataFrame({"d": np.repeat(idx, values)})
    c = period_counts(recs, "d", "M", window=(idx[0], idx[-1]))
    return tidy(c, source="cases", measure="decisions_by_decision_date", freq="M", coverage_note="toy")


def test_satgas_decision_its_step_and_caveats():
    rng = np.random.default_rng(5)
    vals = np.r_[rng.poisson(10, 29), rng.poisson(20, 19)]   # step at month 30 = June 2023
    r = satgas_decision_its(_decision_table(vals), harmonics=0)
    assert r.n_obs == 48 and r.t0 == 29
    assert 1.4 < r.level_rate_ratio < 2.8
    assert all(c in r.notes for c in DECISION_CAVEATS)
    late = satgas_decision_its(_decision_table(vals), harmonics=0, lag_months=6)
    assert late.t0 == 35
    with pytest.raises(ValueError, match="both before"):
        satgas_decision_its(_decision_table(vals[:20]), harmonics=0)


def test_seasonality_answers_reports_reasons():
    out = seasonality_answers(_decision_table(np.full(30, 5)), series_ids=["cases/decisions_by_decision_date/M", "nope"])
    assert out["nope"] == "no series 'nope' in the table"
    assert out["cases/decisions_by_decision_date/M"].peak_to_trough == pytest.approx(1.0, abs=1e-6)


def test_growing_groups_and_forecast():
    recs = pd.DataFrame({"d": pd.to_datetime(["2020-06-01"] * 2 + ["2021-06-01"] * 4 + ["2022-06-01"] * 8
                                             + ["2020-06-01", "2021-06-01", "2022-06-01"] * 3),
                         "g": ["A"] * 14 + ["B"] * 9})
    c = period_counts(recs, "d", "Y", group_col="g")
    t = tidy(c, source="cases", measure="decisions_by_decision_date", freq="Y", group_kind="province", coverage_note="toy")
    out = growing_groups(t, source="cases", measure="decisions_by_decision_date", group_kind="province")
    assert out["group"].tolist() == ["A", "B"]
    assert out["rate_ratio"].round(6).tolist() == [2.0, 1.0]
    with pytest.raises(ValueError, match="no Y series"):
        growing_groups(t, source="cases", measure="x", group_kind="province")
    f = forecast_for(_decision_table(np.r_[np.full(12, 4), np.full(12, 6)]), "cases/decisions_by_decision_date/M", steps=3)
    assert len(f.table()) == 3 and "forecast" in f.summary()


def test_relative_growth_cancels_collection_growth():
    # all decisions double each year; group A keeps half of them, group B the other half
    years = ["2020-06-01", "2021-06-01", "2022-06-01"]
    recs = pd.DataFrame({"d": pd.to_datetime(np.repeat(years, [4, 8, 16])),
                         "g": ["A", "B"] * 14})
    parts = [tidy(period_counts(recs, "d", "Y"), source="cases", measure="m", freq="Y", coverage_note="toy"),
             tidy(period_counts(recs, "d", "Y", group_col="g"), source="cases", measure="m", freq="Y",
                  group_kind="court", coverage_note="toy")]
    t = pd.concat(parts, ignore_index=True)
    absolute = growing_groups(t, source="cases", measure="m", group_kind="court", min_total=0)
    share = growing_groups(t, source="cases", measure="m", group_kind="court", min_total=0, relative=True)
    assert absolute["rate_ratio"].round(6).tolist() == [2.0, 2.0]
    assert share["rate_ratio"].round(6).tolist() == [1.0, 1.0]
    late = growing_groups(t, source="cases", measure="m", group_kind="court", min_total=0, start="2021-01-01")
    assert late["skipped"].tolist() == ["fewer than 3 observed periods"] * 2
