"""Design-matrix pieces shared by the count models: Fourier seasonality and month indicators.

Seasonality as sine-cosine pairs of the month follows Bhaskaran et al. (2013), "Time series
regression studies in environmental epidemiology", Int J Epidemiol 42(4):1187-1195, and R's
``tsModel::harmonic(month, k, 12)``: pair ``j`` is ``sin(2*pi*j*month/12), cos(2*pi*j*month/12)``.

>>> import numpy as np
>>> F = fourier_terms(np.array([3, 6]), harmonics=1)
>>> np.round(F, 6).tolist()
[[1.0, 0.0], [0.0, -1.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def fourier_terms(season, harmonics: int, period: int = 12) -> np.ndarray:
    """Columns ``sin1, cos1, sin2, cos2, ...`` of ``season`` (e.g. month 1-12) with ``period``.

    ``harmonics`` may be at most ``period // 2 - 1`` (higher pairs repeat or vanish).
    """
    s = np.asarray(season, dtype=float)
    if np.isnan(s).any():
        raise ValueError("the season column has missing values")
    max_h = period // 2 - 1
    if not 0 <= harmonics <= max_h:
        raise ValueError(f"harmonics must be between 0 and {max_h} for period {period}")
    cols = []
    for k in range(1, harmonics + 1):
        w = 2 * np.pi * k * s / period
        cols += [np.sin(w), np.cos(w)]
    return np.column_stack(cols) if cols else np.empty((len(s), 0))


def fourier_names(harmonics: int) -> list[str]:
    """Names matching :func:`fourier_terms` columns.

    >>> fourier_names(2)
    ['sin1', 'cos1', 'sin2', 'cos2']
    """
    return [f"{f}{k}" for k in range(1, harmonics + 1) for f in ("sin", "cos")]


def season_dummies(season, period: int = 12) -> tuple[np.ndarray, list[str]]:
    """Indicator columns for seasons 2..period (season 1 is the reference)."""
    s = pd.Series(np.asarray(season)).astype(int)
    bad = ~s.between(1, period)
    if bad.any():
        raise ValueError(f"season values must lie in 1..{period}; got {sorted(s[bad].unique())[:5]}")
    levels = list(range(2, period + 1))
    X = np.column_stack([(s == v).to_numpy(float) for v in levels])
    return X, [f"season{v}" for v in levels]


def newey_west_lags(n: int) -> int:
    """Default HAC truncation lag, floor(4 (n/100)^(2/9)) (Newey & West 1994, Rev Econ Stud 61:631-653).

    >>> newey_west_lags(59)
    3
    """
    return int(np.floor(4 * (n / 100) ** (2 / 9)))
