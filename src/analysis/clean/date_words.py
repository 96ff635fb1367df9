"""Indonesian date vocabulary: month and weekday names, number words, and their regex pieces.

Kept apart from the resolver so that a new spelling (an outlet's abbreviation, an old
spelling such as "Nopember") is one line here, not a change to the grammar.

>>> MONTHS["nopember"], MONTHS["agt"], WEEKDAYS["jum'at"]
(11, 8, 4)
>>> words_to_number("dua ribu dua puluh empat")
2024
"""

from __future__ import annotations

import re

# Month spellings seen in Indonesian news and court text: standard names, old spellings
# (Pebruari, Nopember), the outlets' abbreviations (Agt/Agu/Ags) and English names.
MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "febuari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "agus": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "sepember": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
# Misspellings and character-recognition slips counted in the court decisions of
# ../shared/data/putusan_tppo (each seen at least twice next to a day and a year).
# "Juhi" is left out: it could be Juni or Juli.
MONTHS.update({
    "ferbuari": 2, "februrai": 2, "februan": 2, "pebruai": 2,
    "agutus": 8, "agsts": 8, "agts": 8,
    "okober": 10,
    "novernber": 11, "novemeber": 11, "novanber": 11, "novmber": 11, "novembor": 11,
    "desernber": 12, "desanber": 12, "desenber": 12,
})

# Monday = 0, as in ``datetime.date.weekday``. "Ahad" is the Arabic-derived name for Sunday.
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3,
    "jumat": 4, "jum'at": 4, "jum\u2019at": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
}

_UNITS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
          "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9}
_SE = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
_SCALES = {"belas": None, "puluh": 10, "ratus": 100, "ribu": 1000}

TIME_ZONES = ("WITA", "WIB", "WIT")


def alternation(words) -> str:
    """Regex matching any of ``words``, written as a trie so that the engine compares each
    character once instead of trying every word in turn (a plain "a|b|c" list is the slow
    part of scanning a long text). Longer words are tried before their prefixes.

    >>> alternation(["mar", "maret", "mei"])
    'm(?:ar(?:et)?|ei)'
    >>> bool(re.fullmatch(alternation(["jan", "januari"]), "januari"))
    True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# A month name must not continue into a longer word ("Mei" in "Meilani"); the abbreviations
# may carry a full stop ("Okt.").
MONTH_RE = rf"(?:{alternation(MONTHS)})\.?(?![^\W\d_])"
WEEKDAY_RE = rf"(?:{alternation(WEEKDAYS)})(?![^\W\d_])"
# Words a number written in words can begin with: a unit or a "se-" form, never a scale word.
NUMBER_WORDS_FIRST = [*_UNITS, *_SE]
NUMBER_WORD_RE = rf"(?:{alternation([*_UNITS, *_SE, *_SCALES])})(?![^\W\d_])"
NUMBER_WORDS_RE = rf"(?:{alternation(NUMBER_WORDS_FIRST)})(?![^\W\d_])(?:[\s-]+{NUMBER_WORD_RE})*"


def month_number(word: str) -> int:
    """Month number of a month spelling (case and a trailing full stop ignored).

    >>> month_number("Okt."), month_number("PEBRUARI")
    (10, 2)
    """
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """Weekday number (Monday = 0) of an Indonesian weekday name.

    >>> weekday_number("Selasa")
    1
    """
    return WEEKDAYS[word.lower()]


def words_to_number(text: str) -> int | None:
    """Value of an Indonesian number written in words, or None when the words do not form one.

    Courts write dates and amounts in words ("dua puluh dua", "dua ribu dua puluh lima").
    The parser reads left to right: a unit waits for its scale word (belas, puluh, ratus,
    ribu); "se-" forms (sepuluh, sebelas, seratus, seribu) stand for one of that scale.

    >>> words_to_number("dua puluh dua"), words_to_number("sembilan belas")
    (22, 19)
    >>> words_to_number("seribu sembilan ratus sembilan puluh sembilan")
    1999
    >>> words_to_number("dua dua") is None
    True
    """
    total = chunk = 0
    last: int | None = None
    tokens = re.split(r"[\s-]+", text.strip().lower())
    if not tokens or tokens == [""]:
        return None
    for tok in tokens:
        if tok in _UNITS:
            if last is not None:
                return None
            last = _UNITS[tok]
        elif tok in _SE:
            if last is not None:
                return None
            if tok == "seribu":
                total += 1000
            else:
                chunk += _SE[tok]
        elif tok == "belas":
            if last is None:
                return None
            chunk += 10 + last
            last = None
        elif tok in ("puluh", "ratus"):
            if last is None:
                return None
            chunk += last * _SCALES[tok]
            last = None
        elif tok == "ribu":
            value = chunk + (last or 0)
            if value == 0:
                return None
            total += value * 1000
            chunk, last = 0, None
        else:
            return None
    return total + chunk + (last or 0)
