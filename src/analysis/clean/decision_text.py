"""Clean the text of a converted court decision, keeping a map back to the raw file.

The Supreme Court's decision directory stamps every PDF page with furniture that the text
conversion keeps: five watermark lines ``Mahkamah Agung Republik Indonesia``, the
``Direktori Putusan …`` / ``putusan.mahkamahagung.go.id`` header, a ``Disclaimer`` paragraph
(sometimes garbled by OCR) and a ``Halaman N dari M Putusan Nomor …`` footer. The conversion
also breaks words with hyphens and sentences at line ends, spaces some words letter by
letter (``P U T U S A N``) and splits a capital ``T`` off its word (``T erdakwa``).

``clean_decision(raw)`` removes the furniture and repairs those faults in a few whole-text
regular-expression passes. Each pass records, for every output character, the input
character it came from; composing the passes gives ``to_raw`` (a NumPy ``int64`` array) so
that ``raw[to_raw[i]]`` is where cleaned character ``i`` stands in the file, and evidence
spans can cite the source.

>>> raw = "Mahkamah Agung Republik Indonesia\\nP U T U S A N\\nT erdakwa di-\\nhukum\\nHalaman 1 dari 9 Putusan Nomor 1/Pid.Sus/2025/PN Xyz\\nlagi;"
>>> text, to_raw = clean_decision(raw)
>>> text
'PUTUSAN Terdakwa dihukum lagi;'
>>> raw[to_raw[text.index("dihukum")]: to_raw[text.index("dihukum")] + 2]
'di'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import numpy as np

# Page furniture, removed wherever it stands (own lines or run into the text on one line).
# One pattern per piece, each with a literal start, so that the regex engine can skip ahead fast.
_FURNITURE = [
    # Disclaimer paragraph, clean or OCR-garbled ("Kepanirgraan Mahka A ..."), up to the phone extension.
    re.compile(r"Disclaimer\s*(?=Kepani)"),
    re.compile(r"Kepani\w*\s+Mahka.{0,900}?(?:Telp\s*:?[^\n(]{0,20})?\(\s?ext\.?\s?\d{0,3}\)?"
               r"(?:\s*Halaman\s+\d+(?!\s*dari))?", re.DOTALL),
    re.compile(r"^[ \t]*Disclaimer[ \t]*$", re.MULTILINE),
    re.compile(r"Direktori\s+Putusan\s+Mahkamah\s+Agung\s+Republik\s+Indonesia"),
    re.compile(r"putusan\.mahkamahagung\.go\.id"),
    re.compile(r"Mahkamah Agung Republik Indonesia(?:[ \t]*\n?[ \t]*Mahkamah Agung Republik Indonesia)+"),
    re.compile(r"^[ \t]*Mahkamah Agung Republik Indonesia[ \t]*$", re.MULTILINE),
    re.compile(r"Hal(?:aman|\.)\s+\d+\s+dari\s+(?:hal(?:aman|\.)\s*)?\d+\s*(?:[Hh]alaman\s*)?(?:(?:Putusan\s+)?(?:Nomor|No\.?)\s*:?\s*"
               r"\S+?/Pid\S*?/\s?\d{4}\s?/\s?PN\s?[A-Za-z]+(?:\.[A-Za-z]+)*\.?)?"),
]
_CHAR_FIXES = {"\r": "", "\u00ad": "", "\ufeff": "", "\u00a0": " ", "\t": " ", "\f": "\n", "\u200b": "",
               "\ufb01": "fi", "\ufb02": "fl", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
_CHARS = re.compile("[" + "".join(re.escape(c) for c in _CHAR_FIXES) + "]")
_HYPHEN_BREAK = re.compile(r"-(?<=\w-)[ ]*\n[ \n]*(?=([a-z]\w*))")
_WORD_BEFORE = re.compile(r"\w+$")
_LIST_START = re.compile(r"(?:\d{1,2}|[a-zA-Z]|[IVX]{1,4})[.)]\s|[-\u2022*]\s")
_LETTER_SPACED = re.compile(r"[A-Z](?<![A-Za-z][A-Z]) [A-Z] [A-Z](?: [A-Z])*(?![A-Za-z])")
_SPLIT_T = re.compile(r"(?:T|S(?= (?:aksi|audar[ai]|elanjutnya|ebagaimana)\b)) (?=[a-z]{2})")

Repl = Callable[[re.Match], str]

# OCR reads "Juni" and "Juli" alike as "Juhi"; the weekday written before the date tells which.
_AMBIGUOUS_MONTH = re.compile(r"Juhi(?= (?:19|20)\d{2}\b)")
_WEEKDAY_DAY = re.compile(r"\b(?P<wd>Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad)\b[^;\d]{0,25}?(?P<d>\d{1,2}) $",
                          re.IGNORECASE)
_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6, "ahad": 6}


def _resolve_month(m: re.Match) -> str:
    """``Juni`` or ``Juli`` for an OCR-damaged ``Juhi``, whichever falls on the weekday named
    before the date; unchanged when no weekday is named or both or neither fit.

    >>> _AMBIGUOUS_MONTH.sub(_resolve_month, "pada hari Kamis tanggal 12 Juhi 2025")
    'pada hari Kamis tanggal 12 Juni 2025'
    >>> _AMBIGUOUS_MONTH.sub(_resolve_month, "tanggal 12 Juhi 2025")
    'tanggal 12 Juhi 2025'
    """
    w = _WEEKDAY_DAY.search(m.string, max(0, m.start() - 45), m.start())   # the day must come right before
    if not w:
        return m.group(0)
    year = int(m.string[m.end() + 1: m.end() + 5])
    fits = []
    for name, month in (("Juni", 6), ("Juli", 7)):
        try:
            if dt.date(year, month, int(w.group("d"))).weekday() == _WEEKDAYS[w.group("wd").lower()]:
                fits.append(name)
        except ValueError:
            continue
    return fits[0] if len(fits) == 1 else m.group(0)


class OffsetMap(np.ndarray):
    """The cleaned-to-raw offset array, truthy when non-empty (as a list would be), so that
    code written for a list (``if not to_raw``) works on it too. Pickles as an array.

    >>> bool(np.arange(3).view(OffsetMap)), bool(np.arange(0).view(OffsetMap))
    (True, False)
    """

    def __bool__(self) -> bool:
        return self.size > 0


def _rewrite(text: str, to_raw: np.ndarray, rx: re.Pattern, repl: str | Repl) -> tuple[str, np.ndarray]:
    """Apply ``rx.sub(repl)`` to ``text`` (``repl`` a literal or a function of the match)
    and carry the offset map along.

    Kept characters keep their raw offsets; a replacement's characters all point at the
    raw offset of the start of the text they replace.
    """
    out: list[str] = []
    base: list[int] = []      # per output piece: first input index
    length: list[int] = []    # per output piece: number of characters
    step: list[int] = []      # 1 for copied text, 0 for a replacement
    pos = 0
    n = len(text)
    for m in rx.finditer(text):
        s, e = m.span()
        new = repl(m) if callable(repl) else repl
        if new == text[s:e]:
            continue
        if s > pos:
            out.append(text[pos:s])
            base.append(pos), length.append(s - pos), step.append(1)
        if new:
            out.append(new)
            kept = _subsequence(new, text, s, e)
            if kept is None:   # a true replacement: all its characters point at the match's start
                base.append(min(s, n - 1)), length.append(len(new)), step.append(0)
            else:              # characters only deleted: each kept one keeps its own offset
                for k in kept:
                    base.append(k), length.append(1), step.append(0)
        pos = e
    if not base and pos == 0:
        return text, to_raw
    if pos < n:
        out.append(text[pos:])
        base.append(pos), length.append(n - pos), step.append(1)
    lengths = np.asarray(length, dtype=np.int64)
    steps = np.asarray(step, dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths
    total = int(lengths.sum())
    per_char_step = np.repeat(steps, lengths)
    sel = np.repeat(np.asarray(base, dtype=np.int64) - starts * steps, lengths) + np.arange(total) * per_char_step
    return "".join(out), to_raw[sel]


def _subsequence(new: str, text: str, s: int, e: int) -> list[int] | None:
    """Offsets in ``text[s:e]`` of the characters of ``new`` when ``new`` is that span with
    characters deleted (a joined word), else ``None``."""
    if len(new) > 40 or len(new) >= e - s:
        return None
    out, j = [], s
    for ch in new:
        while j < e and text[j] != ch:
            j += 1
        if j == e:
            return None
        out.append(j)
        j += 1
    return out


def _join_hyphen(m: re.Match) -> str:
    # Reduplicated words keep their hyphen ("laki-\nlaki" -> "laki-laki"); others are rejoined.
    w = _WORD_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
    before, after = (w.group(0).lower() if w else ""), m.group(1).lower()
    return "-" if before and (before.endswith(after) or after.startswith(before)) else ""


def _join_split_letter(m: re.Match) -> str:
    # Only a letter standing alone ("T erdakwa"), not the end of a word ("KUHAPT erdakwa" is left).
    s = m.start()
    return m.group(0) if s > 0 and m.string[s - 1].isalnum() else m.group(0)[0]


_LIST_AFTER_BREAK = re.compile(r"\n[ \n]*(?=" + _LIST_START.pattern + ")")


def _collapse_whitespace(text: str, to_raw: np.ndarray) -> tuple[str, np.ndarray]:
    """Each run of spaces and newlines becomes one character, vectorised over code points.

    A run with a newline stays a newline after ``.``, ``;`` or ``:`` or before a list item
    (``1.``, ``a.``, ``-``); every other run becomes one space (lines broken mid-sentence
    are joined).
    """
    if not text:
        return text, to_raw
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    n = len(cp)
    nl = cp == 10
    ws = (cp == 32) | nl
    prev_ws = np.concatenate(([False], ws[:-1]))
    run_start = np.flatnonzero(ws & ~prev_ws)
    next_ws = np.concatenate((ws[1:], [False]))
    run_end = np.flatnonzero(ws & ~next_ws) + 1
    nl_cum = np.concatenate(([0], np.cumsum(nl)))
    has_nl = (nl_cum[run_end] - nl_cum[run_start]) > 0
    prev_char = np.where(run_start > 0, cp[np.maximum(run_start - 1, 0)], 10)
    keep_nl_prev = np.isin(prev_char, np.array([ord("."), ord(";"), ord(":"), 10], dtype=np.uint32))
    list_after = np.zeros(n + 1, dtype=bool)
    for m in _LIST_AFTER_BREAK.finditer(text):
        list_after[m.end()] = True
    keep_nl = has_nl & (keep_nl_prev | list_after[run_end])
    keep = ~ws
    keep[run_start] = True
    out = cp.copy()
    out[run_start] = np.where(keep_nl, 10, 32).astype(np.uint32)
    idx = np.flatnonzero(keep)
    return out[idx].tobytes().decode("utf-32-le"), to_raw[idx]


def clean_decision(raw: str) -> tuple[str, np.ndarray]:
    """Cleaned text of a decision and the cleaned-to-raw offset map (``len(text)`` entries).

    >>> clean_decision("Halaman 2 dari 30 Putusan Nomor 12/Pid.Sus/2024/PN Jkt.Pst\\nsatu\\n  dua")[0]
    'satu dua'
    >>> clean_decision("")
    ('', array([], dtype=int64))
    """
    if not isinstance(raw, str):
        raise TypeError(f"raw must be str, not {type(raw).__name__}")
    text = raw
    to_raw = np.arange(len(raw), dtype=np.int64)
    passes: list[tuple[re.Pattern, str | Repl]] = [
        (_CHARS, lambda m: _CHAR_FIXES[m.group(0)]),
        *((rx, "\n") for rx in _FURNITURE),
        (_HYPHEN_BREAK, _join_hyphen),
    ]
    late_passes: list[tuple[re.Pattern, str | Repl]] = [
        (_SPLIT_T, _join_split_letter),
        (_LETTER_SPACED, lambda m: m.group(0).replace(" ", "")),
        (_AMBIGUOUS_MONTH, _resolve_month),
    ]
    for rx, repl in passes:
        text, to_raw = _rewrite(text, to_raw, rx, repl)
    text, to_raw = _collapse_whitespace(text, to_raw)
    for rx, repl in late_passes:
        if rx is _AMBIGUOUS_MONTH and "Juhi" not in text:
            continue
        text, to_raw = _rewrite(text, to_raw, rx, repl)
    # Trim leading/trailing whitespace with the map.
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return text[start:end], to_raw[start:end]
