"""Calendar periods: a date's period start and the full grid of periods between two dates.

Frequencies are ``M`` (month), ``Q`` (quarter) and ``Y`` (year); a period is named by its first
day, so monthly, quarterly and yearly series share one ``period_start`` column.

>>> period_start(pd.Series(pd.to_datetime(["2024-05-17", "2024-11-02"])), "Q").dt.strftime("%Y-%m-%d").tolist()
['2024-04-01', '2024-10-01']
>>> [d.strftime("%Y-%m") for d in period_grid("2024-01-15", "2024-03-02", "M")]
['2024-01', '2024-02', '2024-03']
"""

from __future__ import annotations

import pandas as pd

FREQS = ("M", "Q", "Y")
_OFFSET = {"M": "MS", "Q": "QS-JAN", "Y": "YS-JAN"}


def _check(freq: str) -> None:
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {FREQS}, not {freq!r}")


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """First day of the period holding each date (NaT stays NaT)."""
    _check(freq)
    d = pd.to_datetime(dates, errors="coerce")
    return d.dt.to_period(freq).dt.start_time.astype("datetime64[ns]")


def period_end(starts: pd.Series | pd.DatetimeIndex, freq: str):
    """Last day of each period given its first day."""
    _check(freq)
    off = {"M": pd.offsets.MonthEnd(0), "Q": pd.offsets.QuarterEnd(0), "Y": pd.offsets.YearEnd(0)}[freq]
    return pd.to_datetime(starts) + off


def period_grid(first, last, freq: str) -> pd.DatetimeIndex:
    """Every period start from the period holding ``first`` to the one holding ``last``."""
    _check(freq)
    a = pd.Timestamp(first).to_period(freq).start_time
    b = pd.Timestamp(last).to_period(freq).start_time
    return pd.date_range(a, b, freq=_OFFSET[freq]).astype("datetime64[ns]")
