"""Forecasts of a count series with prediction intervals, by a SARIMA model (statsmodels SARIMAX).

The model is fitted to ``log(1 + count)`` by default so that intervals stay positive and
widen with the level; the forecast median and interval ends are transformed back
(Box & Jenkins, *Time Series Analysis: Forecasting and Control*; the state-space fitting is
Durbin & Koopman, *Time Series Analysis by State Space Methods*, as in statsmodels).

>>> import numpy as np
>>> idx = pd.date_range("2021-01-01", periods=36, freq="MS")
>>> y = pd.Series(np.random.default_rng(1).poisson(20, 36), index=idx)
>>> f = sarimax_forecast(y, steps=6)
>>> len(f.forecast), bool((f.forecast["lower"] <= f.forecast["mean"]).all())
(6, True)
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.timeseries.checks import require_counts, require_length, require_regular_index
from analysis.timeseries.results import ModelResult, _axes

MIN_OBS = 8


@dataclass
class ForecastResult(ModelResult):
    """Fitted history and a forecast table (``period_start, mean, lower, upper``)."""

    history: pd.Series = field(default_factory=pd.Series)
    forecast: pd.DataFrame = field(default_factory=pd.DataFrame)
    order: tuple = (1, 0, 0)
    seasonal_order: tuple = (0, 0, 0, 0)
    aic: float = float("nan")
    level: float = 0.95

    def table(self) -> pd.DataFrame:
        return self.forecast.copy()

    def summary(self) -> str:
        f = self.forecast
        head = (f"{self.name}: SARIMA{self.order}x{self.seasonal_order}, n = {len(self.history)}, "
                f"AIC {self.aic:.1f}; {int(self.level * 100)}% prediction intervals")
        body = f.assign(period_start=f["period_start"].dt.strftime("%Y-%m-%d")).to_string(
            index=False, float_format=lambda v: f"{v:.1f}")
        return "\n".join([head, body] + [f"note: {n}" for n in self.notes])

    def plot(self, ax=None):
        ax = _axes(ax)
        ax.plot(self.history.index, self.history.values, color="0.3", lw=1, label="observed")
        f = self.forecast
        ax.plot(f["period_start"], f["mean"], color="C0", label="forecast")
        ax.fill_between(f["period_start"], f["lower"], f["upper"], color="C0", alpha=0.2,
                        label=f"{int(self.level * 100)}% interval")
        ax.legend(frameon=False, fontsize=8)
        ax.set_title(self.name)
        return ax


def sarimax_forecast(series: pd.Series, *, steps: int = 12, order=(1, 0, 0), seasonal_order=(0, 0, 0, 0),
                     trend: str = "c", log: bool = True, alpha: float = 0.05, name: str | None = None) -> ForecastResult:
    """Fit SARIMA(order)x(seasonal_order) to a regular, gap-free series and forecast ``steps`` periods."""
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    label = name or (series.name if isinstance(series.name, str) else "series")
    if steps < 1:
        raise ValueError("steps must be at least 1")
    idx = require_regular_index(series.index, name=label)
    y = require_counts(series.to_numpy(), name=label)
    s = seasonal_order[3] if len(seasonal_order) == 4 else 0
    need = max(MIN_OBS, 2 * s) if s else MIN_OBS
    require_length(len(y), need, name=label, what="a SARIMA forecast" + (f" with period {s} (two cycles)" if s else ""))
    values = np.log1p(y) if log else y
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = SARIMAX(pd.Series(values, index=idx), order=order, seasonal_order=seasonal_order, trend=trend,
                      enforce_stationarity=False, enforce_invertibility=False).fit(disp=False)
        pred = res.get_forecast(steps)
        mean = np.asarray(pred.predicted_mean)
        ci = np.asarray(pred.conf_int(alpha=alpha))
    back = (lambda v: np.expm1(v)) if log else (lambda v: v)
    fidx = pd.date_range(idx[-1], periods=steps + 1, freq=idx.freq)[1:]
    fc = pd.DataFrame({"period_start": fidx.astype("datetime64[ns]"), "mean": back(mean),
                       "lower": np.clip(back(ci[:, 0]), 0, None), "upper": back(ci[:, 1])})
    r = ForecastResult(name=f"{label} forecast", history=pd.Series(y, index=idx), forecast=fc, order=tuple(order),
                       seasonal_order=tuple(seasonal_order), aic=float(res.aic), level=1 - alpha)
    r.estimates = pd.DataFrame({"term": list(res.params.index), "estimate": np.asarray(res.params)})
    if log:
        r.notes.append("fitted on log(1 + count); 'mean' is the back-transformed median forecast")
    return r
