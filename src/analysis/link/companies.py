"""How alike two company names are, including acronyms (``PT. NSP`` ↔ ``PT NUSA SINAR PERKASA``).

Placement companies are written with or without the dot after ``PT``, in capitals or title
case, with OCR slips (``Perkara`` for ``Perkasa``) and, once introduced, by their initials.
``company_core`` (from ``analysis.extract.company_names``) drops the legal form so that a
``PT`` and a ``CV`` of one name compare equal;
``acronym_map`` finds, across the corpus, the one long name that a short all-letter name
abbreviates (ambiguous acronyms stay unresolved and go to review);
``name_similarity`` scores two cores 0–1.

>>> company_core("pt nusa sinar perkasa")
'nusa sinar perkasa'
>>> acronym_map(["nusa sinar perkasa", "nsp", "rsei"])
{'nsp': 'nusa sinar perkasa'}
>>> round(name_similarity("nusa sinar perkasa", "nusa sinar perkara"), 2)
0.94
>>> name_similarity("nsp", "nusa sinar perkasa", {"nsp": "nusa sinar perkasa"})
0.9
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from analysis.extract.company_names import company_core

ACRONYM_SCORE = 0.9      # a short name that spells exactly one long name's initials


def is_acronym(core: str) -> bool:
    """A single 2–6 letter word, as companies are abbreviated (``nsp``, ``rsei``)."""
    return bool(re.fullmatch(r"[a-z]{2,6}", core))


def initials(core: str) -> str:
    return "".join(w[0] for w in core.split())


def acronym_map(cores) -> dict[str, str]:
    """Each acronym among ``cores`` mapped to the only multi-word core whose initials it spells.

    Acronyms that fit no long name, or more than one, are left out (they are not guessed).
    """
    longs = defaultdict(set)
    for c in set(cores):
        if len(c.split()) >= 2:
            longs[initials(c)].add(c)
    out = {}
    for c in set(cores):
        if is_acronym(c) and len(longs.get(c, ())) == 1:
            out[c] = next(iter(longs[c]))
    return out


def name_similarity(a: str, b: str, acronyms: dict[str, str] | None = None) -> float:
    """Similarity 0–1 of two company cores: 1 if equal, ``ACRONYM_SCORE`` if one abbreviates the
    other, otherwise the rapidfuzz normalised Indel similarity of the two strings, with or
    without their spaces (OCR splits words: ``jasa ba kti agung``).
    """
    if a == b:
        return 1.0
    acronyms = acronyms or {}
    if acronyms.get(a) == b or acronyms.get(b) == a:
        return ACRONYM_SCORE
    if is_acronym(a) and is_acronym(b):
        return 0.0          # two different acronyms are two different companies
    return max(fuzz.ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", ""))) / 100.0
