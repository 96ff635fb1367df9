"""Case-level facts of a decision: number, court, decision date, statutes, countries, victims.

Each reader takes cleaned text (or one of its sections, see ``analysis.extract.sections``)
and returns a plain value, ``None`` when the text does not state it.

* ``case_number(text, file_name)`` -> ``CaseNumber("1008/Pid.Sus/2025/PN Mdn", "Mdn", "match")``:
  the ``Nomor …`` of the heading, cross-checked against the file name (the directory's own
  key); when the heading is unreadable (OCR) or disagrees, the file name wins.
* ``court_name(text)`` -> ``"Pengadilan Negeri Medan"``.
* ``decision_date(closing)``: the date of the panel's deliberation (``Demikian diputuskan …
  pada hari Senin, tanggal 12 Mei 2025``). A narrow parser of Indonesian dates (digits or
  words for the day and year, Indonesian month names with common OCR slips) is used, since
  the project's general date resolver was not available when this was written.
* ``find_laws(text)`` -> ``["UU 21/2007 Pasal 4", "KUHP Pasal 55 ayat (1) ke-1"]``: each
  ``Pasal`` of a ``jo.``/``juncto`` chain joined to the act that follows (or precedes) it.
* ``destination_countries(text)`` -> English short names from the committed map
  ``analysis/data/countries.csv``, counted only where a place word (``ke``, ``di``,
  ``negara``, ``tujuan``, ``bekerja`` …) stands just before the name.
* ``is_migrant_worker_case(text, laws, countries)``: see its docstring for the rule.

>>> case_number("PUTUSAN Nomor 1008/Pid.Sus/2025/PN Mdn DEMI", "1008_Pid.Sus_2025_PN_Mdn.txt").case_id
'1008/Pid.Sus/2025/PN Mdn'
>>> find_laws("Memperhatikan, Pasal 4 Jo Pasal 10 UU RI No. 21 tahun 2007 dan Pasal 55 ayat (1) ke-1 KUHP")
['UU 21/2007 Pasal 4', 'UU 21/2007 Pasal 10', 'KUHP Pasal 55 ayat (1) ke-1']
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from analysis.clean.numbers import words_to_int

# ---------------------------------------------------------------- case number and court

_CASE_RX = re.compile(
    r"(?P<no>\d{1,5})\s?/\s?(?P<kind>Pid\.?\s?(?:Sus|B|Pra|C)(?:[.-]\s?[A-Za-z]+)?)\s?/\s?(?P<year>(?:19|20)\d{2})\s?/\s?"
    r"(?P<court>PN\.?[ ]?[A-Za-z]+(?:[ ]?\.[A-Za-z]+(?=[\s,;:)]|$))?)",
    re.IGNORECASE,
)
_FILE_RX = re.compile(
    r"^(?:putusan_)?(?P<no>\d{1,5})_(?P<kind>pid\.\w+)_(?P<year>\d{4})_pn_(?P<court>[a-z]+(?:\.[a-z]+)?)", re.IGNORECASE)


@dataclass(frozen=True)
class CaseNumber:
    case_id: str            # canonical "<no>/Pid.Sus/<year>/PN <Court>"
    court_code: str         # "Mdn", "Jkt.Sel"
    check: str              # "match", "file name only", "text only", "mismatch: text said …"


def _canon_kind(kind: str) -> str:
    k = re.sub(r"\s", "", kind)
    k = re.sub(r"(?i)^pid\.?", "Pid.", k)
    return "Pid." + k[4:5].upper() + k[5:].lower() if len(k) > 4 else k


def _canon_court(code: str) -> str:
    code = re.sub(r"(?i)^PN(?:\.\s?|\s)", "", code).replace(" ", "")
    return ".".join(p[:1].upper() + p[1:].lower() for p in code.split(".") if p)


def case_number(text: str, file_name: str = "") -> CaseNumber | None:
    """Canonical case number from the heading, checked against the file name.

    >>> case_number("Nomor 163/Pid.Sus/2025/PN JKT.SEL", "163_Pid.Sus_2025_PN_JKT.SEL.txt")
    CaseNumber(case_id='163/Pid.Sus/2025/PN Jkt.Sel', court_code='Jkt.Sel', check='match')
    >>> case_number("Nor-nor 6/Pid.Sus/2025/PN smr", "6_Pid.Sus_2025_PN_Smr.txt").case_id
    '6/Pid.Sus/2025/PN Smr'
    """
    m = _CASE_RX.search(text[:5000]) if text else None
    f = _FILE_RX.match(re.sub(r"(?i)(?:-\d+)?\.txt$", "", (file_name or "").rsplit("/", 1)[-1]))
    from_text = from_file = None
    if m:
        from_text = (int(m.group("no")), _canon_kind(m.group("kind")), m.group("year"), _canon_court(m.group("court")))
    if f:
        from_file = (int(f.group("no")), _canon_kind(f.group("kind")), f.group("year"), _canon_court(f.group("court")))
    if from_text and from_file:
        same = from_text[0] == from_file[0] and from_text[2] == from_file[2] and \
            from_text[3].lower() == from_file[3].lower()
        chosen, check = (from_text, "match") if same else (from_file, f"mismatch: text said {'/'.join(map(str, from_text))}")
    elif from_file:
        chosen, check = from_file, "file name only"
    elif from_text:
        chosen, check = from_text, "text only"
    else:
        return None
    no, kind, year, court = chosen
    return CaseNumber(f"{no}/{kind}/{year}/PN {court}", court, check)


_COURT_RX = re.compile(
    r"Pengadilan\s+Negeri\s+(?:Kelas\s+I[AB]?\s+(?:Khusus\s+)?)?(?P<name>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3})")
_COURT_STOP = {"yang", "Yang", "Tersebut", "Kelas", "Klas", "KL", "Kls", "Nomor", "Pada", "Dengan", "Dalam"}


def court_name(text: str) -> str | None:
    """Full name of the deciding court, from the opening formula (``Pengadilan Negeri X yang mengadili``).

    >>> court_name("Pengadilan Negeri Jakarta Selatan yang mengadili perkara pidana")
    'Pengadilan Negeri Jakarta Selatan'
    """
    if not text:
        return None
    for m in _COURT_RX.finditer(text[:6000]):
        words = []
        for w in m.group("name").split():
            if w in _COURT_STOP:
                break
            words.append(w)
        if words:
            return "Pengadilan Negeri " + " ".join(words)
    return None


# ---------------------------------------------------------------- dates

MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "agutus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11, "desember": 12,
}
_MONTH_RX = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMWORD = r"[a-z]+(?:\s[a-z]+){0,5}?"
_DATE_RX = re.compile(
    rf"(?P<day>\d{{1,2}}|{_NUMWORD})\s*(?:\(\s*[a-z\s]+\))?\s*(?:bulan\s+)?(?P<month>{_MONTH_RX})\s*(?:tahun\s+)?"
    rf"(?P<year>(?:19|20)\d{{2}}|dua\s+ribu(?:\s+[a-z]+){{0,4}})",
    re.IGNORECASE,
)


def parse_date(text: str) -> dt.date | None:
    """First Indonesian date in ``text`` (``12 Mei 2025``, ``dua belas Mei dua ribu dua puluh lima``).

    >>> parse_date("pada hari Senin, tanggal 12 Mei 2025 oleh kami")
    datetime.date(2025, 5, 12)
    >>> parse_date("tanggal tiga puluh satu Desember tahun dua ribu dua puluh empat")
    datetime.date(2024, 12, 31)
    >>> parse_date("31 Februari 2025") is None
    True
    """
    if not isinstance(text, str):
        return None
    for m in _DATE_RX.finditer(text):
        day_s, year_s = m.group("day"), m.group("year")
        if day_s.isdigit():
            day = int(day_s)
        else:
            # The day's words may be preceded by other words ("tanggal tiga puluh satu").
            words = day_s.lower().split()
            day = None
            for i in range(len(words)):
                day = words_to_int(" ".join(words[i:]))
                if day is not None:
                    break
        year = int(year_s) if year_s.isdigit() else _words_year(year_s)
        if not day or not year:
            continue
        try:
            return dt.date(year, MONTHS[m.group("month").lower()], day)
        except ValueError:
            continue
    return None


def _words_year(s: str) -> int | None:
    words = s.lower().split()
    for j in range(len(words), 1, -1):
        v = words_to_int(" ".join(words[:j]))
        if v and 1900 <= v <= 2100:
            return v
    return None


DECIDED_RX = re.compile(r"Demikian(?:lah)?[,\s]+(?:di\s?putus\w*|putusan|ditetapkan)", re.IGNORECASE)


def decision_date(text: str) -> dt.date | None:
    """Date of the panel's deliberation, from the first date after ``Demikian … diputuskan``.

    Pass the closing section (or the whole text: the last ``Demikian`` formula is used).

    >>> decision_date("Demikianlah diputuskan dalam rapat permusyawaratan Majelis Hakim pada hari Senin, tanggal 12 Mei 2025")
    datetime.date(2025, 5, 12)
    """
    if not text:
        return None
    ms = list(DECIDED_RX.finditer(text))
    if not ms:
        return None
    return parse_date(text[ms[-1].end(): ms[-1].end() + 600])


# ---------------------------------------------------------------- statutes

_ACT_RX = re.compile(
    r"(?P<uu>(?:U\s?ndang(?:\s*[-\u2013\u2014]?\s*[Uu]\s?ndang)?|UU\.?)\s*"
    r"(?:Republik\s+Indonesia|Republik|Indonesia|R\.?\s?I\.?)?\s*"
    r"(?:Nomor|No\.?|Nr\.?)?\s*:?\s*(?P<no>\d{1,3})\s*(?:Tahun|Th\.?|/)\s*(?P<year>(?:19|20)\d{2}))"
    r"|(?P<kuhp>KUHP(?:idana)?\b|Kitab\s+Undang\s*[-\u2013\u2014]?\s*[Uu]ndang\s+Hukum\s+Pidana)"
    r"|(?P<kuhap>KUHAP\b|Kitab\s+Undang\s*[-\u2013\u2014]?\s*[Uu]ndang\s+Hukum\s+Acara\s+Pidana)",
    re.IGNORECASE,
)
_PASAL_RX = re.compile(
    r"Pasal\s+(?P<n>\d{1,3}(?:\s?[A-Z]\b(?!\s?ndang))?\b)(?P<detail>(?:\s*(?:ayat|ayat\s*ke)\s*\(?\s*(?:\d{1,2}|I)\s*\)?"
    r"|\s*huruf\s+[a-z]\b(?:\s*(?:,|dan|atau)\s*[a-z]\b)*|\s*angka\s+\d{1,2}|\s*ke\s*[-\u2013\u2014]?\s*(?:\d|I)\b)*)",
    re.IGNORECASE,
)
_CHAIN_GAP = re.compile(r"^[\s,]*(?:(?:jo|juncto|jis|dan|serta|atau)\.?[\s,]*)?$", re.IGNORECASE)
_TO_ACT_GAP = re.compile(r"^[\s,]*(?:(?:dari|dalam|pada)\s+)?$", re.IGNORECASE)
_PROCEDURAL = {("8", "1981"), ("20", "2025")}   # KUHAP, old and new: the procedure every decision cites


def _fmt_detail(detail: str) -> str:
    d = detail or ""
    parts = []
    d = re.sub(r"(?<=[(\s\u2013\u2014-])I(?=[)\s]|$)", "1", d)   # OCR reads 1 as I
    for m in re.finditer(r"ayat\s*(?:ke\s*)?\(?\s*(\d{1,2})\s*\)?|huruf\s+([a-z])|angka\s+(\d{1,2})"
                         r"|ke\s*[-\u2013\u2014]?\s*(\d)", d, re.IGNORECASE):
        if m.group(1):
            parts.append(f"ayat ({m.group(1)})")
        elif m.group(2):
            parts.append(f"huruf {m.group(2).lower()}")
        elif m.group(3):
            parts.append(f"angka {m.group(3)}")
        else:
            parts.append(f"ke-{m.group(4)}")
    return (" " + " ".join(parts)) if parts else ""


def find_laws(text: str) -> list[str]:
    """Statute articles cited in ``text``, normalised (``UU 21/2007 Pasal 2 ayat (1)``,
    ``KUHP Pasal 55 ayat (1) ke-1``), in order of first citation, without repeats.

    A ``Pasal`` takes the act named right after its ``jo.`` chain; if none follows within
    the chain, the act named just before it (``UU Nomor 21 Tahun 2007 Pasal 4``). The code
    of criminal procedure (KUHAP, UU 8/1981), cited in every decision, is left out. Act
    numbers that a decision miswrites are corrected by ``law_corrections``.

    >>> find_laws("Pasal 81 UU Nomor 8 tahun 2017 tentang Perlindungan Pekerja Migran Indonesia")
    ['UU 18/2017 Pasal 81']

    >>> find_laws("Pasal 81 Jo Pasal 69 Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran")
    ['UU 18/2017 Pasal 81', 'UU 18/2017 Pasal 69']
    >>> find_laws("Undang-Undang Nomor 21 Tahun 2007 Pasal 4; dan Undang-Undang Nomor 8 Tahun 1981")
    ['UU 21/2007 Pasal 4']
    """
    if not isinstance(text, str) or not text:
        return []
    acts = list(_ACT_RX.finditer(text))
    out: list[str] = []
    chain: list[re.Match] = []

    def act_name(a: re.Match) -> str | None:
        return _act_label(text, a)

    def flush(act: str | None) -> None:
        if act:
            for p in chain:
                s = f"{act} Pasal {p.group('n').replace(' ', '').upper()}{_fmt_detail(p.group('detail'))}"
                if s not in out:
                    out.append(s)
        chain.clear()

    pasals = list(_PASAL_RX.finditer(text))
    ai = 0
    for i, p in enumerate(pasals):
        if chain and not _CHAIN_GAP.match(text[chain[-1].end():p.start()]):
            # the previous chain ended without an act right after it: use the act just before it
            flush(_act_before(text, acts, chain[0].start()))
        chain.append(p)
        nxt = pasals[i + 1].start() if i + 1 < len(pasals) else len(text)
        while ai < len(acts) and acts[ai].start() < p.end():
            ai += 1
        if ai < len(acts) and acts[ai].start() < nxt and _TO_ACT_GAP.match(text[p.end():acts[ai].start()]):
            flush(act_name(acts[ai]))
    if chain:
        flush(_act_before(text, acts, chain[0].start()))
    return out


def _act_before(text: str, acts: list[re.Match], pos: int) -> str | None:
    before = [a for a in acts if a.end() <= pos and pos - a.end() <= 15]
    if not before:
        return None
    return _act_label(text, before[-1])


@lru_cache(maxsize=1)
def law_corrections() -> dict[str, list[tuple[str, str]]]:
    """Act numbers miswritten in decisions, from the committed map
    ``analysis/data/decision_law_corrections.csv``: cited ``no/year`` -> [(title words, act)].
    A correction applies only when the act's title (``tentang …``) confirms it."""
    out: dict[str, list[tuple[str, str]]] = {}
    with resources.files("analysis").joinpath("data/decision_law_corrections.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["cited"].strip(), []).append((row["title_contains"].strip().lower(), row["act"].strip()))
    return out


def _act_label(text: str, a: re.Match) -> str | None:
    """``UU <no>/<year>`` (corrected where the title shows a slip), ``KUHP``, or ``None``
    for the code of procedure."""
    if a.group("uu"):
        cited = f"{int(a.group('no'))}/{a.group('year')}"
        if (a.group("no"), a.group("year")) in _PROCEDURAL:
            return None
        title = text[a.end(): a.end() + 80].lower()
        for words, act in law_corrections().get(cited, []):
            if words in title:
                return f"UU {act}"
        return f"UU {cited}"
    if a.group("kuhp"):
        return "KUHP"
    return None


# ---------------------------------------------------------------- countries and victims

@lru_cache(maxsize=1)
def country_map() -> dict[str, str]:
    """Indonesian/English place name (lower case) -> English short country name."""
    with resources.files("analysis").joinpath("data/countries.csv").open(encoding="utf-8") as fh:
        return {row["name"].strip().lower(): row["country"].strip() for row in csv.DictReader(fh)}


PLACE_WORDS = frozenset({"ke", "di", "dari", "negara", "negeri", "tujuan", "menuju", "berangkat", "bekerja",
                         "dikirim", "diberangkatkan", "sampai", "tiba", "wilayah", "kota"})
_LOWER_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name in country_map())


def destination_countries(text: str) -> list[str]:
    """Countries named as places people went, worked or were sent (sorted English names):
    a name from the country map (longest first) right after a place word (``ke``, ``di``,
    ``negara``, ``tujuan``, ``bekerja`` …; ``ke negara``/``di kota`` also count).

    >>> destination_countries("diberangkatkan ke Malaysia lalu ke negara Uni Emirat Arab; bahasa Jepang")
    ['Malaysia', 'United Arab Emirates']
    """
    if not isinstance(text, str) or not text:
        return []
    cmap = country_map()
    first = _first_words()
    words = _LOWER_WORD.findall(text.lower())
    found = set()
    for i in (i for i, w in enumerate(words) if w in first):
        prev = words[i - 1] if i else ""
        if prev in ("negara", "negeri", "kota") and i > 1 and words[i - 2] in PLACE_WORDS:
            prev = words[i - 2]
        if prev not in PLACE_WORDS:
            continue
        for k in (3, 2, 1):
            hit = cmap.get(" ".join(words[i:i + k]))
            if hit:
                found.add(hit)
                break
    return sorted(found)


_VICTIMS_BEFORE = re.compile(r"(\d{1,3})\s*(?:\([a-z\s]+\)\s*)?[Oo]rang\s+(?:(?:[Ss]aksi|[Aa]nak)\s+)?[Kk]orban"
                             r"|(\d{1,3})\s*(?:\([a-z\s]+\)\s*)?[Oo]rang\s+(?:[Cc]alon\s+)?(?:C?PMI|TKI|[Pp]ekerja\s+[Mm]igran)\b")
_VICTIMS_AFTER = re.compile(r"[Kk]orban\s+(?:sebanyak|sejumlah|berjumlah|ada)\s+(\d{1,3})")


def victim_count(text: str) -> int | None:
    """Number of victims where the text states one (``korban sebanyak 3 orang``,
    ``12 (dua belas) orang korban``, ``5 orang calon PMI``); the largest stated count, else
    ``None``.

    >>> victim_count("terdapat 12 (dua belas) orang korban"), victim_count("tanpa angka")
    (12, None)
    """
    if not isinstance(text, str):
        return None
    values = [int(m.group(1) or m.group(2)) if rx is _VICTIMS_BEFORE else int(m.group(1))
              for rx in (_VICTIMS_BEFORE, _VICTIMS_AFTER) for m in rx.finditer(text)]
    values = [v for v in values if 0 < v < 1000]
    return max(values) if values else None


# ---------------------------------------------------------------- migrant-worker cases

_MIGRANT_RX = re.compile(
    r"\b(?:C?P\s?M\s?I|C?TKI|TKW|BP[23]MI|P[34]MI|BN?P2TKI|LTSA|PPTKIS)\b"
    r"|\b[Pp]ekerja\s+[Mm]igran|\b[Tt]enaga\s+[Kk]erja\s+Indonesia|\b[Pp]enempatan\s+(?:[Pp]ekerja|[Tt]enaga\s+[Kk]erja)",
)
MIGRANT_LAWS = ("UU 18/2017", "UU 39/2004")


def is_migrant_worker_case(text: str, laws: list[str], countries: list[str]) -> bool:
    """Rule: a migrant-worker case cites the migrant-worker protection acts (UU 18/2017 or
    its predecessor UU 39/2004), or names migrant workers or their agencies at least three
    times (``PMI``, ``CPMI``, ``TKI``, ``TKW``, ``pekerja migran``, ``tenaga kerja
    Indonesia``, ``BP2MI``/``BP3MI``/``P4MI``, ``P3MI``/``PPTKIS``, ``penempatan pekerja``),
    or names them once and names a destination country abroad.

    >>> is_migrant_worker_case("", ["UU 18/2017 Pasal 81"], [])
    True
    >>> is_migrant_worker_case("dijanjikan bekerja sebagai PMI", [], ["Malaysia"])
    True
    >>> is_migrant_worker_case("eksploitasi seksual anak", ["UU 21/2007 Pasal 2"], [])
    False
    """
    if any(law.startswith(MIGRANT_LAWS) for law in laws or []):
        return True
    hits = 0
    for _ in _MIGRANT_RX.finditer(text or ""):
        hits += 1
        if hits >= 3:
            return True
    return hits >= 1 and bool(countries)
