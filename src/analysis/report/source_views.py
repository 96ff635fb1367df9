"""Views of the real sources that reports show beside (or before) the processed tables.

* ``news_index`` — the hand-made index of news reports (one row per article: outlet, date,
  event, place, counts of suspects and victims, destinations); it gives the news report a
  reference to compare the extracted ``events`` with.
* ``series_for_report`` — the ``series`` table when it is built, else the series the
  time-series module derives straight from the official statistics and TIP flows (they need
  no extraction), so the time-series report has real content from the first build on.

>>> import pandas as pd
>>> split_list("Malaysia; Saudi Arabia,  Taiwan")
['Malaysia', 'Saudi Arabia', 'Taiwan']
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pandas as pd

from analysis.report.tables import is_built

log = logging.getLogger(__name__)
NEWS_INDEX = Path("news_events") / "tppo_news_index.csv"


def split_list(text) -> list[str]:
    """Split a free-text list on ``;``, ``,``, ``/`` or `` and `` / `` dan ``; blanks dropped."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return []
    parts = re.split(r"\s*(?:[;,/]|\band\b|\bdan\b)\s*", str(text))
    return [p.strip() for p in parts if p and p.strip()]


def news_index(data_dir: str | os.PathLike) -> pd.DataFrame:
    """The news index with typed columns: ``pub_date`` (datetime), ``n_suspects`` and
    ``n_victims_or_cpmi`` (nullable integers; non-numeric entries become missing) and
    ``destinations`` as a list."""
    path = Path(data_dir) / NEWS_INDEX
    if not path.exists():
        raise FileNotFoundError(f"no news index at {path}")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    df["pub_date"] = pd.to_datetime(df["pub_date"], errors="coerce")
    for col in ("n_suspects", "n_victims_or_cpmi"):
        df[col] = pd.to_numeric(df[col].str.extract(r"(\d+)", expand=False), errors="coerce").astype("Int64")
    df["destinations"] = df["destinations"].map(split_list)
    return df


def series_for_report(tables: dict[str, pd.DataFrame], data_dir: str | os.PathLike | None) -> pd.DataFrame:
    """The built ``series`` table, or series derived from the official sources when it is absent."""
    series = tables.get("series")
    if series is not None and is_built(series) and len(series):
        return series
    if data_dir is None:
        return series if series is not None else pd.DataFrame()
    from analysis.timeseries.series import build_series_tables

    cases = tables.get("cases")
    events = tables.get("events")
    log.info("series table not built: deriving series from the sources in %s", data_dir)
    out = build_series_tables(cases if cases is not None and len(cases) else None,
                              events if events is not None and len(events) else None, data_dir)
    return out["series"]
