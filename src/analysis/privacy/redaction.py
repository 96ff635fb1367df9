"""Redaction: personal identifiers are masked in any text that is stored.

``redact(text)`` replaces each identifier by a bracketed label and keeps every other word:

* ``[NIK]`` — 16-digit identity and family-card numbers, also grouped ``3201 2345 6789 0001``
  and 15–17 digit runs written after "NIK"/"KTP"/"KK" (typing slips in the decisions);
* ``[CARD]`` — 16 digits in groups of four after "kartu"/"ATM"/"debit"/"kredit";
* ``[PHONE]`` — mobile numbers however they are separated (``0812-3456-7890``,
  ``0 812 3456 7890``, ``+62 812 …``), foreign numbers written with ``+`` (``+60 12-345 6789``),
  landlines with the area code in brackets (``(0361) 123456``), and any number after
  "Telp"/"HP"/"WA";
* ``[PASSPORT]`` — one or two capital letters and 6–8 digits (``C1234567``, ``AT 123456``),
  wherever they stand: the same form also numbers visas and work contracts of the same person,
  so it is masked with or without the word "paspor" nearby (``RM``/``RP`` amounts excepted);
* ``[EMAIL]`` — e-mail addresses;
* ``[ADDRESS]`` — the value of an identity line ``Tempat tinggal : …`` (also ``Alamat :``,
  ``Domisili :``) up to the next field label (``Agama``, ``Pekerjaan``, …), a semicolon, the
  end of the sentence, a blank line or 300 characters, whichever comes first (decisions wrap
  these lines, so a line end alone does not end the value); and every *address chain*.

An address chain is a run of address parts written next to each other (only spaces, commas or
dots between them): street ``Jl./Jln./Jalan X``, house number ``No. 12``, ``Gg./Gang X``,
``Blok X``, ``Komplek/Perum X``, ``RT/RW`` and ``Dusun/Desa/Kelurahan/Kampung/Lingkungan X``.
A chain is masked as a whole when it holds an RT/RW, or a house number, ``Gg.`` or ``Blok``
next to a street, estate or village, or a street placed in a village (``Jl. Kenanga, Desa
Sukamaju``). A street or village named without any of these — "di Desa Sukamaju", "di Jl.
Merpati", "Dusun Krajan Desa Sukamaju" in a narrative sentence — is a place, not a home, and
is kept: the tables and reports need where things happened. RT/RW is masked wherever it stands.
Kecamatan, Kabupaten, Kota and Provinsi are kept everywhere.

The same text then goes through the PII detector of the ``lokal-id`` package (bank accounts,
NPWP, cards, further addresses); a detector that fails or is missing raises
``RedactionError`` — text is never stored unredacted because a detector broke.

>>> redact("NIK 3201234567890001, HP 0812-3456-7890, paspor C1234567")
'NIK [NIK], HP [PHONE], paspor [PASSPORT]'
>>> redact("tinggal di Jl. Melati No. 12 RT 003 RW 005 Desa Sukamaju Kec. Cibeber")
'tinggal di [ADDRESS] Kec. Cibeber'
>>> redact("berangkat dari Desa Sukamaju menuju Jakarta")
'berangkat dari Desa Sukamaju menuju Jakarta'
"""

from __future__ import annotations

import re

try:  # the detector is a declared dependency; its absence is reported when text is redacted
    import lokal as _lokal
except ImportError as _exc:  # pragma: no cover - exercised only in a broken environment
    _lokal = None
    _LOKAL_IMPORT_ERROR: ImportError | None = _exc
else:
    _LOKAL_IMPORT_ERROR = None

REDACT_TYPES = {"NIK", "KK", "PHONE", "PASSPORT", "EMAIL", "BANK_ACCOUNT", "ADDRESS", "NPWP", "CARD"}
LABELS = ("NIK", "CARD", "PHONE", "PASSPORT", "EMAIL", "ADDRESS")


class RedactionError(RuntimeError):
    """The PII detector failed or is missing; the text must not be stored."""


# --- numbers -----------------------------------------------------------------------------------

_NIK_RE = re.compile(r"(?<!\d)\d{16}(?!\d)")
_NIK_KEYWORD_RE = re.compile(
    r"(?<![A-Za-z])(?=[NnKk])(?i:NIK|KTP|KK\b|Nomor\s+Induk\s+Kependudukan|Kartu\s+Keluarga)"
    r"[^\w\n]{0,4}(?:(?i:No|Nomor)\b[^\w\n]{0,3})?(\d(?:[ .\-]?\d){14,16})(?!\d)")
_GROUPED16_RE = re.compile(r"(?<![\d.\-])\d{4}([ .\-])\d{4}\1\d{4}\1\d{4}(?![\d])")
_CARD_CUE_RE = re.compile(r"(?i:kartu|atm|debit|kredit|card)")

_PASSPORT_RE = re.compile(r"(?<![A-Za-z0-9])(?!R[MP]\b|R[MP][ \d])[A-Z]{1,2}[ ]{0,2}\d{6,8}(?![A-Za-z0-9])")
_PASSPORT_KEYWORD_RE = re.compile(
    r"(?i:pas+por|pas+port)\b[^\n]{0,40}?(?<![A-Za-z0-9])([A-Za-z]{1,2}[ ]{0,2}\d{6,8})(?![A-Za-z0-9])")

_SEP = r"[ \t.\-]{0,2}"
_PHONE_RE = re.compile(
    r"(?<![\d+])(?:"  # a letter before is no guard: converted text glues words ("whatsapp+62…")
    r"\+[ ]?\d{1,3}(?:" + _SEP + r"\(?\d{1,5}\)?){1,6}"           # +62 812-3456-7890, +60 12-345 6789
    r"|\(0\d{2,4}\)[ \t]?\d{2,5}(?:" + _SEP + r"\d{2,5}){0,3}"      # (0361) 123456
    r"|0[ ]?8\d{1,3}(?:" + _SEP + r"\d{2,5}){1,4}"                  # 0812 3456 7890, 0 812-3456-7890
    r")(?!\d)")
_PHONE_KEYWORD_RE = re.compile(
    r"(?<![A-Za-z])(?=[TtHhPpWwFf])(?i:telp|telpon|telepon|tlp|tel|hp|handphone|ponsel|wa|whatsapp|fax|faks)\b\.?"
    r"[ \t]*(?:(?i:no|nomor)\b\.?)?[ \t]*:?[ \t]*(\+?\d(?:[ \t.\-]{0,2}\d){6,15})(?!\d)")

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+[ ]?@[ ]?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# --- addresses ---------------------------------------------------------------------------------

_RT = r"(?i:rukun\s+tetangga|r\.?[ ]?t)\b\.?"
_RW = r"(?i:rukun\s+warga|r\.?[ ]?w)\b\.?"
_NUM = r"\d{1,3}"
_RTRW_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    rf"{_RT}\s?/\s?{_RW}\s*[:.]?\s*{_NUM}\s?/\s?{_NUM}"
    rf"|{_RT}\s*[:.]?\s*{_NUM}(?:\s?/\s?{_NUM}|\s*[,/]?\s*{_RW}\s*[:.]?\s*{_NUM})?"
    rf"|{_RW}\s*[:.]?\s*{_NUM}"
    r")(?!\d)")

# Words that start an address part or a larger unit: never part of a name before them.
_PART_WORDS = (r"no|nomor|nmr|gg|gang|rt|rw|blok|blk|desa|ds|des|dusun|dsn|kel|kelurahan|kec|kecamatan|kab|"
               r"kabupaten|kota|provinsi|prov|kampung|kp|kmp|lingkungan|lingk|ling|perum|perumahan|komplek|"
               r"kompleks|komp|jl|jln|jalan|km|kav|kavling|dan|di|yang")
_WORD = rf"(?!(?i:{_PART_WORDS})\b)(?:[A-Z][A-Za-z'’\-]*\.?|[IVX]{{1,4}}\b|\d{{1,3}}[A-Za-z]?\b)"
_NAME = rf"{_WORD}(?:(?:[ \t]{{1,3}}\n?[ \t]*|\n[ \t]*|(?<=\.)){_WORD}){{0,6}}"
_KW_END = r"\b\.?[ \t]*:?[ \t]*\n?[ \t]*"
_HOUSE_NO = r"\d{1,4}[A-Za-z]?(?:[ ]?[\-/][ ]?\d{1,4}[A-Za-z]?)?(?![\d.,]\d)|[A-Z]{1,2}[ ]?-?[ ]?\d{1,4}(?![\w])"

_PARTS = {
    # a street name with lower-case words counts only when a house number follows it
    "street_lc": r"(?<![A-Za-z])(?:Jalan|JALAN|Jln|JLN|Jl|JL)\b\.?[ \t]+"
                 r"[A-Za-z][\w'’\-]*(?:\s{1,3}[A-Za-z][\w'’\-]*){0,5}"
                 r"(?=[ \t,]*\n?[ \t]*(?i:no|nomor)\b\.?[ \t]*\d)",
    "street": rf"(?<![A-Za-z])(?i:jalan|jln|jl){_KW_END}{_NAME}(?P<bare>[ \t]{{1,3}}\d{{1,4}}[A-Za-z]?(?![\w.,]\d))?",
    "number": rf"(?<![A-Za-z])(?i:no|nomor|nmr){_KW_END}(?:{_HOUSE_NO})"
              rf"|(?<![A-Za-z])(?:(?i:no|nomor)\b\.?[ \t]*)?(?i:km|kav|kavling){_KW_END}\d{{1,3}}(?:[.,]\d)?"
              rf"(?:[ ]?[\-/][ ]?\d{{1,4}})?",
    "gang": rf"(?<![A-Za-z])(?i:gang|gg){_KW_END}(?:{_NAME})",
    "blok": rf"(?<![A-Za-z])(?i:blok|blk){_KW_END}(?:(?i:no|nomor)\b\.?[ \t]*)?"
            rf"[A-Z0-9]{{1,4}}(?:[ ]?[\-/]?[ ]?\d{{1,4}})?(?![\w])",
    "estate": rf"(?<![A-Za-z])(?i:komplek|kompleks|komp|perumahan|perum){_KW_END}{_NAME}",
    "village": rf"(?<![A-Za-z])(?i:dusun|dsn|desa|ds|des|kelurahan|kel|kampung|kp|kmp|lingkungan|lingk|dukuh|"
               rf"jorong|banjar)(?:\.?[ ]?/[ ]?(?i:desa|ds|des|kel|kelurahan))?{_KW_END}{_NAME}",
    "rtrw": _RTRW_RE.pattern,
}
# Every part starts with a keyword at a word start: the guard in front lets the engine skip
# other positions quickly (five times faster on the decisions).
_PART_RE = re.compile(r"(?<![A-Za-z])(?=[JjNnKkGgBbPpDdLlRr])(?:"
                      + "|".join(f"(?P<{k}>{v})" for k, v in _PARTS.items()) + ")")
_ENDS_IN_NUMBER = re.compile(r"\s\d{1,4}[A-Za-z]?$")
_GAP_RE = re.compile(r"[\s,.:]{0,4}")
_HOUSE = {"number", "gang", "blok"}
_PLACE = {"street", "estate", "village", "gang", "blok"}

_RESIDENCE_RE = re.compile(r"(?i:tempat\s+tinggal|tempat\s+kediaman|alamat|domisili)[ \t]*:[ \t]*")
_FIELD_STOP_RE = re.compile(
    r"(?i:\b(?:agama|pekerjaan|pendidikan|kewarganegaraan|kebangsaan|jenis\s+kelamin|umur|usia|tempat\s+lahir|"
    r"tanggal\s+lahir|tempat/tanggal|status|suku|telepon|no\.?\s*hp|nik)\b)"
    rf"|(?:\n|[,;])\s*(?:\d{{1,2}}\s*[.)]\s*)?(?!(?i:{_PART_WORDS})\b)[A-Za-z]+(?:[ \t]+[A-Za-z]+){{0,2}}[ \t]*:"
    r"|;|\n[ \t]*\n")
_SENTENCE_END_RE = re.compile(r"\.\s+(?=[A-Z])")
_ABBREV = {"kec", "kab", "kel", "ds", "dsn", "des", "jl", "jln", "no", "gg", "prov", "rt", "rw", "kp", "kmp",
           "ling", "lingk", "komp", "perum", "blk", "km", "kota", "desa", "dusun", "h", "hj", "kh", "dr", "ir"}
_RESIDENCE_MAX = 300


def _residence_spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for m in _RESIDENCE_RE.finditer(text):
        start = m.end()
        window = text[start:start + _RESIDENCE_MAX]
        end = len(window)
        stop = _FIELD_STOP_RE.search(window)
        if stop:
            end = stop.start()
        for s in _SENTENCE_END_RE.finditer(window, 0, end):
            word = re.search(r"([A-Za-z]+)$", window[:s.start()])
            if word is None or (word.group(1).lower() not in _ABBREV and len(word.group(1)) > 1):
                end = s.start()
                break
        value = window[:end].rstrip(" \t\r\n,.")
        if value.strip():
            spans.append((start, start + len(value), "ADDRESS"))
    return spans


def _address_spans(text: str) -> list[tuple[int, int, str]]:
    """Address chains that hold an RT/RW or a house number, Gg. or Blok beside a street,
    estate or village (see the module docstring)."""
    spans: list[tuple[int, int, str]] = []
    chain: list[tuple[int, int, set[str]]] = []

    def close() -> None:
        if not chain:
            return
        kinds = set().union(*(k for _, _, k in chain))
        if kinds & {"street", "street_lc"}:
            kinds.add("street")
        if ("rtrw" in kinds or "bare" in kinds or (kinds & _HOUSE and kinds & _PLACE and len(chain) > 1)
                or {"street", "village"} <= kinds):
            spans.append((chain[0][0], chain[-1][1], "ADDRESS"))
        chain.clear()

    for m in _PART_RE.finditer(text):
        kinds = {k for k in _PARTS if m.group(k) is not None}
        if m.group("bare") or (m.group("street") and _ENDS_IN_NUMBER.search(m.group("street"))):
            kinds.add("bare")
        if chain and not _GAP_RE.fullmatch(text, chain[-1][1], m.start()):
            close()
        chain.append((m.start(), m.end(), kinds))
    close()
    return spans


def _pattern_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    spans += _residence_spans(text)
    spans += _address_spans(text)
    spans += [(m.start(), m.end(), "ADDRESS") for m in _RTRW_RE.finditer(text)]
    spans += [(m.start(), m.end(), "NIK") for m in _NIK_RE.finditer(text)]
    spans += [(m.start(1), m.end(1), "NIK") for m in _NIK_KEYWORD_RE.finditer(text)]
    for m in _GROUPED16_RE.finditer(text):
        card = _CARD_CUE_RE.search(text, max(0, m.start() - 40), m.start())
        spans.append((m.start(), m.end(), "CARD" if card else "NIK"))
    spans += [(m.start(), m.end(), "EMAIL") for m in _EMAIL_RE.finditer(text)]
    for m in _PHONE_RE.finditer(text):
        digits = sum(c.isdigit() for c in m.group(0))
        if 8 <= digits <= 15:
            spans.append((m.start(), m.end(), "PHONE"))
    for m in _PHONE_KEYWORD_RE.finditer(text):
        spans.append((m.start(1), m.end(1), "PHONE"))
    spans += [(m.start(), m.end(), "PASSPORT") for m in _PASSPORT_RE.finditer(text)]
    spans += [(m.start(1), m.end(1), "PASSPORT") for m in _PASSPORT_KEYWORD_RE.finditer(text)]
    return spans


def detector_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans the ``lokal-id`` PII detector finds, of the types in ``REDACT_TYPES``.

    Raises ``RedactionError`` when the detector is missing or fails: stored text must never
    fall back to an unredacted copy in silence.

    >>> detector_spans("Hubungi 081234567890")
    [(8, 20, 'PHONE')]
    """
    if _lokal is None:
        raise RedactionError(f"the PII detector lokal-id is not installed ({_LOKAL_IMPORT_ERROR}); "
                             "install the pinned requirements")
    try:
        found = _lokal.detect_pii(text)
        return [(m.start, m.end, "NIK" if m.type == "KK" else m.type) for m in found if m.type in REDACT_TYPES]
    except Exception as exc:
        raise RedactionError(f"the PII detector lokal-id failed: {type(exc).__name__}: {exc}") from exc


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping spans become one, labelled by the longest of them (the earliest on a tie)."""
    spans = sorted((s for s in spans if s[1] > s[0]), key=lambda s: (s[0], -s[1]))
    merged: list[list] = []
    for start, end, label in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            if end - start > last[3]:
                last[2], last[3] = label, end - start
            last[1] = max(last[1], end)
        else:
            merged.append([start, end, label, end - start])
    return [(s, e, lab) for s, e, lab, _ in merged]


def redact(text: str, *, detector: bool = True) -> str:
    """Mask personal identifiers in ``text``; the result keeps its words, not its numbers.

    ``detector=False`` leaves out the ``lokal-id`` pass (about 0.4 MB/s; the patterns here run
    many times faster) — for measuring only: stored text is redacted with it.

    >>> redact("Tempat tinggal : Kampung Cibodas RT 002 RW 005, Desa Mekarsari;\\nAgama : Islam")
    'Tempat tinggal : [ADDRESS];\\nAgama : Islam'
    >>> redact("hubungi +62 812-3456-7890 atau (0361) 234567")
    'hubungi [PHONE] atau [PHONE]'
    """
    if not text:
        return text
    spans = _pattern_spans(text)
    if detector:
        spans += detector_spans(text)
    out = _apply(text, spans)
    # A label can expose a neighbour that a letter or digit hid ("ani@contoh.id0812…"): the
    # patterns and the detector run again until nothing changes, so that redact(redact(x)) == redact(x).
    for _ in range(_MAX_PASSES):
        if out == text:
            break
        labels = [(m.start(), m.end()) for m in _LABEL.finditer(out)]
        spans = [sp for sp in _pattern_spans(out) + (detector_spans(out) if detector else [])
                 if not any(sp[0] < b and a < sp[1] for a, b in labels)]   # a mask is never masked again
        again = _apply(out, spans)
        if again == out:
            break
        out = again
    return out


_MAX_PASSES = 5
_LABEL = re.compile(r"\[[A-Z_]+\]")


def _apply(text: str, spans: list[tuple[int, int, str]]) -> str:
    if not spans:
        return text
    out, pos = [], 0
    for start, end, label in _merge(spans):
        out.append(text[pos:start])
        out.append(f"[{label}]")
        pos = end
    out.append(text[pos:])
    return "".join(out)
