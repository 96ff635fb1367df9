"""The facts table of real news reports (``news_events/tppo_news_index.csv``) as news tables.

The index holds one row per real article (url, outlet, date, the event it reports, place,
suspects, victims or prospective migrants, destinations, roles and facts), with its own
event ids (several articles report one event). Read here into the same ``articles`` /
``events`` / ``event_agencies`` / ``rejects`` shapes as extracted news, so that news-based
series and networks have real content: places resolve through the gazetteer, destinations
through the country list, agencies, modus and roles through the same committed lists as the
extractor. Counts become event rows: ``n_suspects`` with unit ``tersangka``,
``n_victims_or_cpmi`` with unit ``korban atau calon PMI`` (the index does not separate them).

Partial publication dates are kept at their precision: "2023-07" is July 2023
(``published_at`` = its first day, ``pub_date_precision`` = "month"); an unreadable one
("(Apr, year not stated)") leaves ``published_at`` empty with the text kept in ``pub_date_raw``.

>>> import io
>>> csv = io.StringIO("id,url,outlet,pub_date,event_id,topic,location,n_suspects,n_victims_or_cpmi,"
...     "destinations,roles_or_facts,reliability_note\\n"
...     "1,https://x.id/a,x,2023-05-02,E48,departure prevented,\\"Kupang, NTT\\",1,41,Malaysia,"
...     "recruiter MM; Polda NTT,\\n")
>>> t = read_news_index(csv)
>>> t["events"][["event_id", "count", "count_unit", "places", "countries"]].values.tolist()[1]
['E48', 41.0, 'korban atau calon PMI', ['Kota Kupang', 'Nusa Tenggara Timur'], ['Malaysia']]
>>> t["event_agencies"].values.tolist()
[['E48', 'Polda Nusa Tenggara Timur']]
"""

from __future__ import annotations

import os
import re

import pandas as pd

from analysis.news.entities import find_agencies, find_countries, find_modus, find_roles
from analysis.news.gazetteer import find_places, resolve_place
from analysis.news.pipeline import event_agencies
from analysis.news.readers import reject

REQUIRED = ["id", "url", "outlet", "pub_date", "event_id", "topic", "location", "n_suspects",
            "n_victims_or_cpmi", "destinations", "roles_or_facts", "reliability_note"]
VICTIM_UNIT = "korban atau calon PMI"
_SPLIT = re.compile(r"\s*(?:,|/|;|&|\band\b|\bdan\b)\s*")
NATIONAL = {"national", "nasional", "indonesia"}


def _unique(xs) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out


def index_places(location: str | None) -> list[str]:
    """Official names of the places in an index ``location`` cell ("Kupang, NTT", "national").

    >>> index_places("Nunukan, Kaltara"), index_places("national")
    (['Kabupaten Nunukan', 'Kalimantan Utara'], [])
    """
    if not location or str(location).strip().casefold() in NATIONAL:
        return []
    names: list[str] = []
    for part in _SPLIT.split(str(location)):
        part = re.sub(r"\([^)]*\)", " ", part).strip()
        p = resolve_place(part)
        if p is not None:
            names.append(p.name)
            continue
        names.extend(m.name for m in find_places(part))
    return _unique(names)


def parse_pub_date(value) -> tuple[pd.Timestamp, str | None]:
    """``(first day, precision)`` of an index date: day, month or year; ``(NaT, None)`` if unreadable.

    >>> parse_pub_date("2023-07"), parse_pub_date("(Apr, year not stated)")
    ((Timestamp('2023-07-01 00:00:00'), 'month'), (NaT, None))
    """
    s = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    for rx, fmt, prec in ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d", "day"), (r"\d{4}-\d{2}", "%Y-%m", "month"),
                          (r"\d{4}", "%Y", "year")):
        if re.fullmatch(rx, s):
            try:
                return pd.to_datetime(s, format=fmt), prec
            except ValueError:
                return pd.NaT, None
    return pd.NaT, None


def _count(value) -> float | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == "":
        return None
    try:
        return float(str(value).replace(",", "").strip())
    except ValueError:
        return None


def read_news_index(path: str | os.PathLike) -> dict[str, pd.DataFrame]:
    """The index CSV to ``articles``, ``events``, ``event_agencies``, ``rejects`` (event ids kept)."""
    src = str(path) if not hasattr(path, "read") else "<news index>"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise ValueError(f"news index {src} lacks columns {missing}")
    articles, events, rejects = [], [], []
    for n, row in enumerate(df.to_dict("records"), start=2):
        where = f"{src}:{n}"
        if not row["id"].strip() or not row["event_id"].strip():
            rejects.append(reject(where, "parse", "index row without id or event_id", None))
            continue
        bad = [c for c in ("n_suspects", "n_victims_or_cpmi") if row[c].strip() and _count(row[c]) is None]
        if bad:
            rejects.append(reject(where, "parse", "count is not a number", ", ".join(f"{c}={row[c]!r}" for c in bad)))
            continue
        aid = f"NI-{int(row['id']):03d}" if row["id"].strip().isdigit() else f"NI-{row['id'].strip()}"
        published, precision = parse_pub_date(row["pub_date"])
        facts = f"{row['topic']}. {row['roles_or_facts']}"
        places = index_places(row["location"])
        first = resolve_place(places[0]) if places else None
        ctx = {
            "agencies": _unique(a.name for a in find_agencies(facts)),
            "places": places,
            "countries": _unique(c.name for c in find_countries(row["destinations"])),
            "modus": _unique(m.name for m in find_modus(facts)),
            "roles": _unique(r.name for r in find_roles(facts)),
        }
        articles.append({
            "article_id": aid, "source": where, "url": row["url"] or None, "outlet": row["outlet"] or None,
            "published_at": published, "pub_date_raw": row["pub_date"] or None, "pub_date_precision": precision,
            "title": None, "anchor_date": published,
            "anchor_rule": "index_pub_date" if precision else "none",
            "place": first.name if first else None, "place_code": first.code if first else None,
            "place_province": first.province if first else None, "place_rule": "index_location" if first else "none",
            "event_id": row["event_id"].strip(), "topic": row["topic"], "reliability_note": row["reliability_note"] or None,
            **ctx,
        })
        base = {"event_id": row["event_id"].strip(), "article_id": aid, "event_type": row["topic"] or "reported",
                "period_start": pd.NaT, "period_end": pd.NaT, "date": published, **ctx, "suspects": [],
                "evidence_start": None, "evidence_end": None}
        counts = [(u, _count(row[c])) for c, u in (("n_suspects", "tersangka"), ("n_victims_or_cpmi", VICTIM_UNIT))]
        counts = [(u, v) for u, v in counts if v is not None]
        for unit, value in counts or [(None, None)]:
            low = int(value) if value is not None else None
            events.append({**base, "count": value, "count_low": low, "count_high": low, "count_unit": unit})
    art = pd.DataFrame(articles)
    ev = pd.DataFrame(events)
    if not ev.empty:
        ev["count"] = ev["count"].astype("Float64")
        for c in ("count_low", "count_high", "evidence_start", "evidence_end"):
            ev[c] = ev[c].astype("Int64")
        for c in ("period_start", "period_end", "date"):
            ev[c] = pd.to_datetime(ev[c]).astype("datetime64[ns]")
    for c in ("published_at", "anchor_date"):
        if c in art:
            art[c] = pd.to_datetime(art[c]).astype("datetime64[ns]")
    rej = pd.DataFrame(rejects, columns=["source", "stage", "reason", "detail"])
    return {"articles": art, "events": ev, "event_agencies": event_agencies(ev) if not ev.empty else
            pd.DataFrame({"event_id": [], "agency": []}, dtype=object), "rejects": rej}
