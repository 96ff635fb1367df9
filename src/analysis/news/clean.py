"""Strip the furniture of Indonesian online news from an article, keeping an offset map.

News pages carry text that is not the story: related-story links ("BACA JUGA", "Baca
Juga:", "BERITA TERKAIT"), aggregator and page prompts ("Cek Berita dan Artikel yang lain di
Google News", "SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT"), photo credits and
captions, bylines. A story behind a related-story link must never produce facts for this
article, so those lines go before any extraction. The dateline ("JOGJA, diswayjogja.id -")
and the "Sumber:" line are lifted out as metadata.

The cleaned text is a concatenation of untouched slices of the input, so every position in
it maps back to a position in the input (``CleanText.to_raw``). Line patterns are committed
data (``analysis/data/news_furniture.csv``).

>>> raw = ("Judul\\n\\nKUPANG, contoh.id - Polda NTT menahan dua orang.\\n"
...        "BACA JUGA : Banjir di Brebes\\nSumber: humas.polri.go.id")
>>> c = clean_article(raw, first_line_is_title=True)
>>> c.text
'Polda NTT menahan dua orang.'
>>> (c.dateline_place, c.dateline_outlet, c.source_credit)
('KUPANG', 'contoh.id', 'humas.polri.go.id')
>>> raw[c.to_raw(0):c.to_raw(0) + 5]
'Polda'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.news.lexicon import table

PARAGRAPH = "\n\n"

# "JOGJA, diswayjogja.id -", "JAKARTA, KOMPAS.com --", "Kupang (ANTARA) -", "MATARAM -"
_DATELINE = re.compile(
    r"""^\s*(?P<place>[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3})
        \s*(?:,\s*(?P<outlet>\w(?:[\w.-]*[\w.])?(?:\s[A-Z][\w.]*)?)|\((?P<outlet2>[^)]{2,40})\))?
        \s*[-–—]{1,2}\s+""",
    re.VERBOSE,
)
_SOURCE = re.compile(r"^\s*Sumber\s*:\s*(?P<src>.+?)\s*$")
_INLINE_PHOTO = re.compile(r"\s*\((?:Foto|FOTO|Dok\.?|Ilustrasi|ILUSTRASI)\s*[:/][^)\n]{0,200}\)")


@dataclass(frozen=True)
class CleanText:
    """An article's story text with its metadata and the map back to the input."""

    text: str
    segments: tuple[tuple[int, int, int], ...] = ()  # (clean_start, raw_start, length)
    title: str | None = None
    dateline_place: str | None = None
    dateline_outlet: str | None = None
    source_credit: str | None = None
    removed: tuple[tuple[int, int, str], ...] = field(default=())  # raw spans and their kind

    def to_raw(self, pos: int) -> int:
        """Position in the input for position ``pos`` of the cleaned text."""
        if not self.segments:
            return pos
        starts = [s[0] for s in self.segments]
        i = max(bisect.bisect_right(starts, pos) - 1, 0)
        c0, r0, n = self.segments[i]
        if pos < c0 + n or i + 1 == len(self.segments):
            return r0 + min(pos - c0, n)
        return self.segments[i + 1][1]  # inside a paragraph break: the next kept slice


@lru_cache(maxsize=1)
def _furniture() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(p), k) for p, k in table("news_furniture")[["pattern", "kind"]].itertuples(index=False)]


def furniture_kind(line: str) -> str | None:
    """The kind of page furniture a whole line is (related, prompt, photo, byline), else None.

    >>> furniture_kind("BACA JUGA : Banjir di Brebes"), furniture_kind("Polisi menahan dua orang.")
    ('related', None)
    """
    s = line.strip()
    for rx, kind in _furniture():
        if rx.fullmatch(s):
            return kind
    return None


def _lines(raw: str):
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, body
        pos += len(line)


def clean_article(raw: str, title: str | None = None, *, first_line_is_title: bool = False) -> CleanText:
    """Remove furniture from ``raw`` (plain text, one paragraph a line); lift dateline and source.

    ``title`` is the known headline, removed where a line repeats it. With
    ``first_line_is_title`` and no ``title`` (the shape of a saved text page) the first
    non-empty line is the title.
    """
    if not isinstance(raw, str):
        raise TypeError(f"clean_article needs text, got {type(raw).__name__}")
    pieces: list[tuple[int, str]] = []  # (raw_start, kept text)
    removed: list[tuple[int, int, str]] = []
    meta: dict[str, str | None] = {"place": None, "outlet": None, "source": None}
    take_title = title is None and first_line_is_title
    norm_title = " ".join(title.split()).casefold() if title else None
    seen_body = False
    for start, line in _lines(raw):
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        end = start + len(line)
        if take_title:
            title, norm_title, take_title = stripped, " ".join(stripped.split()).casefold(), False
            removed.append((start, end, "title"))
            continue
        if norm_title and " ".join(stripped.split()).casefold() == norm_title:
            removed.append((start, end, "title"))
            continue
        kind = furniture_kind(stripped)
        if kind:
            removed.append((start, end, kind))
            continue
        m = _SOURCE.match(line)
        if m:
            meta["source"] = m.group("src")
            removed.append((start, end, "source"))
            continue
        body_start = start + lead
        if not seen_body:
            d = _DATELINE.match(line)
            if d and (d.group("outlet") or d.group("outlet2") or d.group("place").isupper()):
                meta["place"] = d.group("place").strip()
                meta["outlet"] = (d.group("outlet") or d.group("outlet2") or None)
                removed.append((start, start + d.end(), "dateline"))
                body_start = start + d.end()
        seen_body = True
        text = raw[body_start:end].rstrip()
        # inline photo credits inside a paragraph are cut out, keeping the slices around them
        pos = 0
        for m in _INLINE_PHOTO.finditer(text):
            if m.start() > pos:
                pieces.append((body_start + pos, text[pos:m.start()]))
            removed.append((body_start + m.start(), body_start + m.end(), "photo"))
            pos = m.end()
        if pos < len(text):
            pieces.append((body_start + pos, text[pos:]))
            pieces.append((-1, PARAGRAPH))
    while pieces and pieces[-1][0] == -1:
        pieces.pop()
    out, segments, n = [], [], 0
    for raw_start, piece in pieces:
        if raw_start >= 0:
            segments.append((n, raw_start, len(piece)))
        out.append(piece)
        n += len(piece)
    return CleanText(
        text="".join(out),
        segments=tuple(segments),
        title=title,
        dateline_place=meta["place"],
        dateline_outlet=meta["outlet"],
        source_credit=meta["source"],
        removed=tuple(removed),
    )
