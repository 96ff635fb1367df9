"""Trafficking events from a cleaned article: one row per reported count, with its context.

A reported fact in Indonesian news is a count with its unit ("397 kasus") in a sentence that
also says over which period ("periode 22 Oktober hingga 22 November 2024"), who acted
("Bareskrim Polri"), where, to which countries, by which modus and with which roles. Each
count becomes one row; the sentence's dates, agencies, places, countries, modus, roles and
suspects' initials are attached to every count in that sentence, and the sentence's span is
the row's evidence (``evidence_start``/``evidence_end`` into the cleaned text as stored).
A sentence naming suspects by initials without a count gives one row counting them.
A sentence that refers back ("Dari laporan tersebut, polisi menetapkan 688 tersangka")
and states no period of its own takes the latest period stated before it (``period_from``
says which rule gave it). When a count's sentence names no agency, the agencies of the
story's lead sentence are taken (the lead names who acted: "Polda NTT menggagalkan ..."; later sentences say
"polisi" or "tersangka"), and ``agencies_from`` says which rule gave them.

Dates come from ``analysis.clean.dates.find_dates`` resolved against the article's anchor: a
range (or a month or year) in the sentence is the period a count covers, a single day is the
event's date.

>>> import datetime as dt
>>> rows = extract_events("A1", "Periode 22 Oktober hingga 22 November 2024 sebanyak 397 kasus TPPO "
...                       "diungkap Bareskrim Polri.", dt.date(2024, 12, 11))
>>> r = rows[0]
>>> (r["count"], r["count_unit"], r["period_start"], r["period_end"], r["agencies"], r["event_type"])
(397, 'kasus', datetime.date(2024, 10, 22), datetime.date(2024, 11, 22), ['Bareskrim Polri'], 'disclosed')
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from analysis.news.anchor import find_dates
from analysis.news.counts import find_counts
from analysis.news.entities import find_agencies, find_countries, find_modus, find_roles, find_suspects
from analysis.news.gazetteer import find_places
from analysis.news.lexicon import table
from analysis.news.sentences import split_sentences

PERIOD_KINDS = ("range", "month", "year", "part_of_month", "part_of_year")
DAY_KINDS = ("day", "weekday_partial", "partial", "relative")
DEFAULT_EVENT_TYPE = "reported"
_REFERS_BACK = re.compile(r"(?i)\b(?:tersebut|itu|ini)\b")


@lru_cache(maxsize=1)
def _cues() -> list[tuple[re.Pattern, str, int]]:
    df = table("news_event_cues")
    return [(re.compile(rf"(?<![\w-])(?i:{p})(?![\w-])"), t, int(k))
            for p, t, k in df[["pattern", "event_type", "strength"]].itertuples(index=False)]


def event_type(sentence: str, at: int) -> str:
    """The action governing the count at position ``at`` (disclosed, arrested, rescued, ...).

    Verbs (strength 1 in ``news_event_cues.csv``) beat nouns (strength 2): in "menggagalkan
    pengiriman 15 PMI" the count was prevented, not placed. Among equals the nearest wins.

    >>> event_type("Polisi menangkap 3 tersangka dan menyelamatkan 9 korban", 47)
    'rescued'
    >>> event_type("TNI AL menggagalkan pengiriman 15 PMI ilegal", 31)
    'departure_prevented'
    """
    best: tuple[int, int, str] | None = None
    for rx, label, strength in _cues():
        for m in rx.finditer(sentence):
            d = 0 if m.start() <= at < m.end() else min(abs(m.start() - at), abs(m.end() - at))
            if best is None or (strength, d) < best[:2]:
                best = (strength, d, label)
    return best[2] if best else DEFAULT_EVENT_TYPE


def _unique(items) -> list[str]:
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def most_specific(mentions) -> list[str]:
    """Place names, unique and in order, without a province whose regency or city is also named.

    >>> from analysis.news.gazetteer import find_places
    >>> most_specific(find_places("Polda NTT memulangkan warga Kupang ke NTB"))
    ['Kota Kupang', 'Nusa Tenggara Barat']
    """
    covered = {m.province for m in mentions if m.level == 2}
    return _unique(m.name for m in mentions if not (m.level == 1 and m.name in covered))


def sentence_context(text: str) -> dict[str, list[str]]:
    """Agencies, places, countries, modus and roles named in a piece of text (unique, in order).

    >>> c = sentence_context("Polda NTT memulangkan korban dari Malaysia ke Kupang")
    >>> c["agencies"], c["places"], c["countries"]
    (['Polda Nusa Tenggara Timur'], ['Kota Kupang'], ['Malaysia'])
    """
    return {
        "agencies": _unique(a.name for a in find_agencies(text)),
        "places": most_specific(find_places(text)),
        "countries": _unique(c.name for c in find_countries(text)),
        "modus": _unique(m.name for m in find_modus(text)),
        "roles": _unique(r.name for r in find_roles(text)),
    }


def extract_events(article_id: str, text: str, anchor: dt.date | None) -> list[dict]:
    """One row per count (or per list of suspects' initials) in ``text``; columns as ``events``."""
    dates = find_dates(text, anchor)
    rows: list[dict] = []
    sentences = split_sentences(text)
    lead = _unique(a.name for a in find_agencies(sentences[0].text)) if sentences else []
    last_period = None
    for s in sentences:
        in_sentence = [d for d in dates if s.start <= d.span[0] and d.span[1] <= s.end]
        periods = [d for d in in_sentence if d.kind in PERIOD_KINDS]
        period_from = "sentence" if periods else None
        if not periods and last_period is not None and _REFERS_BACK.search(s.text):
            periods, period_from = [last_period], "previous"
        elif periods:
            last_period = periods[0]
        counts = find_counts(s.text)
        suspects = find_suspects(s.text)
        if not counts and not suspects:
            continue
        days = [d for d in in_sentence if d.kind in DAY_KINDS or (d.kind not in PERIOD_KINDS and d.start == d.end)]
        ctx = sentence_context(s.text)
        agencies_from = "sentence" if ctx["agencies"] else ("lead" if lead else None)
        if not ctx["agencies"]:
            ctx["agencies"] = list(lead)
        base = {
            "article_id": article_id,
            "period_start": periods[0].start if periods else None,
            "period_end": periods[0].end if periods else None,
            "period_from": period_from,
            "date": days[0].start if days else None,
            **ctx,
            "suspects": suspects,
            "agencies_from": agencies_from,
            "evidence_start": s.start,
            "evidence_end": s.end,
        }
        for c in counts:
            rows.append({**base, "event_type": event_type(s.text, c.start), "count": c.value,
                         "count_low": c.low, "count_high": c.high, "count_unit": c.unit,
                         "count_start": s.start + c.start, "count_end": s.start + c.end})
        if suspects and not any(c.unit == "tersangka" for c in counts):
            hit = re.search(rf"(?<![\w-]){re.escape(suspects[0])}(?![\w-])", s.text)
            at = hit.start() if hit else 0
            rows.append({**base, "event_type": event_type(s.text, at), "count": len(suspects),
                         "count_low": len(suspects), "count_high": len(suspects), "count_unit": "tersangka",
                         "count_start": s.start + at, "count_end": s.start + at + len(suspects[0])})
    return rows
