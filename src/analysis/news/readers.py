"""Read news inputs into raw records: JSON Lines, folders of HTML pages, folders of text files.

Reading is split in two so that the costly part can run on many workers: ``list_records``
walks the input and yields one small raw record per article (a JSONL line's bytes, or a
file's path), and ``parse_record`` turns one raw record into an article (url, outlet,
published_at, title, raw text) or a reject with its reason. Nothing read is dropped
silently: every record ends as an article or a reject.

Shapes read:

* JSON Lines, one article a line: ``url``, ``outlet``, ``published_at``, ``title`` and
  ``text`` or ``html``.
* HTML pages (``.html``/``.htm``): main text and metadata extracted with trafilatura
  (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
  Discovery and Extraction", ACL demos).
* Text files (``.txt``): title on the first line, then the story. A sidecar
  ``<name>.json`` beside the file may give ``url``, ``outlet``, ``published_at``. File
  modification times are *not* used as publication dates (a copy or download resets
  them); without a sidecar ``published_at`` is left empty and the date anchor comes from
  the text itself (see ``analysis.news.anchor``).

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.jsonl").write_text(json.dumps({"url": "u1", "text": "Polisi menahan dua orang."}) + "\\n{bad\\n")
>>> records, rejects = list_records(d / "a.jsonl")
>>> [parse_record(r)[1] is None for r in records]
[True, False]
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 5_000_000  # a news article is tens of kB; a page past this is not one article
MIN_HTML_TEXT = 200  # characters of main text below which an HTML page holds no article
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt"}


@dataclass(frozen=True)
class RawRecord:
    """One article as read: where from, its shape, and its undecoded content or path."""

    source: str  # file path, or "path:line" for a JSONL line
    kind: str  # "jsonl", "html" or "text"
    payload: bytes | None = None  # a JSONL line's bytes
    path: str | None = None  # an HTML or text file
    sidecar: str | None = None  # metadata JSON beside a text or HTML file


def reject(source: str, stage: str, reason: str, detail: str | None = None) -> dict[str, Any]:
    """A row of the ``rejects`` table."""
    return {"source": source, "stage": stage, "reason": reason, "detail": detail}


def article_id(url: str | None, source: str) -> str:
    """Stable id from the URL when there is one, else from where the article was read.

    >>> article_id("https://contoh.id/a", "x") == article_id("https://contoh.id/a", "y")
    True
    """
    key = (url or "").strip() or f"source:{os.path.basename(source)}"
    return "N-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def list_records(source: str | os.PathLike) -> tuple[list[RawRecord], list[dict]]:
    """Walk a JSONL file, an HTML/text file, or a folder of them into raw records and rejects."""
    source = Path(source)
    if not source.exists():
        raise FileNotFoundError(f"no news input at {source}")
    files = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
    stems_with_body = {p.with_suffix("") for p in files if p.suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES}
    records: list[RawRecord] = []
    rejects: list[dict] = []
    for p in files:
        suffix = p.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            recs, rej = _jsonl_records(p)
            records += recs
            rejects += rej
        elif suffix in HTML_SUFFIXES | TEXT_SUFFIXES:
            side = p.with_suffix(".json")
            records.append(RawRecord(str(p), "html" if suffix in HTML_SUFFIXES else "text", path=str(p),
                                     sidecar=str(side) if side.exists() else None))
        elif suffix == ".json" and p.with_suffix("") in stems_with_body:
            continue  # a sidecar, read with its article
        elif p.name.startswith(".") or p.name.lower().startswith("readme"):
            continue  # hidden files and folder notes are not inputs
        else:
            rejects.append(reject(str(p), "read", "unsupported file type", f"suffix {suffix or '(none)'}"))
    return records, rejects


def _jsonl_records(path: Path) -> tuple[list[RawRecord], list[dict]]:
    records, rejects = [], []
    with path.open("rb") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            records.append(RawRecord(f"{path}:{n}", "jsonl", payload=line.rstrip(b"\r\n")))
    return records, rejects


def parse_record(rec: RawRecord) -> tuple[dict | None, dict | None]:
    """Decode one raw record into ``(article, None)`` or ``(None, reject)``.

    The article dict has ``article_id, source, url, outlet, published_at_raw, title, raw_text``
    (raw text before cleaning) and ``first_line_is_title`` (a text file without a known title). Reasons: page too large, invalid UTF-8, malformed
    JSON, no text field, empty text, no article text found in HTML. A missing dependency
    (``ImportError``) is raised, not recorded: it would reject every article alike.
    """
    try:
        if rec.kind == "jsonl":
            return _parse_jsonl(rec)
        return _parse_file(rec)
    except ImportError:   # a missing dependency (e.g. lxml_html_clean for HTML) is fatal, not bad data
        raise
    except Exception as exc:  # a reader bug must not stop the run; the record is kept as a reject
        return None, reject(rec.source, "read", "unreadable record", f"{type(exc).__name__}: {exc}")


def _decode(data: bytes, source: str) -> tuple[str | None, dict | None]:
    if len(data) > MAX_BYTES:
        return None, reject(source, "read", "page too large", f"{len(data)} bytes > {MAX_BYTES}")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, reject(source, "decode", "invalid UTF-8 bytes", f"at byte {exc.start}: {exc.reason}")


def _parse_jsonl(rec: RawRecord) -> tuple[dict | None, dict | None]:
    line, rej = _decode(rec.payload or b"", rec.source)
    if rej:
        return None, rej
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, reject(rec.source, "parse", "malformed JSON line", str(exc))
    if not isinstance(obj, dict):
        return None, reject(rec.source, "parse", "JSON line is not an object", type(obj).__name__)
    meta = {k: _str_or_none(obj.get(k)) for k in ("url", "outlet", "published_at", "title")}
    if "text" in obj and obj["text"] is not None:
        text = obj["text"]
        if not isinstance(text, str):
            return None, reject(rec.source, "parse", "text field is not a string", type(text).__name__)
        return _article(rec.source, meta, text)
    if "html" in obj and obj["html"] is not None:
        return _from_html(rec.source, str(obj["html"]), meta)
    return None, reject(rec.source, "parse", "no text or html field", ", ".join(sorted(obj)) or "(empty object)")


def _parse_file(rec: RawRecord) -> tuple[dict | None, dict | None]:
    size = os.path.getsize(rec.path)
    if size > MAX_BYTES:
        return None, reject(rec.source, "read", "page too large", f"{size} bytes > {MAX_BYTES}")
    with open(rec.path, "rb") as fh:
        text, rej = _decode(fh.read(), rec.source)
    if rej:
        return None, rej
    meta: dict[str, str | None] = {"url": None, "outlet": None, "published_at": None, "title": None}
    if rec.sidecar:
        try:
            side = json.loads(Path(rec.sidecar).read_text(encoding="utf-8"))
            meta.update({k: _str_or_none(side.get(k)) for k in meta if side.get(k) is not None})
        except (ValueError, OSError) as exc:
            return None, reject(rec.sidecar, "parse", "unreadable sidecar metadata", str(exc))
    if rec.kind == "html":
        return _from_html(rec.source, text, meta)
    return _article(rec.source, meta, text, first_line_is_title=meta["title"] is None)


def _from_html(source: str, html: str, meta: dict) -> tuple[dict | None, dict | None]:
    import trafilatura

    if len(html.encode("utf-8")) > MAX_BYTES:
        return None, reject(source, "read", "page too large", f"{len(html)} characters")
    doc = trafilatura.bare_extraction(html, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < MIN_HTML_TEXT:
        return None, reject(source, "parse", "no article text found in HTML",
                            f"{len((text or '').strip())} characters of main text < {MIN_HTML_TEXT}")
    meta = dict(meta)
    meta["title"] = meta.get("title") or getattr(doc, "title", None)
    meta["outlet"] = meta.get("outlet") or getattr(doc, "sitename", None)
    meta["url"] = meta.get("url") or getattr(doc, "url", None)
    meta["published_at"] = meta.get("published_at") or getattr(doc, "date", None)
    return _article(source, meta, text)


def _article(source: str, meta: dict, text: str, first_line_is_title: bool = False) -> tuple[dict | None, dict | None]:
    if not text.strip():
        return None, reject(source, "read", "empty text", None)
    return {
        "article_id": article_id(meta.get("url"), source),
        "source": source,
        "url": meta.get("url"),
        "outlet": meta.get("outlet"),
        "published_at_raw": meta.get("published_at"),
        "title": meta.get("title"),
        "raw_text": text,
        "first_line_is_title": first_line_is_title,
    }, None


def _str_or_none(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None
