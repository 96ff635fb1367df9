"""Give the same event id to counts that report the same event in different articles.

Two event rows are one event when either

* their articles are near duplicates (same ``cluster_id``, ``analysis.news.dedup``) and they
  report the same count with the same unit, or
* they report the same count with the same unit, over the same period (or on the same day),
  in the same place (the sentence's first place, else the article's place).

Rows are joined transitively (union-find); an event id is ``NE-`` plus a hash of its first
member (smallest article id, then the count's position), so ids do not depend on reading order.

>>> import pandas as pd
>>> ev = pd.DataFrame({"article_id": ["a", "b", "c"], "count": [41, 41, 41],
...     "count_unit": ["calon PMI"] * 3, "period_start": [None] * 3, "period_end": [None] * 3,
...     "date": [None] * 3, "places": [[], [], []], "evidence_start": [0, 0, 0]})
>>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "cluster_id": ["k", "k", "z"], "place_code": ["53"] * 3})
>>> ids = link_events(ev, arts)["event_id"].tolist()
>>> ids[0] == ids[1] != ids[2]
True
"""

from __future__ import annotations

import hashlib

import pandas as pd

from analysis.news.gazetteer import resolve_place


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _isnull(v) -> bool:
    return v is None or (not isinstance(v, (list, tuple)) and pd.isna(v))


def _place_code(places, article_code) -> str | None:
    if places is not None and len(places):
        p = resolve_place(places[0])
        if p is not None:
            return p.code
    return None if _isnull(article_code) else str(article_code)


def link_events(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``events`` with an ``event_id`` column (same id = same reported event)."""
    ev = events.reset_index(drop=True)
    if ev.empty:
        return ev.assign(event_id=pd.Series([], dtype=object))
    meta = articles.set_index("article_id")[["cluster_id", "place_code"]]
    cluster = ev["article_id"].map(meta["cluster_id"])
    art_place = ev["article_id"].map(meta["place_code"])
    uf = _UnionFind(len(ev))
    seen: dict[tuple, int] = {}
    for i, row in enumerate(ev.itertuples(index=False)):
        if _isnull(row.count):
            continue
        keys = [("cluster", cluster.iloc[i], row.count, row.count_unit)]
        when = (row.period_start, row.period_end) if not _isnull(row.period_start) else (row.date, row.date)
        if not _isnull(when[0]):
            keys.append(("fact", row.count, row.count_unit, str(when[0]), str(when[1]),
                         _place_code(row.places, art_place.iloc[i])))
        for k in keys:
            if k in seen:
                uf.union(seen[k], i)
            else:
                seen[k] = i
    pos = ev["count_start"] if "count_start" in ev else ev["evidence_start"]
    order = ev.assign(_i=range(len(ev)), _p=pos).sort_values(["article_id", "_p", "_i"])["_i"].tolist()
    first: dict[int, int] = {}
    for i in order:
        first.setdefault(uf.find(i), i)
    ids = []
    for i in range(len(ev)):
        j = first[uf.find(i)]
        key = f"{ev.at[j, 'article_id']}\x1f{pos.iloc[j]}\x1f{ev.at[j, 'count_unit']}"
        ids.append("NE-" + hashlib.sha1(key.encode()).hexdigest()[:10])
    return ev.assign(event_id=ids)
