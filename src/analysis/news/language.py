"""Is a text Indonesian? A stopword-ratio test, plus a check for broken encodings.

Function words make up a large, stable share of running text in any language, so the share
of a text's tokens that are Indonesian function words separates Indonesian from English or
Malay-free foreign text without a model (the stopword method of language identification,
cf. Grefenstette 1995, "Comparing two language identification schemes").

>>> indonesian_ratio("Polisi menahan dua orang yang diduga merekrut pekerja migran ke Malaysia.") > 0.15
True
>>> is_indonesian("The police arrested two people suspected of recruiting migrant workers.")
False
"""

from __future__ import annotations

import re

# Closed-class Indonesian words (conjunctions, prepositions, particles, pronouns, auxiliaries).
ID_STOPWORDS = frozenset(
    """yang dan di ke dari ini itu dengan untuk pada dalam tidak akan oleh sebagai adalah juga
    atau karena bahwa telah sudah saat ada para secara kepada bagi hingga serta namun masih
    dapat bisa lebih sejak tersebut mereka kami kita ia dia nya saja belum agar tetapi yaitu
    setelah sebelum antara sekitar sebanyak seperti jika kalau maupun pun lagi harus sangat""".split()
)
EN_STOPWORDS = frozenset(
    """the and of to in is that for on with as was by at from it be are this an or which
    were has have had not but their they been its who will would there after""".split()
)
MIN_RATIO = 0.08
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
# Double-encoded UTF-8 read as Latin-1/cp1252 ("Ã©", "â€™", "Ã‚"), or replacement characters.
_MOJIBAKE = re.compile(r"Ã[\x80-\xbf¡-ÿ]|â€[\x80-\xbf™œ\x9d“”˜–—¦]|Â[\xa0-\xbf]|\ufffd")


def indonesian_ratio(text: str) -> float:
    """Share of word tokens that are Indonesian function words (0 for text without words)."""
    tokens = [t.casefold() for t in _TOKEN.findall(text or "")]
    if not tokens:
        return 0.0
    return sum(t in ID_STOPWORDS for t in tokens) / len(tokens)


def is_indonesian(text: str, min_ratio: float = MIN_RATIO) -> bool:
    """True when Indonesian function words are frequent and outnumber English ones."""
    tokens = [t.casefold() for t in _TOKEN.findall(text or "")]
    if not tokens:
        return False
    n_id = sum(t in ID_STOPWORDS for t in tokens)
    n_en = sum(t in EN_STOPWORDS for t in tokens)
    return n_id / len(tokens) >= min_ratio and n_id > n_en


def mojibake_count(text: str) -> int:
    """Number of mojibake marks (double-encoded UTF-8 or U+FFFD) in ``text``.

    >>> mojibake_count("Kasus TPPO di Kupang"), mojibake_count("Kasus â€œTPPOâ€\x9d di Kupang")
    (0, 2)
    """
    return len(_MOJIBAKE.findall(text or ""))
