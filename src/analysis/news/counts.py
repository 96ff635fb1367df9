"""Counts with their unit in Indonesian news: "397 kasus", "2.104 korban", "sembilan calon PMI".

A count is a number followed by what it counts. Numbers are digits (with "." or ","
thousands separators, "2.104"), digits with the words in brackets ("41 (empat puluh satu)
orang", the style of official releases), written numbers ("tiga", "dua puluh lima", read
with ``analysis.clean.date_words.words_to_number``) or vague quantities ("puluhan" 10-99,
"ratusan" 100-999, committed in ``analysis/data/news_numbers.csv``). Units are committed in
``analysis/data/news_units.csv`` (kasus, laporan polisi, tersangka, korban, calon PMI, PMI
non-prosedural, WNI, orang ...). A general unit right before a specific one takes the
specific one ("28 WNI korban" counts korban; "41 orang calon PMI" counts calon PMI).

>>> [(c.value, c.low, c.high, c.unit) for c in find_counts("sebanyak 397 kasus TPPO dan puluhan korban")]
[(397, 397, 397, 'kasus'), (None, 10, 99, 'korban')]
>>> [(c.value, c.unit) for c in find_counts("41 (empat puluh satu) orang calon PMI ilegal, Rp 2.000.000")]
[(41, 'calon PMI')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.clean.date_words import NUMBER_WORDS_RE, words_to_number
from analysis.news.lexicon import table

GENERAL_UNITS = frozenset({"orang", "WNI", "PMI"})
MAX_COUNT = 10_000_000  # more people or cases than this in one report is a misread number


@dataclass(frozen=True)
class CountMention:
    start: int
    end: int
    text: str
    value: int | None  # exact count; None for a vague quantity ("puluhan")
    low: int
    high: int
    unit: str


@lru_cache(maxsize=1)
def _units() -> list[tuple[str, str]]:
    return list(table("news_units")[["pattern", "unit"]].itertuples(index=False, name=None))


@lru_cache(maxsize=1)
def _vague() -> dict[str, tuple[int, int]]:
    df = table("news_numbers")
    return {w: (int(lo), int(hi)) for w, lo, hi in df[["word", "low", "high"]].itertuples(index=False)}


@lru_cache(maxsize=1)
def _count_re() -> re.Pattern:
    vague = "|".join(sorted((w for w, (lo, hi) in _vague().items() if lo != hi), key=len, reverse=True))
    units = "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_units()))
    digits = r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?![.,]\d)"
    return re.compile(
        rf"""(?<![\w.,/-])(?<!Rp\s)(?<!Rp)(?<!Rp\.\s)
        (?:(?P<digits>{digits})(?:\s*\((?:[a-z\s-]+)\))?
          |(?P<vague>(?i:{vague}))
          |(?P<words>(?i:{NUMBER_WORDS_RE})))
        \s+(?:(?P<orang>orang)\s+)?
        (?P<unit>{units})(?![\w-])""",
        re.VERBOSE,
    )


_SPECIFIC_AFTER = re.compile(r"\s+(korban|tersangka)\b")


def _unit_of(m: re.Match) -> str:
    for i, (_, unit) in enumerate(_units()):
        if m.group(f"u{i}") is not None:
            return unit
    raise AssertionError("a unit group must have matched")


def find_counts(text: str) -> list[CountMention]:
    """Every count with its unit in ``text``, in order, with spans into ``text``."""
    out: list[CountMention] = []
    for m in _count_re().finditer(text or ""):
        unit = _unit_of(m)
        end = m.end()
        if unit in GENERAL_UNITS:
            nxt = _SPECIFIC_AFTER.match(text, end)
            if nxt:
                unit, end = nxt.group(1), nxt.end()
        if m.group("digits"):
            value = int(re.sub(r"[.,]", "", m.group("digits")))
            low = high = value
        elif m.group("vague"):
            value = None
            low, high = _vague()[m.group("vague").lower()]
        else:
            value = words_to_number(m.group("words").lower())
            if value is None:
                continue
            low = high = value
        if (value or 0) > MAX_COUNT or (value is not None and value <= 0):
            continue
        out.append(CountMention(m.start(), end, text[m.start():end], value, low, high, unit))
    return out
