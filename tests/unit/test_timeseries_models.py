"""STL, count GLMs with overdispersion checks, SARIMAX forecasts, change points, seasonality, group trends."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.timeseries import (count_glm, detect_changepoints, group_trends, overdispersion_test,
                                 sarimax_forecast, seasonal_pattern, stl_decompose)
from analysis.timeseries.changepoints import penalty
from analysis.timeseries.design import fourier_terms, newey_west_lags


def monthly(values, start="2020-01-01"):
    return pd.Series(np.asarray(values, float), index=pd.date_range(start, periods=len(values), freq="MS"))


# --- STL -----------------------------------------------------------------------------------

def test_stl_finds_the_season_and_its_peak():
    idx = pd.date_range("2019-01-01", periods=48, freq="MS")
    y = pd.Series(30 + 10 * np.cos(2 * np.pi * (idx.month - 8) / 12) + 0.2 * np.arange(48), index=idx)
    r = stl_decompose(y)
    assert r.peak_month == 8
    assert r.seasonal_strength > 0.95
    np.testing.assert_allclose(r.components[["trend", "seasonal", "resid"]].sum(axis=1), y.to_numpy())
    assert set(r.table()["term"]) == {"seasonal_strength", "trend_strength", "peak_month"}


def test_stl_refuses_short_gappy_or_empty_series():
    with pytest.raises(ValueError, match="two full cycles"):
        stl_decompose(monthly(np.arange(23) + 1))
    gappy = monthly(np.arange(30) + 1).drop(pd.Timestamp("2021-03-01"))
    with pytest.raises(ValueError, match="missing periods inside the range: 2021-03-01"):
        stl_decompose(gappy)
    with pytest.raises(ValueError, match="gaps"):
        stl_decompose(monthly([np.nan] + [1.0] * 29))
    with pytest.raises(ValueError, match="every count is zero"):
        stl_decompose(monthly(np.zeros(30)))


# --- count GLM ---------------------------------------------------------------------------------

def test_overdispersion_test_exact_on_toy_values():
    y = np.array([0, 2, 4, 6.0])
    mu = np.full(4, 3.0)
    # z = ((y-mu)^2 - y)/mu = [3, -1/3, -1, 1]; alpha = sum(mu z)/sum(mu^2) = 2.6667*3/36
    out = overdispersion_test(y, mu)
    assert out["alpha"] == pytest.approx((3 - 1 / 3 - 1 + 1) * 3 / 36)


def test_count_glm_poisson_flags_clustered_counts():
    rng = np.random.default_rng(0)
    y = rng.negative_binomial(1, 1 / 11, 200)  # mean 10, variance 110
    df = pd.DataFrame({"y": y, "x": rng.normal(size=200)})
    r = count_glm(df, count="y", covariates=["x"])
    assert r.pearson_dispersion > 5 and r.is_overdispersed
    assert any("overdispersed" in n for n in r.notes)
    nb = count_glm(df, count="y", covariates=["x"], family="negbin")
    assert nb.nb_alpha == pytest.approx(1.0, abs=0.35)
    qp = count_glm(df, count="y", covariates=["x"], family="quasipoisson")
    assert qp.table().loc[1, "ci_high"] - qp.table().loc[1, "ci_low"] > r.table().loc[1, "ci_high"] - r.table().loc[1, "ci_low"]


def test_count_glm_equidispersed_is_not_flagged():
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"y": rng.poisson(20, 300), "pop": 1000.0})
    r = count_glm(df, count="y", offset="pop")
    assert not r.is_overdispersed
    assert float(r.rate_ratios["const"]) * 1000 == pytest.approx(df.y.mean(), rel=1e-6)


def test_count_glm_errors():
    df = pd.DataFrame({"y": [1, 2, np.nan, 3], "x": [1, 2, 3, 4]})
    with pytest.raises(ValueError, match="gaps"):
        count_glm(df, count="y", covariates=["x"])
    with pytest.raises(ValueError, match="not in the data"):
        count_glm(df, count="y", covariates=["z"])


# --- forecast -----------------------------------------------------------------------------------

def test_sarimax_forecast_shape_intervals_and_errors():
    rng = np.random.default_rng(2)
    y = monthly(rng.poisson(30, 40))
    f = sarimax_forecast(y, steps=5)
    t = f.table()
    assert list(t.columns) == ["period_start", "mean", "lower", "upper"]
    assert t["period_start"].iloc[0] == pd.Timestamp("2023-05-01")
    assert ((t["lower"] <= t["mean"]) & (t["mean"] <= t["upper"]) & (t["lower"] >= 0)).all()
    log_width = np.log1p(t["upper"]) - np.log1p(t["lower"])
    assert (np.diff(log_width) >= -1e-9).all()  # on the model's scale, intervals do not narrow ahead
    with pytest.raises(ValueError, match="too few"):
        sarimax_forecast(monthly([3, 4, 5, 6, 7]))
    with pytest.raises(ValueError, match="two cycles"):
        sarimax_forecast(y.iloc[:20], seasonal_order=(1, 0, 0, 12))
    with pytest.raises(ValueError, match="gaps"):
        sarimax_forecast(monthly([1.0, np.nan] + [2.0] * 10))


# --- change points --------------------------------------------------------------------------------

def test_pelt_poisson_finds_a_step():
    rng = np.random.default_rng(3)
    y = monthly(np.r_[rng.poisson(4, 30), rng.poisson(20, 30)])
    r = detect_changepoints(y)
    assert r.breakpoints == [30]
    assert r.break_labels == [pd.Timestamp("2022-07-01")]
    assert r.table()["n"].tolist() == [30, 30]


def test_pelt_no_break_in_constant_series_and_l2_cost():
    assert detect_changepoints(monthly(np.full(40, 7.0))).breakpoints == []
    y = monthly(np.r_[np.full(15, 2.0), np.full(15, 9.0)] + np.tile([0.0, 0.5], 15))
    assert detect_changepoints(y, cost="l2").breakpoints == [15]


def test_penalty_rule_values():
    pen, rule = penalty(np.array([5.0, 5, 5, 5, 5]))
    assert pen == pytest.approx(2 * np.log(5))
    assert "phi = 1" in rule
    pen2, _ = penalty(np.array([0.0, 10, 0, 10, 0]), cost="poisson")
    # sum(diff^2) = 400, /(2*4) = 50, / mean 4 = 12.5
    assert pen2 == pytest.approx(2 * 12.5 * np.log(5))
    pen3, _ = penalty(np.array([0.0, 10, 0, 10, 0]), cost="l2")
    assert pen3 == pytest.approx(2 * 50 * np.log(5))


def test_changepoint_errors():
    with pytest.raises(ValueError, match="cost"):
        detect_changepoints(monthly(np.arange(10)), cost="normal")
    with pytest.raises(ValueError, match="too few"):
        detect_changepoints(monthly([1, 2, 3, 4]))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=500), min_size=5, max_size=60))
def test_pelt_never_crashes_on_counts(values):
    y = monthly(values)
    if not any(values):
        with pytest.raises(ValueError):
            detect_changepoints(y)
        return
    r = detect_changepoints(y)
    assert sum(r.table()["n"]) == len(values)
    assert all(0 < b < len(values) for b in r.breakpoints)


# --- seasonality and group trends ------------------------------------------------------------------

def test_seasonal_pattern_with_gaps():
    idx = pd.date_range("2020-01-01", periods=48, freq="MS")
    y = pd.Series(np.round(40 * np.exp(0.4 * np.cos(2 * np.pi * (idx.month - 11) / 12))), index=idx)
    y.iloc[[3, 4, 17, 30]] = np.nan
    r = seasonal_pattern(y)
    assert (r.peak_month, r.trough_month) == (11, 5)
    assert r.peak_to_trough == pytest.approx(np.exp(0.8), rel=0.05)
    assert r.n_observed == 44 and r.df == 2
    assert list(r.table().columns) == ["month", "relative_rate"]


def test_seasonal_pattern_errors():
    with pytest.raises(ValueError, match="too few"):
        seasonal_pattern(monthly([5, 6, 7, 8, 9]))
    with pytest.raises(ValueError, match="calendar months"):
        seasonal_pattern(pd.Series([5.0, 6, 7, 8, 9, 10, 11], index=pd.date_range("2010-01-01", periods=7, freq="YS")))


def test_group_trends_exact_and_skips():
    t = pd.DataFrame({
        "series_id": ["a"] * 4 + ["b"] * 4 + ["c"] * 2,
        "group": ["a"] * 4 + ["b"] * 4 + ["c"] * 2, "freq": "Y",
        "period_start": pd.to_datetime(["2019-01-01", "2020-01-01", "2021-01-01", "2022-01-01"] * 2
                                       + ["2020-01-01", "2021-01-01"]),
        "count": [3.0, 6, 12, 1, 0, 0, 0, 1, 50, 60],
        "flag": [None, None, None, "partial year", None, None, None, None, None, None]})
    out = group_trends(t).set_index("group")
    assert out.loc["a", "rate_ratio"] == pytest.approx(2.0)
    assert out.loc["a", "n_periods"] == 3
    assert out.loc["b", "skipped"] == "total below 5"
    assert out.loc["c", "skipped"] == "fewer than 3 observed periods"


def test_design_helpers():
    F = fourier_terms(np.array([12]), 2)
    np.testing.assert_allclose(F, [[0.0, 1.0, 0.0, 1.0]], atol=1e-12)
    assert newey_west_lags(100) == 4
    with pytest.raises(ValueError, match="missing"):
        fourier_terms(np.array([1.0, np.nan]), 1)
