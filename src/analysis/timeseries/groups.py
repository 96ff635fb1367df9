"""Trends of many grouped series at once (by province, court, destination, regency ...).

Each group's observed periods get a log-linear count model ``log E[count] = a + b*t`` with
``t`` in years, fitted on arrays (no formula parsing), so that hundreds of groups take
seconds. ``exp(b)`` is the yearly growth rate ratio; quasi-Poisson errors by default, since
grouped counts are usually overdispersed, with the dispersion kept at 1 or more (as in
Farrington et al. 1996, "A statistical algorithm for the early detection of outbreaks of
infectious disease", J R Stat Soc A 159(3):547-563): a few sparse periods that happen to vary
little must not give narrower intervals than Poisson. Unobserved (null) periods are left out,
not zeroed.

>>> t = pd.DataFrame({"series_id": ["s/a"] * 3 + ["s/b"] * 3, "group": ["a"] * 3 + ["b"] * 3,
...     "freq": "Y", "period_start": pd.to_datetime(["2020-01-01", "2021-01-01", "2022-01-01"] * 2),
...     "count": [10.0, 20, 40, 8, 8, 8]})
>>> group_trends(t, min_total=0)[["group", "rate_ratio"]].round(3).values.tolist()
[['a', 2.0], ['b', 1.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from analysis.timeseries.glm import fit_count_arrays

PER_YEAR = {"M": 12.0, "Q": 4.0, "Y": 1.0, "W": 52.18, "D": 365.25}


def trend_design(periods: pd.Series, freq: str) -> np.ndarray:
    """``[1, t]`` with ``t`` the time in years since the first period."""
    p = pd.DatetimeIndex(periods)
    t = (p.year - p.year.min()) + (p.month - 1) / 12.0 if freq in ("M", "Q", "Y") else \
        (p - p.min()).days / 365.25
    return np.column_stack([np.ones(len(p)), np.asarray(t, float)])


def group_trends(series: pd.DataFrame, *, family: str = "quasipoisson", min_total: float = 5,
                 min_periods: int = 3, alpha: float = 0.05, drop_flagged: str | None = r"partial|partly",
                 exposure: str | None = None) -> pd.DataFrame:
    """One row per series: periods, total, yearly rate ratio with CI, p-value and dispersion.

    Periods whose ``flag`` matches ``drop_flagged`` (default: partial years and partly
    collected edge periods, which would bend a trend down) are left out. Series with fewer
    than ``min_periods`` observed periods or a total below ``min_total`` are listed with a
    ``skipped`` reason instead of estimates. ``exposure`` names a column whose log enters as
    an offset (e.g. all decisions in the period, so that the trend is one of the group's share).
    """
    z = stats.norm.ppf(1 - alpha / 2)
    rows = []
    obs = series.loc[series["count"].notna()]
    if exposure is not None:
        obs = obs.loc[obs[exposure].notna() & (obs[exposure] > 0)]
    if drop_flagged and "flag" in obs:
        obs = obs.loc[~obs["flag"].fillna("").astype(str).str.contains(drop_flagged, regex=True)]
    for sid, g in obs.groupby("series_id", sort=True):
        y = g["count"].to_numpy(dtype=float)
        rec = {"series_id": sid, "group": g["group"].iloc[0] if "group" in g else sid,
               "n_periods": len(y), "total": float(y.sum()), "rate_ratio": np.nan, "ci_low": np.nan,
               "ci_high": np.nan, "p_value": np.nan, "dispersion": np.nan, "skipped": None}
        if len(y) < min_periods:
            rec["skipped"] = f"fewer than {min_periods} observed periods"
        elif y.sum() < max(min_total, 1e-12):
            rec["skipped"] = f"total below {min_total}"
        else:
            X = trend_design(g["period_start"], g["freq"].iloc[0] if "freq" in g else "Y")
            off = None if exposure is None else np.log(g[exposure].to_numpy(dtype=float))
            params, cov, _, disp, _ = fit_count_arrays(y, X, off, family=family)
            if family == "quasipoisson" and 0 < disp < 1:
                cov = cov / disp
            b, se = params[1], float(np.sqrt(max(cov[1, 1], 0)))
            rec.update(rate_ratio=float(np.exp(b)), ci_low=float(np.exp(b - z * se)),
                       ci_high=float(np.exp(b + z * se)), p_value=float(2 * stats.norm.sf(abs(b / se))) if se > 0 else np.nan,
                       dispersion=disp)
        rows.append(rec)
    out = pd.DataFrame(rows, columns=["series_id", "group", "n_periods", "total", "rate_ratio", "ci_low", "ci_high",
                                      "p_value", "dispersion", "skipped"])
    return out.sort_values(["skipped", "rate_ratio"], ascending=[True, False], na_position="first",
                           kind="stable").reset_index(drop=True)
