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
  ``Pasal`` of a ``jo.``/``juncto`` chain joined to the act that follows (or precedes) it,
  after repairing common OCR and drafting slips in citations.
* ``decision_laws(basis, amar, charges, decided)`` -> ``(laws, laws_charged)``: the
  articles of the proven charge (none after a full acquittal; restitution orders left out;
  ``UU 1/2023`` for the penal code from 2026) and the articles charged.
* ``destination_countries(text)`` -> English short names from the committed map
  ``analysis/data/countries.csv``, read only in clauses of sending, placing or working,
  weighted towards the facts found and the most-attested country (see its docstring).
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


# A single lower-case letter after a word is the word's last letter split off by OCR ("Bengkul u").
_COURT_RX = re.compile(
    r"Pengadilan\s+Negeri\s+(?:Kelas\s+I[AB]?\s+(?:Khusus\s+)?)?"
    r"(?P<name>[A-Z][A-Za-z]+(?: [a-z]\b)?(?:\s+[A-Z][A-Za-z]+(?: [a-z]\b)?){0,3})")
_COURT_STOP = {"yang", "Yang", "Tersebut", "Kelas", "Klas", "KL", "Kls", "Nomor", "Pada", "Dengan", "Dalam"}


def court_name(text: str) -> str | None:
    """Full name of the deciding court, from the opening formula (``Pengadilan Negeri X yang mengadili``).

    >>> court_name("Pengadilan Negeri Jakarta Selatan yang mengadili perkara pidana")
    'Pengadilan Negeri Jakarta Selatan'
    >>> court_name("Pengadilan Negeri Bengkul u Kelas 1A yang mengadili")
    'Pengadilan Negeri Bengkulu'
    """
    if not text:
        return None
    for m in _COURT_RX.finditer(text[:6000]):
        words = []
        for w in re.sub(r"(?<=[A-Za-z]) (?=[a-z]\b)", "", m.group("name")).split():
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
# Every act name starts with U or K: saying so up front lets the engine skip other positions fast.
_ACT_RX = re.compile(r"(?=[UuKk])(?:" + _ACT_RX.pattern + ")", re.IGNORECASE)
_PASAL_RX = re.compile(
    r"Pasal\s+(?P<n>\d{1,3}(?:\s?[A-Z]\b(?!\s?ndang))?\b)(?P<detail>(?:\s*(?:(?:,|dan|atau|serta)\s*)?"
    r"(?:(?:ayat|ayat\s*ke\s*[-\u2013\u2014]?)\s*\(?\s*(?:\d{1,2}|I|l)\s*\)?"
    r"|huruf\s+[a-z]\b(?:\s*(?:,|dan|atau)\s*[a-z]\b)*|angka\s+\d{1,2}|ke\s*[-\u2013\u2014]?\s*(?:\d|I|l)\b))*)",
    re.IGNORECASE,
)
_CHAIN_GAP = re.compile(r"^[\s,]*(?:(?:jo|juncto|jis|dan|serta|atau)\.?[\s,]*)?$", re.IGNORECASE)
_TO_ACT_GAP = re.compile(r"^[\s,]*(?:(?:dari|dalam|pada)\s+)?$", re.IGNORECASE)
_PROCEDURAL = {("8", "1981"), ("20", "2025")}   # KUHAP, old and new: the procedure every decision cites


def _fmt_detail(detail: str) -> str:
    d = detail or ""
    parts = []
    d = re.sub(r"(?<=[(\s\u2013\u2014-])[Il](?=[)\s]|$)", "1", d)   # OCR reads 1 as I or l
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
    text = _repair_citations(text)
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


# OCR and drafting slips in citations: "Jo. 53 ayat (1) KUHP" (the word Pasal left out after
# "jo."), "Pasal 5 6 ayat (1)" (a number split by a space).
_BARE_JO = re.compile(r"(?=[Jj])\b(?P<jo>jo|juncto)\.?\s+(?=\d{1,3}\s*(?:ayat|huruf|KUHP|Kitab|U\s?ndang|UU)\b)", re.IGNORECASE)
_SPLIT_NUMBER = re.compile(r"(?=[Pp])\b(?P<p>Pasal\s+\d{1,2}) (?P<d>\d)\b(?=\s*(?:ayat|huruf|KUHP|Kitab|U\s?ndang|UU)\b)",
                           re.IGNORECASE)

_SPLIT_YEAR = re.compile(r"(?=[Tt])\b(Tahun 20[0-2]) (\d)\b", re.IGNORECASE)


def _repair_citations(text: str) -> str:
    """Put back the ``Pasal`` a ``jo.`` chain left out and join a split article number.

    >>> _repair_citations("Pasal 81 Jo. 53 ayat (1) KUHP; Pasal 5 6 Ayat (1) KUHP; UU Nomor 21 tahun 200 7")
    'Pasal 81 Jo. Pasal 53 ayat (1) KUHP; Pasal 56 Ayat (1) KUHP; UU Nomor 21 tahun 2007'
    """
    text = _BARE_JO.sub(lambda m: m.group(0) + "Pasal ", text)
    text = _SPLIT_YEAR.sub(lambda m: m.group(1) + m.group(2), text)
    return _SPLIT_NUMBER.sub(lambda m: m.group("p") + m.group("d"), text)


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


NEW_PENAL_CODE_FROM = dt.date(2026, 1, 2)   # UU 1/2023 Pasal 624: in force three years after enactment
_ACQUITTED = re.compile(r"\bmembebaskan\b|\bmelepaskan\b[^;]{0,200}?dari\s+segala\s+tuntutan", re.IGNORECASE)
_FOUND_GUILTY = re.compile(r"(?<!tidak )(?<!tidak\s\s)terbukti\s+(?:secara\s+)?sah\s+dan\s+men?yakinkan", re.IGNORECASE)


@lru_cache(maxsize=1)
def law_exclusions() -> frozenset[str]:
    """Articles that are orders following a conviction rather than offences (restitution),
    from the committed list ``analysis/data/decision_law_exclusions.csv``."""
    with resources.files("analysis").joinpath("data/decision_law_exclusions.csv").open(encoding="utf-8") as fh:
        return frozenset(row["article"].strip() for row in csv.DictReader(fh))


def _offences(laws: list[str], decided: dt.date | None) -> list[str]:
    out = []
    for law in laws:
        if decided is not None and decided >= NEW_PENAL_CODE_FROM and law.startswith("KUHP "):
            law = "UU 1/2023 " + law[5:]   # from 2026 "KUHP" is the new code
        key = re.match(r"(?:UU \S+|KUHP) Pasal \w+", law)
        if key and key.group(0) in law_exclusions():
            continue
        if law not in out:
            out.append(law)
    return out


def acquits_everyone(amar: str) -> bool:
    """True when the verdict acquits or releases and finds no one guilty.

    >>> acquits_everyone("1. Menyatakan Terdakwa tidak terbukti secara sah dan meyakinkan bersalah; 2. Membebaskan Terdakwa")
    True
    >>> acquits_everyone("1. Membebaskan Terdakwa dari dakwaan primair; 2. Menyatakan Terdakwa terbukti secara sah dan meyakinkan")
    False
    """
    return bool(amar) and bool(_ACQUITTED.search(amar)) and not _FOUND_GUILTY.search(amar)


def decision_laws(basis: str, amar: str, charges: str = "",
                  decided: dt.date | None = None) -> tuple[list[str], list[str]]:
    """``(laws, laws_charged)``: the articles of the proven charge, and those charged.

    ``laws`` are the articles the panel applies in its closing basis (``Memperhatikan`` /
    ``Mengingat``) and verdict, read by ``find_laws``; when those name none, the charges'.
    They are empty when the verdict acquits or releases every defendant (nothing was
    proven). ``laws_charged`` are all articles named in the charges (the indictment), so
    that an acquittal still shows what was charged. Both leave out orders that follow a
    conviction (restitution, ``law_exclusions``), and in decisions taken from 2 January 2026,
    when the new penal code UU 1/2023 came into force, ``KUHP`` articles are written
    ``UU 1/2023 Pasal n``.

    >>> decision_laws("Memperhatikan Pasal 4 UU Nomor 21 Tahun 2007 dan Pasal 48 UU Nomor 21 Tahun 2007",
    ...               "Menyatakan Terdakwa terbukti secara sah dan meyakinkan bersalah", "Pasal 2 UU No. 21 Tahun 2007")
    (['UU 21/2007 Pasal 4'], ['UU 21/2007 Pasal 2'])
    >>> decision_laws("Memperhatikan Pasal 455 KUHP", "terbukti secara sah dan meyakinkan", "", dt.date(2026, 5, 1))
    (['UU 1/2023 Pasal 455'], [])
    >>> decision_laws("Memperhatikan Pasal 2 UU Nomor 21 Tahun 2007", "tidak terbukti secara sah dan meyakinkan; Membebaskan")
    ([], [])
    """
    charged = _offences(find_laws(charges), decided)
    if acquits_everyone(amar):
        return [], charged
    proven = find_laws((basis or "") + " \n" + (amar or ""))
    return (_offences(proven, decided) if proven else charged), charged


# ---------------------------------------------------------------- countries and victims

@lru_cache(maxsize=1)
def country_map() -> dict[str, str]:
    """Indonesian/English place name (lower case) -> English short country name."""
    with resources.files("analysis").joinpath("data/countries.csv").open(encoding="utf-8") as fh:
        return {row["name"].strip().lower(): row["country"].strip() for row in csv.DictReader(fh)}


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for many words, shaped as a prefix tree (``mal(?:aysia|aisya)``):
    the engine then tests one character class per position instead of every alternative.

    >>> print(_trie_pattern(["mali", "malaysia", "mesir", "oman"]))
    (?:m(?:al(?:aysia|i)|esir)|oman)
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return (body if body.startswith("(?:") else "(?:" + body + ")") + "?"
        return body

    return build(trie)


@lru_cache(maxsize=1)
def _country_bytes_rx() -> re.Pattern:
    return re.compile((r"\b" + _trie_pattern(sorted(country_map())) + r"\b").encode("ascii"))


def country_mentions(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, country)`` of each place name of the country map in ``text``: whole
    words, case-insensitive, the longest name where names overlap (``Arab Saudi`` over
    ``Saudi``).

    The text is searched as lower-cased ASCII bytes (one byte per character, so offsets stay
    valid) with one prefix-tree pattern: a plain alternation of a hundred names tried at every
    position was the slowest step of reading a decision.

    >>> country_mentions("ke Arab Saudi, lalu Kuala\\nLumpur; Malaysiana; pedoman")
    [(3, 13, 'Saudi Arabia'), (20, 32, 'Malaysia')]
    """
    if not isinstance(text, str) or not text:
        return []
    low = text.encode("ascii", "replace").lower().replace(b"\n", b" ")
    cmap = country_map()
    return [(m.start(), m.end(), cmap[m.group(0).decode("ascii")]) for m in _country_bytes_rx().finditer(low)]


# A destination is read only in a clause that says people were sent, placed or set to work
# there; the clause runs back from the country name to the last ";", line break or sentence end.
_DEST_CUE = re.compile(
    r"\b(?:(?:di|mem|ber|ke|pem)?berangkat(?:kan|an)?|(?:di|me|peng)?kirim(?:kan|an)?|(?:di)?pe[r]?kerjakan|bekerja"
    r"|(?:di|pe)?nempatkan|ditempatkan|penempatan|tujuan|(?:C?PMI|C?TKI|TKW)|pekerja\s+migran|tenaga\s+kerja"
    r"|dibawa|dijual|diterbangkan|perjalanan|tiba|sampai|berada|menjadi)\b",
    re.IGNORECASE)
# Words right before the name that make it something else than the destination: the origin,
# a transit point, a nationality, a currency or a language, an embassy, a route or a ticket.
_NOT_DEST_BEFORE = re.compile(
    r"\b(?:dari|asal|melalui|melewati|lewat|via|transit(?:\s+di)?|singgah(?:\s+di)?|warga(?:\s+negara)?(?:\s+asing)?"
    r"|kebangsaan|berkebangsaan|bahasa|dolar|dollar|ringgit|riyal|kedutaan(?:\s+besar)?|KBRI|konsulat"
    r"|(?:wanita|perempuan|orang|pria|provider|perusahaan|agen(?:cy)?)|rute|tiket|penerbangan|kampung|kampong|hotel|jalan"
    r"|restoran|pasar)"
    r"\s*(?:negara|negeri)?\s*:?\s*$",
    re.IGNORECASE)
# A clause about an earlier stay, another person's trip or a wish, not the victims' placement.
_NOT_DEST_CLAUSE = re.compile(r"\b(?:pernah|sebelumnya|dahulu|dulu|transit|rute|tiket|penerbangan|ingin|mau|keinginan"
                              r"|meminta|minta|permintaan|niat|berniat|hendak|bukan|boarding\s?pass|maskapai|pesawat)\b", re.IGNORECASE)
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]{1,2}|[A-Z]|\bNo)$")


def _clause_start(text: str, pos: int, reach: int = 120) -> int:
    """Start of the clause that ``pos`` stands in: after the last ``;``, line break, ``": "``
    or sentence end (a full stop and space not ending an abbreviation such as ``Sdr.``,
    ``a.n.``, ``No.``, ``PT.``), at most ``reach`` characters back.

    >>> t = "Sdri. A berangkat; lalu a.n. B dikirim ke X"
    >>> t[_clause_start(t, len(t)):]
    ' lalu a.n. B dikirim ke X'
    """
    lo = max(0, pos - reach)
    cut = max(text.rfind(";", lo, pos), text.rfind("\n", lo, pos), text.rfind(": ", lo, pos))
    j = text.rfind(". ", lo, pos)
    while j > cut:
        if not _ABBREVIATION.search(text, max(lo, j - 3), j):
            cut = j
            break
        j = text.rfind(". ", lo, j)
    return cut + 1 if cut >= 0 else lo
# A stop on the way: the name is followed by the next leg ("Kuala Lumpur kemudian ke Doha",
# "Malaysia tujuan Riyadh", "Kuala Lumpur - Delhi").
_NEXT_LEG = re.compile(r"\s*(?:\(\s*[A-Za-z ]+\)\s*)?(?:[A-Z][a-z]+\s+)?,?\s*(?:kemudian|lalu|selanjutnya|dan|untuk)?\s*"
                       r"(?:melanjutkan\s+(?:perjalanan\s+)?)?(?:ke|menuju|tujuan|[-\u2013\u2014>]+)\s", re.IGNORECASE)
_KE_BEFORE = re.compile(r"\bke\s+(?:negara\s+|negeri\s+)?$", re.IGNORECASE)
_FACTS_START = re.compile(r"fakta(?:-fakta)?\s+hukum|Menimbang,?\s+bahwa\s+berdasarkan\s+fakta", re.IGNORECASE)
DEST_MIN_SCORE = 2          # a country needs two plain mentions, or one in the facts or considerations
DEST_SHARE_OF_TOP = 0.25    # and at least this share of the most-mentioned destination's score


def destination_scores(text: str) -> dict[str, float]:
    """Weighted count of destination mentions per country (English name) in ``text``.

    A mention counts when the clause before the name (back to the last ``;``, line break,
    sentence end or colon, at most 120 characters) holds a word of sending, placing or
    working (``dikirim``, ``diberangkatkan``, ``dipekerjakan``, ``bekerja``, ``ditempatkan``,
    ``tujuan``, ``menjadi PMI/TKI``, ``perjalanan``, ``berada`` …) or the name follows
    ``ke``/``ke negara`` directly; it does not count when the words just before the name
    mark an origin, transit, nationality, currency, language, embassy, route or ticket
    (``dari``, ``melalui``, ``transit di``, ``warga negara``, ``dolar``, ``rute`` …), nor
    when the clause tells of an earlier stay, a wish or another route (``pernah``,
    ``sebelumnya``, ``ingin``, ``berniat``, ``bukan``, ``tiket`` …), nor when the next leg of a journey
    follows the name (``Kuala Lumpur kemudian ke Doha``: a transit stop). Mentions after the facts found
    (``fakta hukum``) weigh 2, earlier ones (charges, testimony) 1.

    >>> destination_scores("Saksi diberangkatkan ke Malaysia; fakta hukum: korban bekerja di Malaysia; "
    ...                    "transit di Singapura; warga negara Rusia")
    {'Malaysia': 3.0}
    """
    if not isinstance(text, str) or not text:
        return {}
    facts = _FACTS_START.search(text)
    facts_at = facts.start() if facts else len(text)
    scores: dict[str, float] = {}
    for start, end, country in country_mentions(text):
        clause = text[_clause_start(text, start): start]
        if _NOT_DEST_BEFORE.search(clause[-50:]) or _NOT_DEST_CLAUSE.search(clause) \
                or _NEXT_LEG.match(text, end, end + 60):
            continue
        if not (_KE_BEFORE.search(clause[-20:]) or _DEST_CUE.search(clause)):
            continue
        scores[country] = scores.get(country, 0.0) + (2.0 if start >= facts_at else 1.0)
    return scores


def destination_countries(text: str) -> list[str]:
    """Countries the victims were sent to, placed in or recruited for (sorted English names).

    Rule: destination mentions are weighted as in ``destination_scores`` (a clause of
    sending, placing or working; facts and considerations weigh double); a country is kept
    when its score reaches ``DEST_MIN_SCORE`` and at least ``DEST_SHARE_OF_TOP`` of the
    best-attested country's. Transit stops, nationalities, currencies, earlier jobs and
    countries named once in passing (an agency's other markets, a witness's aside) fall out.

    >>> destination_countries("fakta hukum: dipekerjakan di Malaysia dan di negara Uni Emirat Arab; bahasa Jepang")
    ['Malaysia', 'United Arab Emirates']
    >>> destination_countries("fakta hukum: diberangkatkan ke Malaysia lalu ke negara Uni Emirat Arab")
    ['United Arab Emirates']
    >>> destination_countries("fakta hukum: korban dipekerjakan di Kamboja; transit di Malaysia; pernah bekerja di Taiwan")
    ['Cambodia']
    """
    scores = destination_scores(text)
    if not scores:
        return []
    top = max(scores.values())
    return sorted(c for c, v in scores.items() if v >= DEST_MIN_SCORE and v >= DEST_SHARE_OF_TOP * top)


# "<n> (words) orang korban" / "<n> orang calon PMI": found from the noun (a literal start, fast
# to scan for), then the count is read just before it.
_VICTIMS_NOUN = re.compile(r"[Oo]rang\s+(?:(?:(?:[Ss]aksi|[Aa]nak)\s+)?[Kk]orban"
                           r"|(?:[Cc]alon\s+)?(?:C?PMI|TKI|[Pp]ekerja\s+[Mm]igran)\b)")
_COUNT_BEFORE = re.compile(r"(\d{1,3})\s*(?:\([a-z\s]+\)\s*)?$")
_VICTIMS_AFTER = re.compile(r"[Kk]orban\s+(?:sebanyak|sejumlah|berjumlah|ada)\s+(\d{1,3})")


def victim_count(text: str) -> int | None:
    """Number of victims where the text states one (``korban sebanyak 3 orang``,
    ``12 (dua belas) orang korban``, ``5 orang calon PMI``); the largest stated count, else
    ``None``.

    >>> victim_count("terdapat 12 (dua belas) orang korban"), victim_count("tanpa angka")
    (12, None)
    >>> victim_count("5 orang calon PMI dan korban sebanyak 7 orang")
    7
    """
    if not isinstance(text, str):
        return None
    values = [int(m.group(1)) for m in _VICTIMS_AFTER.finditer(text)]
    for m in _VICTIMS_NOUN.finditer(text):
        c = _COUNT_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if c:
            values.append(int(c.group(1)))
    values = [v for v in values if 0 < v < 1000]
    return max(values) if values else None


# ---------------------------------------------------------------- migrant-worker cases

_MIGRANT_RX = re.compile(
    r"\b(?:C?P\s?M\s?I|C?TKI|TKW|BP[23]MI|P[34]MI|BN?P2TKI|LTSA|PPTKIS)\b"
    r"|\b[Pp]ekerja\s+[Mm]igran|\b[Tt]enaga\s+[Kk]erja\s+Indonesia",
)
MIGRANT_LAWS = ("UU 18/2017", "UU 39/2004")
MIGRANT_MENTIONS_ALONE = 10   # a domestic labour case names migrant workers a few times in passing


def is_migrant_worker_case(text: str, laws: list[str], countries: list[str]) -> bool:
    """Rule: a migrant-worker case cites the migrant-worker protection acts (UU 18/2017 or
    its predecessor UU 39/2004), or names migrant workers or their agencies
    (``PMI``, ``CPMI``, ``TKI``, ``TKW``, ``pekerja migran``, ``tenaga kerja Indonesia``,
    ``BP2MI``/``BP3MI``/``P4MI``, ``P3MI``/``PPTKIS``) at least ``MIGRANT_MENTIONS_ALONE``
    times, or names them once and names a destination country abroad. ``penempatan tenaga
    kerja`` alone does not count: labour placement inside Indonesia is called so too, and
    a domestic labour case may cite the migrant-worker rules a few times in passing.

    >>> is_migrant_worker_case("", ["UU 18/2017 Pasal 81"], [])
    True
    >>> is_migrant_worker_case("dijanjikan bekerja sebagai PMI", [], ["Malaysia"])
    True
    >>> is_migrant_worker_case("eksploitasi seksual anak", ["UU 21/2007 Pasal 2"], [])
    False
    >>> is_migrant_worker_case("penempatan tenaga kerja ke kebun sawit di Papua; " * 5 + "bukan pekerja migran", [], [])
    False
    """
    if any(law.startswith(MIGRANT_LAWS) for law in laws or []):
        return True
    hits = 0
    for _ in _MIGRANT_RX.finditer(text or ""):
        hits += 1
        if hits >= MIGRANT_MENTIONS_ALONE:
            return True
    return hits >= 1 and bool(countries)
