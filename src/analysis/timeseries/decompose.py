"""Seasonal-trend decomposition of a monthly count series by Loess (STL).

STL is from Cleveland, Cleveland, McRae & Terpenning (1990), "STL: A seasonal-trend
decomposition procedure based on loess", J Official Statistics 6(1):3-73 (statsmodels' ``STL``).
The strength of seasonality and trend follows Wang, Smith & Hyndman (2006), "Characteristic-based
clustering for time series data", Data Min Knowl Disc 13:335-364:
``F_s = max(0, 1 - var(R) / var(S + R))`` (0 = none, 1 = all variation is seasonal).

>>> import numpy as np
>>> idx = pd.date_range("2020-01-01", periods=36, freq="MS")
>>> y = pd.Series(20 + 8 * np.sin(2 * np.pi * idx.month / 12), index=idx)
>>> r = stl_decompose(y)
>>> r.seasonal_strength > 0.9, r.peak_month
(True, 3)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.timeseries.checks import require_counts, require_length, require_regular_index
from analysis.timeseries.results import ModelResult, _axes


@dataclass
class STLResult(ModelResult):
    """Components (observed, trend, seasonal, resid) and the strengths of season and trend."""

    components: pd.DataFrame = field(default_factory=pd.DataFrame)
    seasonal_strength: float = float("nan")
    trend_strength: float = float("nan")
    period: int = 12

    @property
    def seasonal_profile(self) -> pd.Series:
        """Mean seasonal component by position in the cycle (month of year for monthly data)."""
        s = self.components["seasonal"]
        return s.groupby(s.index.month if self.period == 12 else np.arange(len(s)) % self.period).mean()

    @property
    def peak_month(self) -> int:
        return int(self.seasonal_profile.idxmax())

    def summary(self) -> str:
        prof = self.seasonal_profile
        return "\n".join([f"{self.name}: STL, period {self.period}, n = {len(self.components)}",
                          f"seasonal strength {self.seasonal_strength:.2f}, trend strength {self.trend_strength:.2f}",
                          f"seasonal peak at {prof.idxmax()} (+{prof.max():.2f}), trough at {prof.idxmin()} ({prof.min():.2f})"]
                         + [f"note: {n}" for n in self.notes])

    def plot(self, ax=None):
        """Observed counts with the trend, and the seasonal component on a twin axis."""
        ax = _axes(ax)
        c = self.components
        ax.plot(c.index, c["observed"], color="0.5", lw=0.8, label="observed")
        ax.plot(c.index, c["trend"], color="C0", label="trend")
        ax2 = ax.twinx()
        ax2.plot(c.index, c["seasonal"], color="C1", lw=0.8, label="seasonal")
        ax2.set_ylabel("seasonal")
        ax.legend(frameon=False, fontsize=8, loc="upper left")
        ax.set_title(self.name)
        return ax


def _strength(part: np.ndarray, resid: np.ndarray) -> float:
    v = np.var(part + resid)
    return float(max(0.0, 1 - np.var(resid) / v)) if v > 0 else 0.0


def stl_decompose(series: pd.Series, *, period: int = 12, robust: bool = True, log: bool = False,
                  name: str | None = None) -> STLResult:
    """Decompose a regular, gap-free series (``DatetimeIndex``) into trend, season and remainder.

    Needs at least two full cycles (24 months for monthly data). ``log`` decomposes
    ``log(1 + count)``, making the seasonal part multiplicative.
    """
    from statsmodels.tsa.seasonal import STL

    label = name or (series.name if isinstance(series.name, str) else "series")
    idx = require_regular_index(series.index, name=label)
    y = require_counts(series.to_numpy(), name=label)
    require_length(len(y), 2 * period, name=label, what=f"STL with period {period} (two full cycles)")
    values = np.log1p(y) if log else y
    fit = STL(pd.Series(values, index=idx), period=period, robust=robust).fit()
    comp = pd.DataFrame({"observed": values, "trend": fit.trend, "seasonal": fit.seasonal, "resid": fit.resid},
                        index=idx)
    r = STLResult(name=f"{label} (STL{', log scale' if log else ''})", components=comp, period=period,
                  seasonal_strength=_strength(comp["seasonal"].to_numpy(), comp["resid"].to_numpy()),
                  trend_strength=_strength(comp["trend"].to_numpy(), comp["resid"].to_numpy()))
    r.estimates = pd.DataFrame({"term": ["seasonal_strength", "trend_strength", "peak_month"],
                                "estimate": [r.seasonal_strength, r.trend_strength, float(r.peak_month)]})
    return r
