"""Split cleaned news text into sentences with their character spans.

A fact (a count, its period, the agency that reported it) is attributed within one
sentence, so sentence bounds decide what belongs together. Indonesian news abbreviates
often ("Kab.", "No.", "Jl.", "Rp.", "dr."), writes initials ("AS.") and uses dots as
thousands separators ("2.104"); a boundary is a full stop, question or exclamation mark
followed by space and a capital, a quote or a digit, unless the word before it is an
abbreviation, or a paragraph break.

>>> [s.text for s in split_sentences("Polda NTT menahan 2 orang. Keduanya dari Kab. Kupang.\\n\\nKorban 2.104 orang.")]
['Polda NTT menahan 2 orang.', 'Keduanya dari Kab. Kupang.', 'Korban 2.104 orang.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "kab kec kel prov jl jln no nomor rp dr drs ir h hj st bpk ibu sdr kompol akp ipda iptu aiptu "
    "brigjen irjen komjen kombes kapt let kol mayjen ny tn prof pt cv tbk dll dsb dkk vs sk".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"“'(]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; ``text[s.start:s.end] == s.text`` for each."""
    out: list[Sentence] = []
    text = text or ""
    para_start = 0
    para_ends = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)] + [(len(text), len(text))]
    for p_end, next_start in para_ends:
        _split_paragraph(text, para_start, p_end, out)
        para_start = next_start
    return out


def _split_paragraph(text: str, start: int, end: int, out: list[Sentence]) -> None:
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        before = text[pos:m.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(\"'“") if before else ""
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        stop = m.start() + len(m.group().rstrip())
        _emit(text, pos, stop, out)
        pos = m.end()
    _emit(text, pos, end, out)


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
