"""Named things in a sentence of news: agencies, destination countries, modus, roles, suspects.

Each finder returns mentions with spans, normalised through a committed list
(``analysis/data/news_agencies.csv``, ``countries.csv`` shared with the court data plus
``news_countries.csv``, ``news_modus.csv``, ``news_roles.csv``), so that "BP3MI DIY" and "Balai Pelayanan Pelindungan Pekerja Migran
Indonesia Daerah Istimewa Yogyakarta" are the same agency, and "Arab Saudi" is "Saudi Arabia".
An agency with a regional office takes the place that follows it ("Polda NTT" ->
"Polda Nusa Tenggara Timur"; "Polres Nunukan" -> "Polres Nunukan"); without a place
("bersama Polda dan jajaran") it names a kind of office rather than an actor, and is left out.

>>> [a.name for a in find_agencies("Bareskrim Polri bersama Polda NTT dan BP3MI DIY")]
['Bareskrim Polri', 'Polda Nusa Tenggara Timur', 'BP3MI Daerah Istimewa Yogyakarta']
>>> [a.name for a in find_agencies("Bareskrim Polri bersama Polda dan jajaran")]
['Bareskrim Polri']
>>> [c.name for c in find_countries("dikirim ke Arab Saudi lewat Dubai")]
['Saudi Arabia', 'United Arab Emirates']
>>> find_suspects("tersangka berinisial AS (35) dan RN")
['AS', 'RN']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.news.gazetteer import _PREFIX, find_places
from analysis.news.lexicon import table


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    name: str  # the normalised label


@lru_cache(maxsize=1)
def _agency_re() -> tuple[re.Pattern, list[tuple[str, int]]]:
    df = table("news_agencies")
    alts = "|".join(f"(?P<a{i}>{p})" for i, p in enumerate(df["pattern"]))
    labels = [(a, int(t)) for a, t in df[["agency", "takes_place"]].itertuples(index=False)]
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])"), labels


_CAPWORDS = re.compile(r"\s+((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*)?)")


def _place_label(name: str, level: int) -> str:
    return name if level == 1 else _PREFIX.sub("", name)


def find_agencies(text: str) -> list[Mention]:
    """Agencies named in ``text``, normalised; a regional office carries its place."""
    rx, labels = _agency_re()
    text = text or ""
    places = {p.start: p for p in find_places(text)}
    out: list[Mention] = []
    for m in rx.finditer(text):
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
        label, takes_place = labels[i]
        end = m.end()
        if takes_place:
            gap = re.match(r"\s+|\s*\(\s*", text[end:])  # "BP3MI DIY", "Polda NTT", "(BP3MI DIY)"
            nxt = end + (gap.end() if gap else 0)
            place = places.get(nxt) if gap and gap.group().strip() == "" else None
            if place is not None:
                label, end = f"{label} {_place_label(place.name, place.level)}", place.end
            elif takes_place == 2 and (cw := _CAPWORDS.match(text, end)):
                label, end = f"{label} {cw.group(1)}", cw.end()
            else:
                continue
        out.append(Mention(m.start(), end, text[m.start():end], label))
    return out


@lru_cache(maxsize=None)
def _alias_re(name: str, key: str, value: str, case_by_caps: bool = False):
    df = table(name)
    pairs = sorted(df[[key, value]].itertuples(index=False, name=None), key=lambda kv: -len(kv[0]))
    lookup = {}
    parts = []
    for alias, label in pairs:
        lookup[alias.casefold()] = label
        esc = re.escape(alias).replace(r"\ ", r"\s+")
        if case_by_caps and not alias.isupper():
            esc = f"(?i:{esc})"
        parts.append(esc)
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])"), lookup


def _find(text: str, rx_lookup) -> list[Mention]:
    rx, lookup = rx_lookup
    return [Mention(m.start(), m.end(), m.group(1), lookup[" ".join(m.group(1).split()).casefold()])
            for m in rx.finditer(text or "")]


@lru_cache(maxsize=1)
def _countries_re():
    """Country names from the project's shared map (``countries.csv``, read-only) plus the news
    list (``news_countries.csv``: nicknames, regions and cities news uses); the news list wins."""
    pairs: dict[str, tuple[str, str]] = {}
    try:
        shared = table("countries")
        pairs.update({n.casefold(): (n, c) for n, c in shared[["name", "country"]].itertuples(index=False)})
    except (FileNotFoundError, KeyError):
        pass  # the shared map is optional; the news list covers the usual destinations
    own = table("news_countries")
    pairs.update({a.casefold(): (a, c) for a, c in own[["alias", "country"]].itertuples(index=False)})
    parts = []
    for alias, _ in sorted(pairs.values(), key=lambda ac: -len(ac[0])):
        esc = re.escape(alias).replace(r"\ ", r"\s+")
        parts.append(f"(?=[A-Z])(?i:{esc})")  # a name is written with a capital
    lookup = {k: c for k, (_, c) in pairs.items()}
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])"), lookup


def find_countries(text: str) -> list[Mention]:
    """Destination and transit countries (English short names), as names are written (capitalised)."""
    return _find(text, _countries_re())


def find_modus(text: str) -> list[Mention]:
    """Modus cues (online_scam, domestic_work, fishing_crew, ...); acronyms match in capitals only."""
    return _find(text, _alias_re("news_modus", "cue", "modus", True))


def find_roles(text: str) -> list[Mention]:
    """Role words (calo -> broker, perekrut -> recruiter, penampung -> shelter, ...).

    Cues match as written in lower case, so "Bandar Lampung" is not a "bandar" (boss).

    >>> [r.name for r in find_roles("calo dan penampung di Bandar Lampung")]
    ['broker', 'shelter']
    """
    return _find(text, _alias_re("news_roles", "cue", "role"))


_INITIALS = re.compile(
    r"(?i:berinisial|inisial|tersangka|pelaku)\s+(?:berinisial\s+|masing-masing\s+)?"
    r"(?P<list>[A-Z]{1,4}(?:\s*\(\d{1,2}\))?(?:(?:\s*,\s*|\s+dan\s+|\s*&\s*|,\s+dan\s+)"
    r"[A-Z]{1,4}(?:\s*\(\d{1,2}\))?)*)(?![\w])"
)
_ONE_INITIAL = re.compile(r"\b[A-Z]{1,4}\b")
_NOT_INITIALS = frozenset({"TPPO", "PMI", "WNI", "NTT", "NTB", "DIY", "DPO", "LP", "PT", "CV", "UU", "KUHP"})


def find_suspects(text: str) -> list[str]:
    """Suspects' initials as reported ("tersangka berinisial AS dan RN"); never full names."""
    out: list[str] = []
    for m in _INITIALS.finditer(text or ""):
        if "inisial" not in m.group(0).lower() and not re.search(r"\(\d{1,2}\)|,|dan", m.group("list")):
            continue  # a single capital word after "tersangka" without age or list is not an initial
        for ini in _ONE_INITIAL.findall(m.group("list")):
            if ini not in _NOT_INITIALS and ini not in out:
                out.append(ini)
    return out
