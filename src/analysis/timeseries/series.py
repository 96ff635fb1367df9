"""The tidy ``series`` table: one row per series and period, with true zeros apart from gaps.

Every builder here returns rows with the same columns (:data:`SERIES_COLUMNS`): a
``series_id`` (``source/measure/freq[/group_kind=group]``), the period it covers, the
``count`` and ``is_observed``. A period inside a source's coverage window in which nothing
was recorded is an observed zero; a period the source did not report is a null count with
``is_observed`` false. Each series also gets a ``coverage_note`` saying what the source
covers, and :func:`coverage_table` summarises them one row per series.

:func:`build_series_tables` is what ``tppo build`` calls.

>>> recs = pd.DataFrame({"d": pd.to_datetime(["2024-01-03", "2024-03-09", "2024-03-20"]), "g": ["a", "b", "a"]})
>>> s = period_counts(recs, "d", "M")
>>> s[["period_start", "count"]].assign(period_start=lambda x: x.period_start.dt.strftime("%Y-%m")).values.tolist()
[['2024-01', 1.0], ['2024-02', 0.0], ['2024-03', 2.0]]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.timeseries.grid import period_end, period_grid, period_start

SERIES_COLUMNS = ["series_id", "source", "measure", "freq", "group_kind", "group", "period_start",
                  "period_end", "count", "is_observed", "flag", "source_url", "coverage_note"]
COVERAGE_COLUMNS = ["series_id", "source", "measure", "freq", "group_kind", "group", "first_period",
                    "last_period", "n_periods", "n_observed", "n_zero", "total", "n_records_read",
                    "n_records_used", "coverage_note"]
UNKNOWN = "unknown"


def series_id(source: str, measure: str, freq: str, group_kind: str = "all", group: str = "all") -> str:
    """``source/measure/freq`` plus ``/kind=group`` for a breakdown.

    >>> series_id("cases", "decisions", "M", "court", "PN Medan")
    'cases/decisions/M/court=PN Medan'
    """
    base = f"{source}/{measure}/{freq}"
    return base if group_kind == "all" else f"{base}/{group_kind}={group}"


def _as_groups(values: pd.Series) -> pd.Series:
    """Lists (or arrays) stay lists; scalars become one-item lists; empty/null become ``[unknown]``."""
    def one(v):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            return [UNKNOWN]
        if isinstance(v, (list, tuple, np.ndarray)):
            items = [str(x).strip() for x in v if x is not None and str(x).strip()]
            return sorted(set(items)) or [UNKNOWN]
        s = str(v).strip()
        return [s] if s else [UNKNOWN]
    return values.map(one)


def period_counts(records: pd.DataFrame, date_col: str, freq: str, *, group_col: str | None = None,
                  weight_col: str | None = None, window: tuple | None = None) -> pd.DataFrame:
    """Count records (or sum ``weight_col``) per period, and per group when ``group_col`` is given.

    List-valued groups (e.g. several destination countries) count the record once in each.
    Every period of ``window`` (default: first to last dated record) appears for every group,
    with 0 where nothing was recorded. Undated records are not counted (callers report them).
    Returns ``group, period_start, period_end, count``.
    """
    d = records.loc[records[date_col].notna()].copy()
    d["_p"] = period_start(d[date_col], freq)
    if window is None:
        if d.empty:
            return pd.DataFrame(columns=["group", "period_start", "period_end", "count"])
        window = (d["_p"].min(), d["_p"].max())
    grid = period_grid(window[0], window[1], freq)
    d = d.loc[d["_p"].isin(grid)]
    d["_g"] = _as_groups(d[group_col]) if group_col else [["all"]] * len(d)
    d = d.explode("_g")
    d["_w"] = 1.0 if weight_col is None else pd.to_numeric(d[weight_col], errors="coerce")
    if weight_col is not None:
        d = d.loc[d["_w"].notna()]
    groups = sorted(d["_g"].unique()) if group_col else ["all"]
    counts = d.groupby(["_g", "_p"])["_w"].sum()
    full = pd.MultiIndex.from_product([groups, grid], names=["group", "period_start"])
    out = counts.reindex(full, fill_value=0.0).rename("count").reset_index()
    out["period_end"] = period_end(out["period_start"], freq)
    return out[["group", "period_start", "period_end", "count"]]


def tidy(counts: pd.DataFrame, *, source: str, measure: str, freq: str, group_kind: str = "all",
         coverage_note: str, flag=None, source_url=None) -> pd.DataFrame:
    """Attach identifiers and notes to a ``group, period_start, period_end, count`` frame."""
    out = counts.copy()
    if "group" not in out:
        out["group"] = "all"
    out["source"], out["measure"], out["freq"], out["group_kind"] = source, measure, freq, group_kind
    out["series_id"] = [series_id(source, measure, freq, group_kind, g) for g in out["group"]]
    out["count"] = pd.array(out["count"], dtype="Float64")
    if "is_observed" not in out:
        out["is_observed"] = out["count"].notna()
    for col, val in (("flag", flag), ("source_url", source_url)):
        if col not in out:
            out[col] = val
    out["coverage_note"] = coverage_note
    return out[SERIES_COLUMNS]


def mark_edges(df: pd.DataFrame, note: str = "edge period: may be partly collected") -> pd.DataFrame:
    """Flag each series' first and last period (a collection window rarely starts or ends cleanly)."""
    if df.empty:
        return df
    g = df.groupby("series_id")["period_start"]
    edge = df["period_start"].eq(g.transform("min")) | df["period_start"].eq(g.transform("max"))
    df = df.copy()
    df["flag"] = np.where(edge & df["flag"].isna(), note, df["flag"])
    df.loc[~edge & df["flag"].isna(), "flag"] = None
    return df


def empty_series() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
        SERIES_COLUMNS, ["object"] * 6 + ["datetime64[ns]", "datetime64[ns]", "Float64", "bool"] + ["object"] * 3)})


def coverage_table(series: pd.DataFrame, records: dict[str, tuple[int, int]] | None = None) -> pd.DataFrame:
    """One row per series: its window, observed and zero periods, total and coverage note.

    ``records`` maps a source to ``(read, used)`` record counts, so what a builder left out
    (undated, duplicates) stays visible.
    """
    if series.empty:
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    g = series.groupby("series_id", sort=True)
    cov = g.agg(source=("source", "first"), measure=("measure", "first"), freq=("freq", "first"),
                group_kind=("group_kind", "first"), group=("group", "first"),
                first_period=("period_start", "min"), last_period=("period_end", "max"),
                n_periods=("period_start", "size"), n_observed=("is_observed", "sum"),
                n_zero=("count", lambda c: int((c == 0).sum())), total=("count", "sum"),
                coverage_note=("coverage_note", "first")).reset_index()
    records = records or {}
    cov["n_records_read"] = pd.array([records.get(s, (None, None))[0] for s in cov["source"]], dtype="Int64")
    cov["n_records_used"] = pd.array([records.get(s, (None, None))[1] for s in cov["source"]], dtype="Int64")
    cov["total"] = cov["total"].astype(float)
    return cov[COVERAGE_COLUMNS]


def build_series_tables(cases: pd.DataFrame | None, events: pd.DataFrame | None,
                        data_dir: str | Path | None) -> dict[str, pd.DataFrame]:
    """All count series: court decisions, news events, official figures and TIP flows.

    ``cases`` and ``events`` may be None or empty (their series are then absent);
    ``data_dir`` is the real-data folder holding ``official_stats/`` and ``networks/``
    (None skips them). Returns ``{"series": ..., "series_coverage": ...}``.
    """
    from analysis.timeseries.series_cases import case_series
    from analysis.timeseries.series_events import event_series
    from analysis.timeseries.series_official import official_series, tip_series

    parts, records = [], {}
    for name, frame, builder in (("cases", cases, case_series), ("events", events, event_series)):
        if frame is not None and len(frame):
            s, (read, used) = builder(frame)
            parts.append(s)
            records[name] = (read, used)
    if data_dir is not None:
        s, rec = official_series(data_dir)
        parts.append(s)
        records.update(rec)
        s, rec = tip_series(data_dir)
        parts.append(s)
        records.update(rec)
    parts = [p for p in parts if not p.empty]
    series = pd.concat(parts, ignore_index=True) if parts else empty_series()
    series = series.sort_values(["series_id", "period_start", "period_end"], kind="stable").reset_index(drop=True)
    return {"series": series, "series_coverage": coverage_table(series, records)}


def get_series(series: pd.DataFrame, sid: str) -> pd.Series:
    """One series from the tidy table as counts indexed by ``period_start`` (null = not observed).

    >>> t = pd.DataFrame({"series_id": ["a", "a"], "period_start": pd.to_datetime(["2024-01-01", "2024-02-01"]),
    ...                   "count": pd.array([1.0, None], dtype="Float64")})
    >>> get_series(t, "a").tolist()
    [1.0, nan]
    """
    rows = series.loc[series["series_id"] == sid]
    if rows.empty:
        raise ValueError(f"no series {sid!r} in the table")
    s = pd.Series(rows["count"].astype("float64").to_numpy(), index=pd.DatetimeIndex(rows["period_start"]), name=sid)
    return s.sort_index()
