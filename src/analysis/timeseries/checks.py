"""Guards that turn unusable series into plain ``ValueError`` messages before a model runs.

A model fitted to a series with holes, no events or too few points returns numbers that look
like results and are not; these checks refuse such input and say why.

>>> import numpy as np
>>> require_counts(np.array([1, 0, 3]), name="cases")
array([1., 0., 3.])
>>> require_counts(np.array([0, 0, 0]), name="cases")
Traceback (most recent call last):
...
ValueError: cases: every count is zero, so there is no rate to model
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def require_counts(values, *, name: str = "series", allow_all_zero: bool = False) -> np.ndarray:
    """Return ``values`` as floats after checking they are finite, non-negative counts.

    Missing values mean a period that was not observed: a model that needs every period must
    not treat them as zeros, so they are an error here (drop or impute them knowingly first).
    """
    arr = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    if arr.size == 0:
        raise ValueError(f"{name}: the series is empty")
    n_missing = int(np.isnan(arr).sum())
    if n_missing:
        raise ValueError(f"{name}: {n_missing} period(s) have no observed count (gaps); "
                         "a regular series is needed - fill true zeros explicitly or model a shorter span")
    if np.isinf(arr).any():
        raise ValueError(f"{name}: counts must be finite")
    if (arr < 0).any():
        raise ValueError(f"{name}: counts must be non-negative")
    if not allow_all_zero and not (arr > 0).any():
        raise ValueError(f"{name}: every count is zero, so there is no rate to model")
    return arr


def require_length(n: int, minimum: int, *, name: str = "series", what: str = "this model") -> None:
    """Refuse series shorter than ``minimum`` observations."""
    if n < minimum:
        raise ValueError(f"{name}: {n} observation(s) is too few for {what} (needs at least {minimum})")


def require_regular_index(index, *, name: str = "series") -> pd.DatetimeIndex:
    """Check that a date index is sorted, unique and steps by one period with no holes.

    Returns the index with its frequency set, so statsmodels can use it.

    >>> idx = pd.DatetimeIndex(["2024-01-01", "2024-02-01", "2024-04-01"])
    >>> require_regular_index(idx)
    Traceback (most recent call last):
    ...
    ValueError: series: the dates are not a regular grid (missing periods inside the range: 2024-03-01)
    """
    idx = pd.DatetimeIndex(index)
    if len(idx) < 3:
        raise ValueError(f"{name}: at least 3 dated periods are needed to tell the frequency")
    if not idx.is_monotonic_increasing or idx.has_duplicates:
        raise ValueError(f"{name}: dates must be increasing and unique")
    candidates = ("MS", "QS-JAN", "QS-FEB", "QS-MAR", "YS-JAN", "D", "W-MON", "W-SUN")
    for cand in candidates:
        if pd.date_range(idx[0], periods=len(idx), freq=cand).equals(idx):
            return pd.DatetimeIndex(idx, freq=cand)
    for cand in ("YS-JAN", "QS-JAN", "QS-FEB", "QS-MAR", "MS", "W-MON", "W-SUN", "D"):  # coarsest grid first
        full = pd.date_range(idx[0], idx[-1], freq=cand)
        if len(full) > len(idx) and idx.isin(full).all():
            missing = full.difference(idx)
            shown = ", ".join(d.strftime("%Y-%m-%d") for d in missing[:5])
            more = "" if len(missing) <= 5 else f" and {len(missing) - 5} more"
            raise ValueError(f"{name}: the dates are not a regular grid "
                             f"(missing periods inside the range: {shown}{more})")
    raise ValueError(f"{name}: the dates are not a regular grid")


def require_regular_steps(time, *, name: str = "series") -> np.ndarray:
    """Check that a running period index increases by the same step throughout (no holes)."""
    t = pd.to_numeric(pd.Series(time), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    if np.isnan(t).any():
        raise ValueError(f"{name}: the time index has missing values")
    d = np.diff(t)
    if d.size and ((d <= 0).any() or not np.allclose(d, d[0])):
        raise ValueError(f"{name}: the time index must increase by a constant step "
                         "(missing periods inside the range, or unsorted rows)")
    return t
