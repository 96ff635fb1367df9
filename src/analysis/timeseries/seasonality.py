"""Month-of-year pattern of a monthly count series that may have gaps.

Official monthly figures are scattered (a month here and there), so STL, which needs a full
grid, often cannot run. Here the observed months alone are fitted with a quasi-Poisson model
``log E[count] = a + b*t + Fourier(month, harmonics)`` (Fourier seasonality as in
Bhaskaran et al. 2013, Int J Epidemiol 42(4):1187-1195); the seasonal terms are tested jointly
by a Wald chi-square, and the profile gives each month's rate relative to the yearly mean.

>>> import numpy as np
>>> idx = pd.date_range("2020-01-01", periods=36, freq="MS")
>>> y = np.round(50 * np.exp(0.5 * np.cos(2 * np.pi * (idx.month - 7) / 12)))
>>> r = seasonal_pattern(pd.Series(y, index=idx))
>>> r.peak_month, r.p_value < 0.001
(7, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from analysis.timeseries.checks import require_length
from analysis.timeseries.design import fourier_names, fourier_terms
from analysis.timeseries.glm import fit_count_arrays
from analysis.timeseries.results import ModelResult, _axes


@dataclass
class SeasonalityResult(ModelResult):
    """Relative rate by month (mean 1 on the log scale), peak month, and the joint test."""

    profile: pd.Series = field(default_factory=pd.Series)
    peak_month: int = 0
    trough_month: int = 0
    peak_to_trough: float = float("nan")
    wald_chi2: float = float("nan")
    df: int = 0
    p_value: float = float("nan")
    n_observed: int = 0

    def summary(self) -> str:
        return "\n".join([f"{self.name}: {self.n_observed} observed months",
                          f"peak month {self.peak_month}, trough month {self.trough_month}, "
                          f"peak/trough rate ratio {self.peak_to_trough:.2f}",
                          f"seasonal terms jointly: Wald chi2 = {self.wald_chi2:.2f} on {self.df} df, p = {self.p_value:.3g}"]
                         + [f"note: {n}" for n in self.notes])

    def table(self) -> pd.DataFrame:
        return self.profile.rename("relative_rate").rename_axis("month").reset_index()

    def plot(self, ax=None):
        ax = _axes(ax)
        ax.bar(self.profile.index, self.profile.values, color="C0")
        ax.axhline(1, color="0.5", lw=0.8)
        ax.set_xticks(range(1, 13))
        ax.set_xlabel("month")
        ax.set_ylabel("rate relative to mean")
        ax.set_title(self.name)
        return ax


def seasonal_pattern(series: pd.Series, *, harmonics: int = 1, name: str | None = None) -> SeasonalityResult:
    """Fit the month-of-year pattern to the observed (non-null) months of ``series``."""
    label = name or (series.name if isinstance(series.name, str) else "series")
    s = series.dropna()
    s = s[s.index.notna()]
    n_needed = 2 + 2 * harmonics + 2
    require_length(len(s), n_needed, name=label, what=f"a seasonal pattern with {harmonics} harmonic(s)")
    y = s.to_numpy(float)
    if (y < 0).any():
        raise ValueError(f"{label}: counts must be non-negative")
    if not (y > 0).any():
        raise ValueError(f"{label}: every count is zero, so there is no rate to model")
    months = pd.DatetimeIndex(s.index).month.to_numpy()
    if len(np.unique(months)) < 2 * harmonics + 1:
        raise ValueError(f"{label}: observed months cover {len(np.unique(months))} calendar months; "
                         f"too few to estimate {harmonics} harmonic(s)")
    idx = pd.DatetimeIndex(s.index)
    t = (idx.year - idx.year.min()) + (idx.month - 1) / 12
    F = fourier_terms(months, harmonics)
    X = np.column_stack([np.ones(len(y)), t, F])
    params, cov, _, disp, _ = fit_count_arrays(y, X, family="quasipoisson")
    b, V = params[2:], cov[2:, 2:]
    chi2 = float(b @ np.linalg.solve(V, b))
    grid = np.arange(1, 13)
    prof = pd.Series(np.exp(fourier_terms(grid, harmonics) @ b), index=pd.Index(grid, name="month"))
    r = SeasonalityResult(name=f"{label} seasonality", profile=prof, peak_month=int(prof.idxmax()),
                          trough_month=int(prof.idxmin()), peak_to_trough=float(prof.max() / prof.min()),
                          wald_chi2=chi2, df=len(b), p_value=float(stats.chi2.sf(chi2, len(b))), n_observed=len(y))
    r.estimates = pd.DataFrame({"term": ["const", "trend_per_year", *fourier_names(harmonics)], "coef": params,
                                "se": np.sqrt(np.diag(cov))})
    if len(np.unique(months)) < 12:
        r.notes.append(f"only {len(np.unique(months))} of 12 calendar months observed: the pattern is interpolated")
    r.notes.append(f"quasi-Poisson dispersion {disp:.2f}")
    return r
