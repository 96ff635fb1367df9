"""The questions the time-series notebook answers, each as one function over the built tables.

* :func:`satgas_rate_comparison` - police reports per day during the 2023 task force
  (Satgas TPPO, from 5 June 2023) against the rate the police reported before it.
* :func:`satgas_decision_its` - an interrupted time series of monthly court decisions around
  the task force's start (with the caveats that must travel with it).
* :func:`seasonality_answers` - month-of-year patterns of complaints, placements and decisions.
* :func:`growing_groups` - which provinces, destinations, courts or regencies grow.
* :func:`forecast_for` - a forecast with intervals for any regular series.

>>> round(rate_ratio_exact(20, 10.0, 10, 10.0)[0], 3)
2.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from analysis.timeseries.forecast import ForecastResult, sarimax_forecast
from analysis.timeseries.groups import group_trends
from analysis.timeseries.its import ITSResult, interrupted_time_series
from analysis.timeseries.seasonality import SeasonalityResult, seasonal_pattern
from analysis.timeseries.series import get_series

SATGAS_START = pd.Timestamp("2023-06-05")
DECISION_CAVEATS = [
    "decision dates lag the offence and the arrest by months to years, so a task force starting in "
    "June 2023 shows in decisions later, if at all",
    "the corpus is what the crawler collected from the Supreme Court directory, concentrated in 2024-2025; "
    "a jump in decisions may be a jump in collection, not in cases",
    "one intervention, no control series: other changes at the same time are not separated",
]


def rate_ratio_exact(x1: float, t1: float, x0: float, t0: float, alpha: float = 0.05) -> tuple[float, float, float]:
    """Ratio of two Poisson rates ``(x1/t1) / (x0/t0)`` with the exact conditional interval.

    Given ``x1 + x0`` events, ``x1`` is binomial with ``p = r t1 / (r t1 + t0)``; the
    Clopper-Pearson interval for ``p`` maps to the rate ratio (Breslow & Day 1987, *Statistical
    Methods in Cancer Research* vol. II, section 2.4).
    """
    if min(x1, x0) < 0 or min(t1, t0) <= 0:
        raise ValueError("counts must be non-negative and exposures positive")
    n = int(x1 + x0)
    if n == 0:
        raise ValueError("no events in either period")
    ci = stats.binomtest(int(x1), n).proportion_ci(1 - alpha, method="exact")

    def to_rr(p: float) -> float:
        return (p / (1 - p)) * (t0 / t1) if p < 1 else np.inf

    rr = (x1 / t1) / (x0 / t0) if x0 > 0 else np.inf
    return float(rr), float(to_rr(ci.low)), float(to_rr(ci.high))


def satgas_rate_comparison(figures: pd.DataFrame, increments: pd.DataFrame, metric: str = "laporan_polisi") -> pd.DataFrame:
    """Per-day police reports before and during the task force, with exact rate ratios.

    ``figures`` and ``increments`` are ``load_official_stats(...)["figures"]`` and
    ``["satgas_increments"]``. Baselines are the police's own pre-task-force figures for the
    same unit; the task-force window runs from its start to its last reported total.
    """
    pre = figures.loc[(figures["source_file"] == "polri_tppo_counts.csv") & (figures["metric"] == metric)
                      & (figures["period_end"] < SATGAS_START)]
    pre = pre.loc[pre["period_freq"] == "irregular"].copy()
    inc = increments.loc[(increments["metric"] == metric) & (increments["chain"] == "all")]
    if inc.empty or pre.empty:
        raise ValueError(f"no task-force increments or pre-task-force figures for {metric!r}")
    during = pd.DataFrame([{"window": "task force", "period_start": inc["period_start"].min(),
                            "period_end": inc["period_end"].max(), "count": float(inc["increment"].sum()),
                            "source_url": inc["source_url"].iloc[-1]}])
    base = pd.DataFrame({"window": "before task force", "period_start": pre["period_start"],
                         "period_end": pre["period_end"], "count": pre["value"], "source_url": pre["source_url"]})
    out = pd.concat([base, during], ignore_index=True)
    out["days"] = (out["period_end"] - out["period_start"]).dt.days + 1
    out["per_day"] = out["count"] / out["days"]
    x1, t1 = float(during["count"].iloc[0]), float(out["days"].iloc[-1])
    rr = [rate_ratio_exact(x1, t1, c, d) if w != "task force" else (np.nan, np.nan, np.nan)
          for w, c, d in zip(out["window"], out["count"], out["days"])]
    out["task_force_rate_ratio"] = [r[0] for r in rr]
    out["ci_low"] = [r[1] for r in rr]
    out["ci_high"] = [r[2] for r in rr]
    out.insert(0, "metric", metric)
    return out


def _monthly_frame(series_table: pd.DataFrame, sid: str) -> pd.DataFrame:
    s = get_series(series_table, sid)
    return pd.DataFrame({"period_start": s.index, "count": s.to_numpy(), "time": np.arange(1, len(s) + 1),
                         "month": s.index.month})


def satgas_decision_its(series_table: pd.DataFrame, *, measure: str = "decisions_by_decision_date",
                        lag_months: int = 0, start: str | None = None, family: str = "quasipoisson",
                        harmonics: int = 1, slope_change: bool = False) -> ITSResult:
    """ITS of monthly decisions with the step at June 2023 (+ ``lag_months``).

    ``start`` trims the series to begin at that month (e.g. where collection looks complete).
    The caveats in :data:`DECISION_CAVEATS` are attached to the result's notes.
    """
    df = _monthly_frame(series_table, f"cases/{measure}/M")
    if start is not None:
        df = df.loc[df["period_start"] >= pd.Timestamp(start)].assign(time=lambda d: np.arange(1, len(d) + 1))
    cut = SATGAS_START.to_period("M").start_time + pd.DateOffset(months=lag_months)
    df["satgas"] = (df["period_start"] >= cut).astype(int)
    r = interrupted_time_series(df, count="count", intervention="satgas", time="time",
                                season="month" if harmonics else None, harmonics=harmonics,
                                slope_change=slope_change, family=family)
    r.name = f"decisions per month, step at {cut:%Y-%m}"
    r.notes.extend(DECISION_CAVEATS)
    return r


def seasonality_answers(series_table: pd.DataFrame, series_ids: list[str] | None = None,
                        harmonics: int = 1) -> dict[str, SeasonalityResult | str]:
    """Seasonal patterns of the monthly series asked for (default: complaints, placements, decisions).

    A series that cannot support the model maps to the plain reason instead of a result.
    """
    ids = series_ids or ["official:bp2mi_pengaduan/pengaduan_total/M", "official:bp2mi_penempatan/penempatan_total/M",
                         "cases/decisions_by_decision_date/M", "cases/migrant_worker_decisions_by_decision_date/M"]
    out: dict[str, SeasonalityResult | str] = {}
    for sid in ids:
        try:
            out[sid] = seasonal_pattern(get_series(series_table, sid), harmonics=harmonics, name=sid)
        except ValueError as exc:
            out[sid] = str(exc)
    return out


def growing_groups(series_table: pd.DataFrame, *, source: str, measure: str, group_kind: str, freq: str = "Y",
                   min_total: float = 5, family: str = "quasipoisson", start: str | None = None,
                   end: str | None = None, relative: bool = False) -> pd.DataFrame:
    """Yearly growth rate ratio per group of one measure (see :func:`analysis.timeseries.groups.group_trends`).

    ``start``/``end`` restrict the periods (e.g. to where a collection is dense). With
    ``relative`` the total of the same measure in each period is the exposure, so the ratio
    is the yearly change of the group's share: growth of the whole collection cancels out.
    """
    sel = series_table.loc[(series_table["source"] == source) & (series_table["measure"] == measure)
                           & (series_table["freq"] == freq)]
    if start is not None:
        sel = sel.loc[sel["period_start"] >= pd.Timestamp(start)]
    if end is not None:
        sel = sel.loc[sel["period_start"] <= pd.Timestamp(end)]
    groups = sel.loc[sel["group_kind"] == group_kind]
    if groups.empty:
        raise ValueError(f"no {freq} series of {source}/{measure} by {group_kind}")
    exposure = None
    if relative:
        total = sel.loc[sel["group_kind"] == "all"].set_index("period_start")["count"].astype(float)
        if total.empty:
            raise ValueError(f"no total series of {source}/{measure} to take shares of")
        groups = groups.assign(period_total=groups["period_start"].map(total))
        exposure = "period_total"
    return group_trends(groups, family=family, min_total=min_total, exposure=exposure)


def forecast_for(series_table: pd.DataFrame, sid: str, *, steps: int = 12, start: str | None = None,
                 **kwargs) -> ForecastResult:
    """SARIMA forecast of one regular series of the table (see :func:`sarimax_forecast`),
    optionally from ``start`` on (e.g. where a collection is dense)."""
    s = get_series(series_table, sid)
    if start is not None:
        s = s.loc[s.index >= pd.Timestamp(start)]
    return sarimax_forecast(s, steps=steps, name=sid, **kwargs)
