"""Change points in a count series by PELT with a Poisson (or Gaussian) segment cost.

PELT is Killick, Fearnhead & Eckley (2012), "Optimal detection of changepoints with a linear
computational cost", J Am Stat Assoc 107(500):1590-1598 (here through ``ruptures``). The
Poisson cost of a segment is its deviance, ``2 * (S - S*log(S/n))`` for ``S`` events in ``n``
periods (minus twice the log-likelihood at the segment's own rate, up to a constant). The
penalty for each added segment is BIC-like (Schwarz 1978), counting two parameters (its rate
and its start): ``pen = 2 * phi * log(n)``, where ``phi`` >= 1 is a dispersion estimate from
first differences, ``sum(diff(y)^2) / (2 (n-1) mean(y))`` (differences cancel level shifts, so
breaks barely inflate it). The Gaussian ``l2`` cost uses ``pen = 2 * sigma2 * log(n)`` with
``sigma2 = sum(diff(y)^2) / (2 (n-1))``.

>>> import numpy as np
>>> y = np.r_[np.full(20, 3.0), np.full(20, 15.0)]
>>> detect_changepoints(pd.Series(y)).breakpoints
[20]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.timeseries.checks import require_counts, require_length
from analysis.timeseries.results import ModelResult, _axes

COSTS = ("poisson", "l2")


def _poisson_cost_class():
    from ruptures.base import BaseCost

    class PoissonCost(BaseCost):
        """Deviance of a constant-rate Poisson segment, from cumulative sums (O(1) per segment)."""

        model = "poisson"
        min_size = 1

        def fit(self, signal):
            self.signal = np.asarray(signal, dtype=float).reshape(len(signal), -1)
            s = self.signal[:, 0]
            self.csum = np.r_[0.0, np.cumsum(s)]
            return self

        def error(self, start, end):
            total = self.csum[end] - self.csum[start]
            n = end - start
            if total <= 0:
                return 0.0
            return float(2 * (total - total * np.log(total / n)))

    return PoissonCost


def penalty(y: np.ndarray, cost: str = "poisson") -> tuple[float, str]:
    """The penalty and the rule that produced it (see the module docstring).

    >>> round(float(penalty(np.array([4.0, 4, 4, 4]))[0]), 4)
    2.7726
    """
    y = np.asarray(y, float)
    n = len(y)
    d2 = float(np.sum(np.diff(y) ** 2) / (2 * (n - 1))) if n > 1 else 0.0
    if cost == "poisson":
        phi = max(1.0, d2 / y.mean()) if y.mean() > 0 else 1.0
        return float(2 * phi * np.log(n)), f"2*phi*log(n), phi = {phi:.3g} (first-difference dispersion, at least 1), n = {n}"
    sigma2 = d2 if d2 > 0 else 1.0
    return float(2 * sigma2 * np.log(n)), f"2*sigma2*log(n), sigma2 = {sigma2:.3g} (first-difference variance), n = {n}"


@dataclass
class ChangepointResult(ModelResult):
    """Break positions (index of the first period of each new segment) and segment rates."""

    breakpoints: list[int] = field(default_factory=list)
    break_labels: list = field(default_factory=list)
    segments: pd.DataFrame = field(default_factory=pd.DataFrame)
    penalty: float = float("nan")
    penalty_rule: str = ""
    series: pd.Series = field(default_factory=pd.Series)

    def table(self) -> pd.DataFrame:
        return self.segments.copy()

    def summary(self) -> str:
        lines = [f"{self.name}: {len(self.breakpoints)} change point(s) by PELT; penalty {self.penalty:.3g} = "
                 f"{self.penalty_rule}",
                 self.segments.to_string(index=False, float_format=lambda v: f"{v:.3g}")]
        return "\n".join(lines + [f"note: {n}" for n in self.notes])

    def plot(self, ax=None):
        ax = _axes(ax)
        s = self.series
        ax.plot(s.index, s.values, color="0.4", lw=0.8)
        for _, seg in self.segments.iterrows():
            ax.hlines(seg["mean"], seg["start"], seg["end"], color="C3")
        ax.set_title(self.name)
        return ax


def detect_changepoints(series: pd.Series, *, cost: str = "poisson", pen: float | None = None,
                        min_size: int = 2, name: str | None = None) -> ChangepointResult:
    """PELT on a gap-free count series; ``pen`` overrides the stated penalty rule."""
    import ruptures as rpt

    if cost not in COSTS:
        raise ValueError(f"cost must be one of {COSTS}, not {cost!r}")
    label = name or (series.name if isinstance(series.name, str) else "series")
    y = require_counts(series.to_numpy(), name=label)
    require_length(len(y), 2 * min_size + 1, name=label, what="change-point detection")
    auto_pen, rule = penalty(y, cost)
    pen_value = auto_pen if pen is None else float(pen)
    rule = rule if pen is None else "given"
    algo = (rpt.Pelt(custom_cost=_poisson_cost_class()(), min_size=min_size, jump=1) if cost == "poisson"
            else rpt.Pelt(model="l2", min_size=min_size, jump=1))
    ends = algo.fit(y.reshape(-1, 1)).predict(pen=pen_value)
    breaks = [int(e) for e in ends[:-1]]
    bounds = [0, *breaks, len(y)]
    idx = series.index
    seg = pd.DataFrame({"start": [idx[a] for a in bounds[:-1]], "end": [idx[b - 1] for b in bounds[1:]],
                        "n": np.diff(bounds), "mean": [float(y[a:b].mean()) for a, b in zip(bounds[:-1], bounds[1:])]})
    return ChangepointResult(name=f"{label} change points", breakpoints=breaks,
                             break_labels=[idx[b] for b in breaks], segments=seg, penalty=pen_value,
                             penalty_rule=rule, series=pd.Series(y, index=idx))
