"""Views of the real sources that reports show beside (or before) the processed tables.

* ``reference_news`` - the hand-made index of real news reports as the news tables
  (``articles``, ``events``): the rows the build read from it (article ids ``NI-…``), or the
  index read by the news module itself (``analysis.news.index.read_news_index``) when the news
  tables are not built yet. It gives the news report a reference to compare extracted events with.
* ``series_for_report`` - the ``series`` table when it is built, else the series the
  time-series module derives straight from the official statistics and TIP flows (they need
  no extraction), so the time-series report has real content from the first build on.

>>> import pandas as pd
>>> built = pd.DataFrame({"article_id": ["NI-001", "A-9"], "event_id": ["E1", None]})
>>> built.attrs["_built"] = True
>>> ref = reference_news({"articles": built, "events": built.iloc[:0]}, None)
>>> ref["articles"]["article_id"].tolist()
['NI-001']
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pandas as pd

from analysis.report.tables import is_built

log = logging.getLogger(__name__)
NEWS_INDEX = Path("news_events") / "tppo_news_index.csv"
INDEX_PREFIX = "NI-"


def reference_news(tables: dict[str, pd.DataFrame], data_dir: str | os.PathLike | None) -> dict[str, pd.DataFrame]:
    """``articles`` and ``events`` of the reference news index, from the built tables when they
    hold it, else read from ``<data_dir>/news_events/tppo_news_index.csv``.

    Raises ``FileNotFoundError`` when neither the built tables nor the file hold the index.
    """
    articles, events = tables.get("articles"), tables.get("events")
    if articles is not None and is_built(articles) and len(articles):
        mine = articles["article_id"].astype(str).str.startswith(INDEX_PREFIX)
        if mine.any():
            ev = events if events is not None else pd.DataFrame(columns=["article_id"])
            return {"articles": articles.loc[mine].reset_index(drop=True),
                    "events": ev.loc[ev["article_id"].astype(str).str.startswith(INDEX_PREFIX)].reset_index(drop=True)}
    path = Path(data_dir) / NEWS_INDEX if data_dir is not None else None
    if path is None or not path.exists():
        raise FileNotFoundError(f"no news index in the built tables nor at {path}")
    from analysis.news.index import read_news_index

    read = read_news_index(path)
    return {"articles": read["articles"], "events": read["events"]}


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
