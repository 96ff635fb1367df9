"""Numbers as Indonesian court decisions write them: words, digits, durations, rupiah.

Decisions write every quantity twice, in digits and in words: ``9 (sembilan) tahun``,
``Rp120.000.000,00 (seratus dua puluh juta rupiah)``. These parsers read either form and
never raise on odd input: they return ``None`` when nothing can be read.

* ``words_to_int("seratus dua puluh juta")`` -> ``120000000``
* ``parse_idr_digits("Rp120.000.000,00")`` -> ``120000000`` (dots group thousands, the comma
  starts the sen; the digits part alone is given to ``lokal.parse_rupiah``, which would
  otherwise read the worded amount that follows as more digits)
* ``parse_duration_months("9 (sembilan) Tahun dan 6 (enam) Bulan")`` -> ``114.0``

>>> words_to_int("dua ratus lima puluh ribu")
250000
>>> parse_rupiah("denda sebesar Rp 5.000,- (lima ribu rupiah)")
5000
"""

from __future__ import annotations

import re

UNITS = {
    "nol": 0, "kosong": 0, "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}
TEENS = {"sepuluh": 10, "sebelas": 11}
SCALES_SMALL = {"belas": None, "puluh": 10, "ratus": 100}
SCALES_LARGE = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12}
_PREFIXED = re.compile(r"^se(puluh|belas|ratus|ribu|juta|miliar|milyar|triliun)$")
_WORD = re.compile(r"[a-z]+")
_NUMBER_WORDS = set(UNITS) | set(TEENS) | set(SCALES_SMALL) | set(SCALES_LARGE) | {
    "seratus", "seribu", "sejuta", "semiliar", "semilyar", "setriliun", "sebelas", "sepuluh"}


def words_to_int(text: str) -> int | None:
    """Value of an Indonesian number written in words; ``None`` if any word is not a number word.

    >>> [words_to_int(w) for w in ["sembilan", "dua puluh", "sebelas", "lima belas", "seribu dua"]]
    [9, 20, 11, 15, 1002]
    >>> words_to_int("enam bulan") is None
    True
    """
    if not isinstance(text, str):
        return None
    words = _WORD.findall(text.lower().replace("-", " "))
    if not words:
        return None
    # Expand "seratus" -> "satu ratus", "sebelas" stays, "sepuluh" -> 10.
    tokens: list[str] = []
    for w in words:
        if w in TEENS:
            tokens.append(w)
            continue
        m = _PREFIXED.match(w)
        if m and w not in ("sebelas", "sepuluh"):
            tokens += ["satu", m.group(1)]
        elif w in UNITS or w in SCALES_SMALL or w in SCALES_LARGE:
            tokens.append(w)
        else:
            return None
    total, group, current = 0, 0, None
    for t in tokens:
        if t in UNITS:
            if current is not None:
                group += current
            current = UNITS[t]
        elif t in TEENS:
            if current is not None:
                group += current
            current = TEENS[t]
        elif t == "belas":
            current = (current if current is not None else 1) + 10
        elif t in SCALES_SMALL:
            group += (current if current is not None else 1) * SCALES_SMALL[t]
            current = None
        else:  # large scale closes a group
            group += current or 0
            total += (group or 1) * SCALES_LARGE[t]
            group, current = 0, None
    return total + group + (current or 0)


def parse_int(text: str) -> int | None:
    """Integer from digits with Indonesian thousands dots (``"1.250"`` -> 1250), else from words.

    >>> parse_int("1.250"), parse_int("12"), parse_int("tiga"), parse_int("x")
    (1250, 12, 3, None)
    """
    if not isinstance(text, str):
        return None
    s = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+", s):
        return int(s.replace(".", ""))
    return words_to_int(s)


_IDR_DIGITS = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+")


def parse_idr_digits(text: str) -> int | None:
    """Rupiah amount from the digits part (``Rp120.000.000,00``, ``Rp 5.000,-``, ``Rp.1.000.000``).

    >>> parse_idr_digits("Rp120.000.000,00"), parse_idr_digits("Rp. 2.500.000,-"), parse_idr_digits("Rp")
    (120000000, 2500000, None)
    """
    if not isinstance(text, str):
        return None
    m = re.search(r"\d[\d.,]*", text)
    if not m:
        return None
    digits = m.group(0).rstrip(".,")
    # Drop sen: a trailing ",00" / ".00" of exactly two digits.
    digits = re.sub(r"[.,]\d{2}$", "", digits) if re.search(r"\d{1,3}(?:[.,]\d{3})+[.,]\d{2}$|^\d+[.,]\d{2}$", digits) else digits
    if not re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*|\d+", digits):
        return None
    try:
        import lokal

        value = lokal.parse_rupiah("Rp" + digits.replace(",", ".")).amount
        return int(value) if value is not None else None
    except Exception:  # lokal refuses odd groupings; the digits are already checked
        return int(re.sub(r"\D", "", digits))


_RUPIAH = re.compile(
    r"R[pP][.Il]?\s?(?P<digits>\d[\d.,O]*[\dO]|\d)(?:\s?[,.]?-)?(?:\s*\((?P<words>[a-z\s-]+?)\s*(?:rupiah)?\s*\))?",
    re.IGNORECASE,
)


def parse_rupiah(text: str) -> int | None:
    """First rupiah amount in ``text``: its worded value when that parses, else its digits.

    >>> parse_rupiah("denda sejumlah Rp120.000.000,00 (seratus dua puluh juta rupiah)")
    120000000
    >>> parse_rupiah("tanpa denda") is None
    True
    >>> parse_rupiah("denda Rp120.OOO.000,OO (seratus dua puluh juta rupiah)"), parse_rupiah("Rp1.5OO.000,00")
    (120000000, 1500000)
    """
    if not isinstance(text, str):
        return None
    m = _RUPIAH.search(text)
    if not m:
        return None
    # OCR reads a zero as the capital letter O inside the digits ("Rp120.OOO.000,OO").
    value = parse_idr_digits(m.group("digits").replace("O", "0"))
    # The worded amount is the authoritative one (and OCR damages digits more often than
    # it damages words into other valid number words).
    words = words_to_int(m.group("words")) if m.group("words") else None
    if words:
        return words
    return value


_NUMBER_WORD_RX = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_DURATION_PART = re.compile(
    r"(?:(?P<digits>\d{1,3})\s*(?:\((?P<words>[a-z\s-]{2,40}?)\)\s*)?"
    rf"|\b(?P<only_words>(?:(?:{_NUMBER_WORD_RX})\s+){{1,6}}))"
    r"(?P<unit>tahun|bulan|minggu|hari)\b",
    re.IGNORECASE,
)
_UNIT_MONTHS = {"tahun": 12.0, "bulan": 1.0, "minggu": 7 / 30, "hari": 1 / 30}
_JOIN = re.compile(r"\s*(?:,\s*)?(?:dan\s+)?$", re.IGNORECASE)


def _part_value(m: re.Match) -> int | None:
    if m.group("digits"):
        return int(m.group("digits"))
    return words_to_int(m.group("only_words") or "")


def parse_duration_months(text: str) -> float | None:
    """Length in months of the first duration in ``text`` (years, months, weeks and days
    joined by ``dan`` or commas are added up); ``None`` when there is none.

    >>> parse_duration_months("pidana penjara selama 9 (sembilan) Tahun dan 6 (enam) Bulan")
    114.0
    >>> parse_duration_months("kurungan selama 3 (tiga) bulan"), parse_duration_months("selama empat tahun")
    (3.0, 48.0)
    >>> parse_duration_months("selama 15 (lima belas) hari")
    0.5
    """
    if not isinstance(text, str):
        return None
    total, end = None, None
    for m in _DURATION_PART.finditer(text):
        value = _part_value(m)
        if value is None:
            if total is None:
                continue
            break
        if end is not None and not _JOIN.fullmatch(text[end:m.start()]):
            break
        total = (total or 0.0) + value * _UNIT_MONTHS[m.group("unit").lower()]
        end = m.end()
    return round(total, 4) if total is not None else None
