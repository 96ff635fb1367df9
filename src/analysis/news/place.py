"""Where an article is from: its dateline, else the place its story names most.

Only the cleaned story counts: places in removed furniture (a "BACA JUGA" link to a story
about another regency) never decide an article's place. A dateline is the outlet's own
statement of where the report was filed, so it wins; without one the most-mentioned
place of the story is taken (ties: the first mentioned).

>>> article_place("JOGJA", "Rapat di Kabupaten Brebes.")["place"]
'Kota Yogyakarta'
>>> article_place(None, "Polda NTT ... di Kupang ... warga Kupang")["place"]
'Kota Kupang'
"""

from __future__ import annotations

from collections import Counter

from analysis.news.gazetteer import find_places, resolve_place

EMPTY = {"place": None, "place_code": None, "place_province": None, "place_rule": "none"}


def article_place(dateline_place: str | None, text: str) -> dict:
    """``place``, ``place_code`` (Kemendagri), ``place_province`` and ``place_rule`` of an article."""
    if dateline_place:
        p = resolve_place(dateline_place)
        if p is not None:
            return {"place": p.name, "place_code": p.code, "place_province": p.province, "place_rule": "dateline"}
    mentions = find_places(text)
    if not mentions:
        return dict(EMPTY)
    counts = Counter(m.code for m in mentions)
    first = {}
    for i, m in enumerate(mentions):
        first.setdefault(m.code, i)
    code = max(counts, key=lambda c: (counts[c], -first[c]))
    m = next(x for x in mentions if x.code == code)
    return {"place": m.name, "place_code": m.code, "place_province": m.province, "place_rule": "most_mentioned"}
