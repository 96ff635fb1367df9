"""News articles to the ``articles``, ``events``, ``event_agencies`` and ``rejects`` tables.

Shape: load (``readers.list_records``) -> per-article work (``process_record``: decode,
redact, clean, check language, anchor dates, place, extract events) -> whole-corpus work
(drop repeated ids, cluster near duplicates, link events). The per-article step is a pure
function of one raw record, so it runs the same in a loop or on Dask workers (a
``dask.bag`` over the records), and the tables come out identical either way: rows are put
back in reading order before the corpus-wide steps.

Every record read ends as one article or one reject: ``len(articles) + len(rejects that
are records) == records read``; the count is checked at the end of ``process_news``.

Stored text is redacted (``analysis.privacy.redact``: NIK, phone, passport, e-mail, street
addresses) before cleaning, and evidence spans point into the cleaned text as stored in
``articles.text`` (which belongs in ``data/processed``, never in committed files).

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> line = {"url": "https://contoh.id/1", "published_at": "2025-05-29", "text":
...     "KUPANG, contoh.id - Polda NTT menggagalkan keberangkatan sembilan calon PMI ke Malaysia "
...     "yang akan berangkat melalui pelabuhan, dan para korban sudah dipulangkan ke daerah asal."}
>>> _ = (d / "a.jsonl").write_text(json.dumps(line) + "\\n")
>>> t = process_news(d / "a.jsonl")
>>> e = t["events"].iloc[0]
>>> (int(e["count"]), e["count_unit"], e["agencies"], e["countries"], e["event_type"])
(9, 'calon PMI', ['Polda Nusa Tenggara Timur'], ['Malaysia'], 'departure_prevented')
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from analysis.news.anchor import anchor_date, parse_published
from analysis.news.clean import clean_article
from analysis.news.dedup import near_duplicate_clusters
from analysis.news.events import extract_events, sentence_context
from analysis.news.language import indonesian_ratio, is_indonesian, mojibake_count
from analysis.news.link import link_events
from analysis.news.place import article_place
from analysis.news.readers import RawRecord, list_records, parse_record, reject
from analysis.privacy import RedactionError, redact

log = logging.getLogger(__name__)

MIN_STORY_CHARS = 80  # a cleaned story shorter than this is a stub, a gallery or a teaser
MOJIBAKE_MAX = 2  # more marks than this and the text was decoded with the wrong charset

ARTICLE_COLUMNS = [
    "article_id", "source", "url", "outlet", "published_at", "published_at_raw", "title", "anchor_date",
    "anchor_rule",
    "dateline_place", "dateline_outlet", "source_credit", "place", "place_code", "place_province",
    "place_rule", "agencies", "places", "countries", "modus", "roles", "n_events", "n_chars",
    "indonesian_ratio", "cluster_id", "cluster_size", "max_similarity", "text",
]
EVENT_COLUMNS = [
    "event_id", "article_id", "event_type", "count", "count_low", "count_high", "count_unit",
    "period_start", "period_end", "period_from", "date", "agencies", "places", "countries", "modus", "roles",
    "suspects", "agencies_from", "evidence_start", "evidence_end", "count_start", "count_end",
]
REJECT_COLUMNS = ["source", "stage", "reason", "detail"]


def process_record(rec: RawRecord) -> dict:
    """One raw record to ``{"article": row | None, "events": [rows], "rejects": [rows]}``."""
    art, rej = parse_record(rec)
    if rej is not None:
        return {"article": None, "events": [], "rejects": [rej]}
    try:
        return _process_article(art)
    except (ImportError, RedactionError):   # a missing dependency or a failed redaction: stop the run
        raise
    except Exception as exc:  # one bad article must not stop a corpus run; it is kept as a reject
        log.exception("extraction failed for %s", rec.source)
        return {"article": None, "events": [],
                "rejects": [reject(rec.source, "extract", "extraction failed", f"{type(exc).__name__}: {exc}")]}


def _process_article(art: dict) -> dict:
    source = art["source"]
    raw = art["raw_text"]
    marks = mojibake_count(raw)
    if marks > MOJIBAKE_MAX:
        return _rejected(reject(source, "decode", "broken encoding (mojibake)",
                                f"{marks} double-encoded or replacement characters"))
    cleaned = clean_article(redact(raw), title=art["title"], first_line_is_title=art["first_line_is_title"])
    text = cleaned.text
    if len(text.strip()) < MIN_STORY_CHARS:
        return _rejected(reject(source, "clean", "no story text after cleaning",
                                f"{len(text.strip())} characters < {MIN_STORY_CHARS}"))
    ratio = indonesian_ratio(text)
    if not is_indonesian(text):
        return _rejected(reject(source, "clean", "not Indonesian",
                                f"Indonesian stopword ratio {ratio:.3f}"))
    published = parse_published(art["published_at_raw"])
    anchor, rule = anchor_date(published, text)
    events = extract_events(art["article_id"], text, anchor)
    title = redact(cleaned.title) if cleaned.title else None
    context = sentence_context(text if not title else f"{title}\n\n{text}")
    article = {
        "article_id": art["article_id"],
        "source": source,
        "url": art["url"],
        "outlet": art["outlet"] or cleaned.dateline_outlet,
        "published_at": pd.Timestamp(published) if published else pd.NaT,
        "published_at_raw": art["published_at_raw"],  # kept as read, whether or not it parsed
        "title": title,
        "anchor_date": pd.Timestamp(anchor) if anchor else pd.NaT,
        "anchor_rule": rule,
        "dateline_place": cleaned.dateline_place,
        "dateline_outlet": cleaned.dateline_outlet,
        "source_credit": cleaned.source_credit,
        **article_place(cleaned.dateline_place, text),
        **context,
        "n_events": len(events),
        "n_chars": len(text),
        "indonesian_ratio": round(ratio, 4),
        "text": text,
    }
    return {"article": article, "events": events, "rejects": []}


def _rejected(row: dict) -> dict:
    return {"article": None, "events": [], "rejects": [row]}


def map_records(records: list[RawRecord], dask: str | None = None, partition_size: int = 50) -> list[dict]:
    """``process_record`` over ``records``, in order: locally, or on Dask when ``dask`` is given.

    ``dask`` is ``"local"`` (a threads-only local cluster), ``"sync"`` or ``"threads"`` (Dask's
    in-process schedulers, handy in tests), or a scheduler address (``tcp://host:8786``).
    """
    if not dask:
        return [process_record(r) for r in records]
    import dask.bag as db

    nparts = max(1, -(-len(records) // max(partition_size, 1))) if records else 1
    bag = db.from_sequence(records, npartitions=nparts).map(process_record)
    if dask in ("sync", "synchronous", "threads"):
        return bag.compute(scheduler="sync" if dask != "threads" else "threads")
    from distributed import Client, LocalCluster

    if dask == "local":
        with LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            return bag.compute(scheduler=client)
    with Client(dask) as client:
        return bag.compute(scheduler=client)


def _lists_to_frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for c in columns:
        if c not in df:
            df[c] = pd.Series([None] * len(df), dtype=object)
    return df[columns]


def _events_frame(rows: list[dict]) -> pd.DataFrame:
    df = _lists_to_frame(rows, [c for c in EVENT_COLUMNS if c != "event_id"])
    for c in ("period_start", "period_end", "date"):
        df[c] = pd.to_datetime(df[c].astype(object).where(df[c].notna(), None)).astype("datetime64[ns]")
    df["count"] = df["count"].astype("Float64")
    for c in ("count_low", "count_high", "evidence_start", "evidence_end", "count_start", "count_end"):
        df[c] = df[c].astype("Int64")
    return df


def event_agencies(events: pd.DataFrame) -> pd.DataFrame:
    """The agencies acting together per event, one row each: ``event_id, agency`` (for co-action networks).

    >>> ev = pd.DataFrame({"event_id": ["e1", "e1", "e2"], "agencies": [["Polda NTT", "BP3MI NTT"], ["Polda NTT"], []]})
    >>> event_agencies(ev).values.tolist()
    [['e1', 'BP3MI NTT'], ['e1', 'Polda NTT']]
    """
    if events.empty:
        return pd.DataFrame({"event_id": pd.Series([], dtype=object), "agency": pd.Series([], dtype=object)})
    long = events[["event_id", "agencies"]].explode("agencies").dropna(subset=["agencies"])
    long = long.rename(columns={"agencies": "agency"}).drop_duplicates()
    return long.sort_values(["event_id", "agency"]).reset_index(drop=True)


def process_news(source: str | Path, dask: str | None = None, *, partition_size: int = 50) -> dict[str, pd.DataFrame]:
    """Articles (a JSONL file, an HTML or text file, or a folder of them) to tables.

    Returns ``articles``, ``events``, ``event_agencies`` and ``rejects``. With ``dask``, the
    records are split into partitions of ``partition_size`` articles.
    """
    records, rejects = list_records(source)
    results = map_records(records, dask=dask, partition_size=partition_size)
    articles, events = [], []
    seen: dict[str, str] = {}
    for res in results:
        rejects.extend(res["rejects"])
        a = res["article"]
        if a is None:
            continue
        if a["article_id"] in seen:  # the same URL read twice: keep the first, say so
            rejects.append(reject(a["source"], "validate", "duplicate article",
                                  f"same url as {seen[a['article_id']]}"))
            continue
        seen[a["article_id"]] = a["source"]
        articles.append(a)
        events.extend(res["events"])
    n_record_rejects = sum(len(r["rejects"]) for r in results) + sum(
        1 for r in rejects if r["stage"] == "validate")
    if len(articles) + n_record_rejects != len(records):
        raise AssertionError(f"records lost: read {len(records)}, kept {len(articles)}, rejected {n_record_rejects}")

    art = _lists_to_frame(articles, [c for c in ARTICLE_COLUMNS if c not in ("cluster_id", "cluster_size", "max_similarity")])
    clusters = near_duplicate_clusters(art[["article_id", "text"]])
    art = art.merge(clusters, on="article_id", how="left")[ARTICLE_COLUMNS]
    for c in ("published_at", "anchor_date"):
        art[c] = pd.to_datetime(art[c]).astype("datetime64[ns]")
    ev = link_events(_events_frame(events), art)
    ev = ev[EVENT_COLUMNS] if not ev.empty else _lists_to_frame([], EVENT_COLUMNS)
    if ev.empty:
        ev = _events_frame([]).assign(event_id=pd.Series([], dtype=object))[EVENT_COLUMNS]
    rej = _lists_to_frame(rejects, REJECT_COLUMNS)
    log.info("news: %d records, %d articles, %d events, %d rejects", len(records), len(art), len(ev), len(rej))
    return {"articles": art, "events": ev, "event_agencies": event_agencies(ev), "rejects": rej}

