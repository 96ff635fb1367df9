"""Count series from the news ``events`` table (one row per fact extracted from an article).

Two measures per event type: how many events were reported per period (``events_<type>``)
and, where an event carries a number, the sum of those numbers by unit (``<type>_<unit>``,
e.g. victims). An event is placed at its ``date``, else its ``period_start``. Breakdowns by
country, place and modus follow the list columns. News covers only what outlets wrote and
the reader collected; periods inside the window with no report are observed zeros.

>>> ev = pd.DataFrame({"article_id": ["a", "b"], "event_type": ["arrest", "arrest"],
...     "count": [3.0, None], "count_unit": ["suspects", None],
...     "date": pd.to_datetime(["2024-01-10", "2024-03-02"]), "period_start": pd.NaT,
...     "countries": [["Malaysia"], []]})
>>> s, _ = event_series(ev, freqs=("M",))
>>> s.loc[s.series_id == "events/arrest_suspects/M", "count"].tolist()
[3.0, 0.0, 0.0]
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.timeseries.series import mark_edges, period_counts, tidy

GROUP_COLUMNS = {"country": "countries", "place": "places", "modus": "modus"}
NOTE = ("facts extracted from news articles, {first} to {last}: counts show what outlets reported "
        "and the reader collected; an event reported by several articles (same event_id) counts once, "
        "at its first report, with the largest number reported; inside the window, no report is 0")


def dedupe_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per ``(event_id, event_type, count_unit)``: the first report, with the largest count.

    Rows without an ``event_id`` are kept as they are (each is its own event).

    >>> ev = pd.DataFrame({"event_id": ["E1", "E1", None], "event_type": ["arrest"] * 3,
    ...     "count_unit": ["suspects"] * 3, "count": [2.0, 5.0, 1.0],
    ...     "_d": pd.to_datetime(["2024-02-01", "2024-01-15", "2024-03-01"])})
    >>> dedupe_events(ev)[["count", "_d"]].astype(str).values.tolist()
    [['5.0', '2024-01-15'], ['1.0', '2024-03-01']]
    """
    if "event_id" not in events or events["event_id"].isna().all():
        return events
    keyed = events.loc[events["event_id"].notna()].copy()
    keys = ["event_id"] + [c for c in ("event_type", "count_unit") if c in keyed]
    if "count" in keyed:
        keyed["count"] = keyed.groupby(keys, dropna=False)["count"].transform("max")
    keyed = keyed.sort_values("_d", kind="stable", na_position="last").drop_duplicates(keys)
    return pd.concat([keyed, events.loc[events["event_id"].isna()]]).sort_index(kind="stable")


def _slug(s) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(s).lower()).strip("_") or "unknown"


def event_series(events: pd.DataFrame, freqs=("M", "Q", "Y")) -> tuple[pd.DataFrame, tuple[int, int]]:
    """Series from ``events``; returns ``(series rows, (records read, distinct dated events used))``."""
    ev = events.copy()
    date = pd.to_datetime(ev["date"], errors="coerce") if "date" in ev else pd.Series(pd.NaT, index=ev.index)
    if "period_start" in ev:
        date = date.fillna(pd.to_datetime(ev["period_start"], errors="coerce"))
    ev["_d"] = date
    read = len(ev)
    ev = dedupe_events(ev)
    used = int(ev["_d"].notna().sum())
    if used == 0:
        return pd.DataFrame(), (read, used)
    window = (ev["_d"].min(), ev["_d"].max())
    note = NOTE.format(first=window[0].date(), last=window[1].date())
    parts = []
    for etype, sub in ev.groupby(ev.get("event_type", pd.Series("event", index=ev.index)).fillna("unknown")):
        measures = [(f"events_{_slug(etype)}", None, sub)]
        if "count" in sub and "count_unit" in sub:
            for unit, su in sub.loc[sub["count"].notna()].groupby(sub["count_unit"].fillna("unit")):
                measures.append((f"{_slug(etype)}_{_slug(unit)}", "count", su))
        for measure, weight, frame in measures:
            for freq in freqs:
                parts.append(tidy(period_counts(frame, "_d", freq, weight_col=weight, window=window),
                                  source="events", measure=measure, freq=freq, coverage_note=note))
                for kind, col in GROUP_COLUMNS.items():
                    if col in frame.columns:
                        c = period_counts(frame, "_d", freq, group_col=col, weight_col=weight, window=window)
                        parts.append(tidy(c, source="events", measure=measure, freq=freq, group_kind=kind,
                                          coverage_note=note))
    return mark_edges(pd.concat(parts, ignore_index=True)), (read, used)
