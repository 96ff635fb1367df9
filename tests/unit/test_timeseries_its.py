"""Interrupted time series: reproduce Lopez Bernal, Cummins & Gasparrini (2017) and refuse bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.timeseries import interrupted_time_series as its
from analysis.timeseries.its import its_design

SICILY = Path(__file__).resolve().parents[1] / "data" / "sicily.csv"

# Reference rate ratios (95% CI as exp(coef +/- 1.96 se), R's ci.exp) of the tutorial's models,
# computed independently by the IRLS below; model 3 matches the paper's printed 0.885 (0.839-0.933).
REFERENCE = {
    "model1": (0.894377, 0.864686, 0.925087),
    "model2": (0.894377, 0.839188, 0.953194),
    "model3": (0.885072, 0.839400, 0.933228),
    "model4": (0.876464, 0.826752, 0.929166),
}
MODEL4_SLOPE = (1.001483, 0.997849, 1.005130)


@pytest.fixture(scope="module")
def sicily() -> pd.DataFrame:
    return pd.read_csv(SICILY)


def _irls(X, y, off):
    """Poisson normal equations solved by iteratively reweighted least squares (numpy only)."""
    b = np.zeros(X.shape[1])
    b[0] = np.log(y.mean()) - off.mean()
    for _ in range(100):
        eta = X @ b + off
        mu = np.exp(eta)
        z = eta - off + (y - mu) / mu
        new = np.linalg.solve((X.T * mu) @ X, (X.T * mu) @ z)
        if np.max(np.abs(new - b)) < 1e-13:
            b = new
            break
        b = new
    mu = np.exp(X @ b + off)
    return b, np.linalg.inv((X.T * mu) @ X), np.sum((y - mu) ** 2 / mu) / (len(y) - X.shape[1])


def test_sicily_data_is_the_published_table(sicily):
    assert sicily.shape == (59, 7)
    assert list(sicily.columns) == ["year", "month", "aces", "time", "smokban", "pop", "stdpop"]
    assert int(sicily["smokban"].sum()) == 23 and int(sicily.loc[sicily.smokban == 1, "time"].min()) == 37


def test_reference_values_from_independent_irls(sicily):
    y, t, s, m = (sicily[c].to_numpy(float) for c in ("aces", "time", "smokban", "month"))
    off = np.log(sicily["stdpop"].to_numpy())
    harm = np.column_stack([f(2 * np.pi * k * m / 12) for k in (1, 2) for f in (np.sin, np.cos)])
    one = np.ones_like(y)
    X = np.column_stack([one, s, t, harm, (t - 36) * s])
    b, cov, phi = _irls(X, y, off)
    se = np.sqrt(np.diag(cov) * phi)
    assert np.exp(b[1]) == pytest.approx(REFERENCE["model4"][0], abs=5e-7)
    assert np.exp(b[1] - 1.96 * se[1]) == pytest.approx(REFERENCE["model4"][1], abs=5e-7)
    assert np.exp(b[-1] + 1.96 * se[-1]) == pytest.approx(MODEL4_SLOPE[2], abs=5e-7)


@pytest.mark.parametrize("model,kwargs", [
    ("model1", {}),
    ("model2", {"family": "quasipoisson"}),
    ("model3", {"family": "quasipoisson", "season": "month", "harmonics": 2}),
    ("model4", {"family": "quasipoisson", "season": "month", "harmonics": 2, "slope_change": True}),
])
def test_reproduces_lopez_bernal_2017_to_three_decimals(sicily, model, kwargs):
    r = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop", **kwargs)
    rr, lo, hi = REFERENCE[model]
    assert round(r.level_rate_ratio, 3) == round(rr, 3)
    assert round(r.level_ci[0], 3) == round(lo, 3)
    assert round(r.level_ci[1], 3) == round(hi, 3)


def test_model4_slope_change(sicily):
    r = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop", family="quasipoisson",
            season="month", harmonics=2, slope_change=True)
    assert round(r.slope_rate_ratio, 3) == round(MODEL4_SLOPE[0], 3)
    assert (round(r.slope_ci[0], 3), round(r.slope_ci[1], 3)) == (round(MODEL4_SLOPE[1], 3), round(MODEL4_SLOPE[2], 3))
    assert "slope change" in r.summary()


def test_default_is_poisson_with_dispersion_warning(sicily):
    r = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop")
    assert r.family == "poisson" and r.slope_rate_ratio is None
    assert r.dispersion == pytest.approx(3.559187, abs=1e-5)
    assert any("dispersion" in n for n in r.notes)


def test_hac_and_robust_errors_keep_estimates_change_intervals(sicily):
    base = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop")
    hac = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop", se="hac")
    rob = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop", se="robust")
    assert hac.level_rate_ratio == pytest.approx(base.level_rate_ratio, rel=1e-9)
    assert rob.level_rate_ratio == pytest.approx(base.level_rate_ratio, rel=1e-9)
    assert hac.level_ci[0] < base.level_ci[0] and rob.level_ci[0] < base.level_ci[0]


def test_negbin_estimates_close_to_quasipoisson(sicily):
    r = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop", family="negbin",
            season="month", harmonics=2)
    assert r.nb_alpha is not None and r.nb_alpha > 0
    assert abs(r.level_rate_ratio - REFERENCE["model3"][0]) < 0.01


def test_table_summary_plot(sicily):
    import matplotlib

    matplotlib.use("Agg")
    r = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop", family="quasipoisson")
    tab = r.table()
    assert list(tab["term"]) == ["const", "level", "time"]
    assert tab.loc[tab.term == "level", "rate_ratio"].round(3).item() == 0.894
    assert "rate ratio 0.894" in r.summary()
    ax = r.plot()
    assert len(ax.lines) >= 2
    # counterfactual equals fitted before the intervention
    pre = r.time <= r.t0
    np.testing.assert_allclose(r.counterfactual[pre], r.fitted[pre])


def test_time_since_intervention_counts_from_one(sicily):
    d = its_design(sicily, count="aces", intervention="smokban", time="time", slope_change=True)
    slope = d.X[:, d.names.index("slope")]
    assert slope[35] == 0 and slope[36] == 1 and slope[-1] == 23


def test_month_indicators_when_no_harmonics(sicily):
    r = its(sicily, count="aces", intervention="smokban", time="time", offset="stdpop", season="month")
    assert sum(t.startswith("season") for t in r.table()["term"]) == 11


def _toy(n=20, cut=10):
    t = np.arange(1, n + 1)
    return pd.DataFrame({"y": 10 + (t % 3), "t": t, "post": (t > cut).astype(int), "m": (t - 1) % 12 + 1})


@pytest.mark.parametrize("change,message", [
    (lambda d: d.iloc[:7], "too few"),
    (lambda d: d.assign(y=0), "every count is zero"),
    (lambda d: d.assign(y=d.y.astype(float).where(d.t != 5)), "gaps"),
    (lambda d: d.loc[d.t != 5], "constant step"),
    (lambda d: d.assign(post=0), "both before"),
    (lambda d: d.assign(post=1), "both before"),
    (lambda d: d.assign(post=(d.t % 2)), "switch from 0 to 1 once"),
    (lambda d: d.assign(post=d.post * 2), "only 0"),
    (lambda d: d.assign(y=-d.y), "non-negative"),
])
def test_bad_input_is_a_plain_error(change, message):
    with pytest.raises(ValueError, match=message):
        its(change(_toy()), count="y", intervention="post", time="t")


def test_option_errors():
    d = _toy()
    with pytest.raises(ValueError, match="season"):
        its(d, count="y", intervention="post", time="t", harmonics=1)
    with pytest.raises(ValueError, match="family"):
        its(d, count="y", intervention="post", time="t", family="gaussian")
    with pytest.raises(ValueError, match="se must be"):
        its(d, count="y", intervention="post", time="t", se="bootstrap")
    with pytest.raises(ValueError, match="not in the data"):
        its(d, count="nope", intervention="post", time="t")
    with pytest.raises(ValueError, match="harmonics"):
        its(d, count="y", intervention="post", time="t", season="m", harmonics=6)
    with pytest.raises(ValueError, match="offset"):
        its(d.assign(pop=0.0), count="y", intervention="post", time="t", offset="pop")


def test_recovers_a_known_step_exactly_without_noise():
    t = np.arange(1, 41)
    post = (t > 20).astype(int)
    y = 100 * np.exp(0.01 * t + np.log(0.7) * post)
    r = its(pd.DataFrame({"y": y, "t": t, "post": post}), count="y", intervention="post", time="t")
    assert r.level_rate_ratio == pytest.approx(0.7, abs=1e-6)
