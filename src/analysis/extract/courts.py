"""The province of a district court's seat, so that decisions can be counted by province.

A court is named after its seat ("Pengadilan Negeri Lubuk Pakam"); many seats are towns that
are not themselves regencies or cities, so the committed list ``court_seats.csv`` (seat,
province, the regency or city it serves) is looked up first, then the place gazetteer of
``analysis.news.gazetteer``. This is where the case was tried, not where victims came from.

>>> court_seat("Pengadilan Negeri Tanjung Balai Karimun Kelas II")
'Tanjung Balai Karimun'
>>> court_province("Pengadilan Negeri Lubuk Pakam")
'Sumatera Utara'
>>> court_province("Pengadilan Negeri Atlantis") is None
True
>>> court_province("PN Padangsidim"), court_province("Pengadilan Negeri Padang")
('Sumatera Utara', 'Sumatera Barat')
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

SEATS_FILE = Path(__file__).resolve().parents[1] / "data" / "court_seats.csv"
_PREFIX = re.compile(r"^\s*(pengadilan\s+negeri|pn)\.?\s+", re.I)
_SUFFIX = re.compile(r"\s+(kelas|kls|kl)\b.*$", re.I)


def court_seat(court: str) -> str:
    """The seat's name: the court name without "Pengadilan Negeri"/"PN" and any class suffix."""
    s = _PREFIX.sub("", court or "")
    return " ".join(_SUFFIX.sub("", s).split())


@lru_cache(maxsize=1)
def _seats() -> dict[str, str]:
    df = pd.read_csv(SEATS_FILE)
    return {" ".join(s.lower().split()): p for s, p in zip(df["seat"], df["province"])}


def court_province(court) -> str | None:
    """Province of the court's seat, or None when neither the list nor the gazetteer knows it.

    A seat cut short in the source text ("Padangsidim") matches the one listed seat it begins,
    but only when neither the list nor the gazetteer knows it as written.
    """
    if not isinstance(court, str) or not court.strip():
        return None
    seat = court_seat(court)
    key = seat.lower()
    seats = _seats()
    if key in seats:
        return seats[key]
    compact = key.replace(" ", "")
    for name, prov in seats.items():
        if name.replace(" ", "") == compact:
            return prov
    try:
        from analysis.news.gazetteer import resolve_place
    except ImportError:
        resolve_place = None
    place = resolve_place(seat) if resolve_place is not None else None
    if place is not None:
        return place.province
    if len(key) >= 6:   # a seat cut short in the source text, tried last so "Padang" stays Padang
        hits = {prov for name, prov in seats.items() if name.startswith(key)}
        if len(hits) == 1:
            return hits.pop()
    return None
