"""Mentions of people, companies, places and agencies in one court decision.

A mention is one place in the decision's text where an actor is named, kept with its span
(cleaned offsets ``start``/``end`` and ``evidence`` in raw-file offsets) and the roles the
surrounding words give it (``analysis.extract.roles``). People are found where the text
introduces them: after a role or honorific (``Saksi``, ``Terdakwa II``, ``Sdr.``, ``Sdri.``,
``Saudara``, ``korban``, ``bernama``) or before a status in brackets (``NAME (DPO)``,
``NAME (berkas terpisah)``, ``Name (belum tertangkap/DPO)``), or in a list of names sharing one DPO marker
(``A, B dan C (ketiganya masuk DPO)``, ``menjadi DPO yaitu A, B``); their written names are split into own name, aliases and
father's name by ``analysis.extract.names``. Companies named only in passing (publishers, carriers, banks, legal aid, booking
platforms; ``data/link_incidental_companies.csv``) are left out. A bare ``Terdakwa`` / ``Terdakwa I`` is kept as a
reference to the decision's defendant so that ties can start from it.

Names stay in memory: the ``name`` column must never be written out (``analysis.link.actors``
drops it and pseudonymises people).

>>> from analysis.extract.model import ParsedDecision
>>> t = "Bahwa Sdr. ZARKASIH alias ZAR (DPO) menyuruh saksi korban NAWANGWULAN berangkat ke Malaysia melalui PT. MAJU JAYA."
>>> d = ParsedDecision(source_file="x.txt", raw_text=t, text=t, to_raw=list(range(len(t))))
>>> m = find_mentions(d)
>>> m[["kind", "key", "roles"]].values.tolist()
[['person', 'zarkasih', ['fugitive']], ['person', 'nawangwulan', ['victim']], ['place', 'malaysia', []], ['company', 'pt maju jaya', []]]
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import pandas as pd

from analysis.extract import roles as _roles
from analysis.extract.company_names import company_key, is_tail_word
from analysis.extract.model import ParsedDecision
from analysis.extract.names import fold, is_initials, split_name

# Sections searched when the decision has them; the whole text otherwise.
DEFAULT_SECTIONS = ("detention", "demands", "charges", "witnesses", "facts", "considerations")
# Companies are also read in the identity blocks ("Pekerjaan : Karyawan PT ..."); people there
# are the defendants themselves, taken from ``ParsedDecision.defendants``.
COMPANY_SECTIONS = ("identity",)
COMPANY_COMMON_MIN = 20   # a company-name word is prose only when the decision writes it in lower case this often

MENTION_COLUMNS = ["source_file", "case_id", "mention_id", "kind", "name", "key", "given", "aliases",
                   "patronym", "is_initials", "cue", "roles", "start", "end", "evidence", "defendant_index",
                   "place_role", "country"]

_CAPTOK = r"(?:[A-Z](?:[A-Z'’\-]*[A-Z])?(?![a-z])\.?)"
_TITLETOK = r"(?:[A-Z][a-z'’\-]+[a-z]\.?|[A-Z]\.)"
_CONN = r"(?:bin|binti|Bin|Binti|BIN|BINTI|alias|Alias|ALIAS|als\.?|Als\.?|ALS\.?|@)"
_SP = r"[ \t]*\n?[ \t]*"          # a name may run over one line break
_SP1 = r"[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*"
_ALM = r"(?:" + _SP + r"\(\s*(?:Alm|alm|ALM|Almh|almh|ALMH|Almarhum|almarhum)\.?\s*\))?"
CAPS_NAME = rf"{_CAPTOK}(?:(?:{_SP1})(?:{_CONN}(?:{_SP1}))?{_CAPTOK}){{0,7}}{_ALM}"
TITLE_NAME = rf"{_TITLETOK}(?:(?:{_SP1})(?:{_CONN}(?:{_SP1}))?(?:{_TITLETOK}|{_CAPTOK})){{0,5}}{_ALM}"

_PERSON_CUE = (r"(?P<cue>(?:[Ss]aksi|SAKSI)(?:\s+(?:[Kk]orban|KORBAN|[Aa]nak|ANAK))?|[Aa]nak\s+[Kk]orban|"
               r"[Tt]erdakwa|TERDAKWA|[Tt]ersangka|[Ss]dri?\.?|SDRI?\.?|[Ss]audar[ai]|SAUDAR[AI]|[Kk]orban|"
               r"[Bb]ernama|[Pp]elaku|[Ii]nisial)")
_NUMBERING = r"(?:\s+(?P<num>[IVX]{1,4}|\d{1,2})\b)?"
PERSON_RX = re.compile(rf"\b{_PERSON_CUE}{_NUMBERING}[ \t]*[:.,]?[ \t]*\n?[ \t]*(?P<name>{CAPS_NAME}|{TITLE_NAME})")
STATUS_RX = re.compile(rf"(?<![\w.])(?P<name>{CAPS_NAME})\s*\(\s*(?P<status>DPO|dpo|[^()]{{0,40}}terpisah)\s*\)")
# "Name (DPO/ Belum tertangkap)", "Name (belum tertangkap/DPO)": the marker alone says fugitive, so a
# name written in title case, with no cue word before it, is read here too.
_DPO_STATUS = r"(?:DPO|dpo|[Bb]elum\s+(?:[Tt]ertangkap|TERTANGKAP)|BELUM\s+TERTANGKAP)"
# Found marker first, then the name just before it: far cheaper than trying a name at every capital.
DPO_MARK_RX = re.compile(rf"\(\s*{_DPO_STATUS}[^()]{{0,30}}\)")
_NAME_BEFORE_RX = re.compile(rf"(?<![\w.])(?P<name>{CAPS_NAME}|{TITLE_NAME})\s*$")
_NAME_BEFORE_WINDOW = 120
_DPO_MARK = r"(?:DPO|Daftar\s+Pencarian\s+Orang|DAFTAR\s+PENCARIAN\s+ORANG)"
# One marker for several names: "A, B dan C (ketiganya masuk dalam DPO)" ...
DPO_GROUP_AFTER_RX = re.compile(rf"\b(?:ke(?:dua|tiga|empat|lima|enam|tujuh)nya|kesemuanya|semuanya)\s+"
                                rf"(?:(?:masuk|tercatat|termasuk|merupakan|adalah|sebagai|berstatus|dalam|ke)\s+){{0,3}}{_DPO_MARK}")
_NAME_ITEM = rf"(?:{CAPS_NAME}|{TITLE_NAME})"
_LIST_BEFORE_RX = re.compile(rf"(?P<list>{_NAME_ITEM}(?:\s*,\s*{_NAME_ITEM})+(?:\s*,?\s*(?:dan|serta)\s+{_NAME_ITEM})?)\s*,?\s*\(?\s*$")
# ... and "menjadi DPO yaitu A, B, C".
DPO_GROUP_BEFORE_RX = re.compile(rf"{_DPO_MARK}\)?[ \t]*(?:yaitu|yakni|antara\s+lain|masing-masing|atas\s+nama)[ \t]*:?\s*"
                                 rf"(?P<list>{_NAME_ITEM}(?:\s*,\s*{_NAME_ITEM})*(?:\s*,?\s*(?:dan|serta)\s+{_NAME_ITEM})?)")
_LIST_WINDOW = 200        # characters before a group marker searched for its list of names
DEFENDANT_REF_RX = re.compile(r"\b(?:[Tt]erdakwa|TERDAKWA)(?:\s+(?P<num>[IVX]{1,4})\b)?(?![ \t]*[A-Z][a-zA-Z])")

_COMPANY_TYPE = r"(?P<type>P\.?\s?T\b\.?|PT\.?|CV\.?|LPK|P3MI|PPTKIS|PJTKI|BLKLN|UD\.?|Yayasan|YAYASAN)"
_CO_TOK = r"(?:[A-Z0-9][A-Z0-9&'’\-]*(?![a-z])\.?|[A-Z][a-z'’\-]+)"
COMPANY_RX = re.compile(rf"(?<![\w/])({_COMPANY_TYPE})\s+(?P<name>{_CO_TOK}(?:(?:{_SP1}){_CO_TOK}){{0,6}})")
_COMPANY_STOP = {"cabang", "yang", "tersebut", "milik", "dan", "di", "ke", "untuk", "selaku", "sebagai", "dengan",
                 "beralamat", "berkedudukan", "kantor", "oleh", "pada", "dari", "atas", "nama", "terdakwa", "saksi",
                 "bahwa", "pt", "cv", "lpk", "sdr", "sdri", "telah", "tidak", "adalah", "melalui", "bersama",
                 "nomor", "no", "tbk", "persero", "kota", "pusat", "alamat", "bergerak", "jalan", "jl",
                 # generic words after a legal form ("LPK swasta", "PT resmi"), not a company's name
                 "swasta", "pemerintah", "resmi", "wajib", "lembaga", "pjtki", "p3mi", "legal", "ilegal",
                 "itu", "ini", "hal", "halaman", "keesokan", "harinya", "cabangnya", "belum", "mbak",
                 # words of the text that follows when a name runs into a heading or amount
                 "tanggapan", "menimbang", "mengingat", "mengadili", "putusan", "kab", "kabupaten", "rp",
                 "seperti", "sebesar", "sejumlah", "tanggal",
                 # "PT pelaksana penempatan": the kind of company, not its name
                 "pelaksana", "pelaksanan", "penempatan"}

_AGENCY = (r"(?P<agency>Polda|POLDA|Polres(?:ta|tabes)?|POLRES(?:TA|TABES)?|Polsek|POLSEK|Bareskrim|BARESKRIM|"
           r"BP2MI|BP3MI|UPT\s+BP2MI|KP2MI|Kantor\s+Imigrasi|Imigrasi|IMIGRASI|Kejaksaan\s+Negeri|Kejari|"
           r"Disnaker|Dinas\s+Tenaga\s+Kerja|KBRI|KJRI|Lantamal|Lanal|Pangkalan\s+TNI\s+AL)")
AGENCY_RX = re.compile(rf"\b{_AGENCY}\b(?:[ \t]+(?:Kelas\s+I+\s*[A-C]?\s+|TPI\s+)?(?P<where>[A-Z][a-zA-Z\-]+(?:[ \t]+[A-Z][a-zA-Z\-]+)?))?")
_AGENCY_WHERE_STOP = {"Yang", "Dan", "Di", "Ke", "Pada", "Dengan", "Nomor", "No", "Tanggal", "Bahwa", "Untuk", "Sebagai"}
# An agency's name ends before a role word: what follows "Polda X Terdakwa ..." or "Imigrasi Saksi ..."
# is a person, never part of the agency (compared in lower case, without a final full stop).
AGENCY_ROLE_STOP = frozenset({"terdakwa", "tersangka", "saksi", "korban", "anak", "pelapor", "terlapor", "sdr", "sdri",
                              "saudara", "saudari", "bernama", "pelaku", "ahli", "penyidik", "bripka", "brigpol",
                              "briptu", "bripda", "aipda", "aiptu", "iptu", "ipda", "akp", "kompol", "akbp", "kombes",
                              "an", "atas", "alias", "als", "bin", "binti", "ibu", "bapak", "pak", "bu",
                              # words of the sentence that runs on after the agency
                              "menimbang", "pasal", "hal", "sejak", "karena", "guna", "bersama", "terkait", "sebelum",
                              "kalau", "ini", "itu", "ya", "jl", "jalan", "sedang", "agak"})


@lru_cache(maxsize=1)
def _not_names_table() -> pd.DataFrame:
    with resources.files("analysis").joinpath("data/link_not_names.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    bad = set(df["action"]) - {"stop", "skip"}
    if bad:
        raise ValueError(f"link_not_names.csv: unknown action {sorted(bad)}")
    return df


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Words that end a person's name when met (``data/link_not_names.csv``, action ``stop``).

    >>> "terdakwa" in not_names()
    True
    """
    df = _not_names_table()
    return frozenset(df.loc[df["action"] == "stop", "word"].str.lower())


@lru_cache(maxsize=1)
def name_prefixes() -> frozenset[str]:
    """Titles dropped from the start of a name, such as police ranks (action ``skip``).

    >>> "bripka" in name_prefixes()
    True
    """
    df = _not_names_table()
    return frozenset(df.loc[df["action"] == "skip", "word"].str.lower())


@lru_cache(maxsize=1)
def places() -> pd.DataFrame:
    """The committed gazetteer of transit and destination places (``data/link_places.csv``)."""
    with resources.files("analysis").joinpath("data/link_places.csv").open(encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def _place_rx() -> tuple[re.Pattern, dict[str, tuple[str, str, str]]]:
    lookup: dict[str, tuple[str, str, str]] = {}
    for r in places().itertuples(index=False):
        for v in r.variants.split("|"):
            lookup[fold(v)] = (r.name, r.place_role, r.country)
    forms = set()
    for r in places().itertuples(index=False):
        for v in r.variants.split("|"):
            forms |= {v, v.upper(), v.title()}
    alts = sorted(forms, key=len, reverse=True)
    # Case-sensitive on purpose: a place is written capitalised, and this is much faster than re.I.
    return re.compile(_first_letter_alternation([a.split() for a in alts], r"[\s\-]+") + r"\b"), lookup


def _first_letter_alternation(phrases: list[list[str]], gap: str) -> str:
    r"""``\b(?:p1|p2|…)`` for literal phrases (words joined by ``gap``), grouped by first letter.

    Same matches as the plain alternation, in the same order of preference (phrases with
    different first letters never match at one place), but the regex engine can then skip
    ahead to the possible first letters instead of trying every phrase at every character.
    The word boundary before the phrase becomes a look-behind after its first letter.

    >>> rx = re.compile(_first_letter_alternation([["Kota", "Baru"], ["Kuching"], ["Kota"]], r"\s+") + r"\b")
    >>> [m.group(0) for m in rx.finditer("Kota  Baru, Kuching, xKota, Kota")]
    ['Kota  Baru', 'Kuching', 'Kota']
    """
    groups: dict[str, list[str]] = {}
    for words in phrases:
        body = gap.join(re.escape(w) for w in words)
        if not words or not words[0][:1].isalpha():
            return r"\b(?:" + "|".join(gap.join(re.escape(w) for w in ws) for ws in phrases) + ")"
        first = words[0][0]
        groups.setdefault(first, []).append(body[len(re.escape(first)):])
    return "(?:" + "|".join(re.escape(c) + r"(?<!\w.)(?:" + "|".join(rest) + ")" for c, rest in groups.items()) + ")"


_ROMAN = {"I": 0, "II": 1, "III": 2, "IV": 3, "V": 4, "VI": 5, "VII": 6, "VIII": 7, "IX": 8, "X": 9}
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_ROMAN_LEAD = re.compile(r"^(?:[IVX]{1,4}\b\.?\s*)+(?=\S|$)")
_SENT_END = re.compile(r"[;]|\.\s|\n\s*[-–•]\s")
_CONNECTOR_END = re.compile(r"(?i)bin|binti|alias|als\.?|@")


def word_counts(text: str) -> Counter:
    """How often each lower-case word of three or more letters is written in ``text``.

    >>> word_counts("ketika itu ketika Budi")["ketika"]
    2
    """
    return Counter(_LOWER_WORD.findall(text))


def common_words(text: str, min_count: int = 3, counts: Counter | None = None) -> frozenset[str]:
    """Words written in lower case at least ``min_count`` times in ``text``.

    A capitalised word that the same decision also writes in lower case ("Ketika",
    "Sedangkan", a quoted chat message) is an ordinary word, not part of a name. ``counts``
    (``word_counts(text)``) saves counting again when several thresholds are wanted.

    >>> sorted(common_words("ketika itu ketika ini ketika Budi", 3))
    ['ketika']
    """
    counts = word_counts(text) if counts is None else counts
    return frozenset(w for w, n in counts.items() if n >= min_count)


def _trim_name(name: str, common: frozenset[str] = frozenset()) -> str:
    """Cut a matched name at the first word that is not part of a name."""
    stop = not_names()
    words = name.split()
    skip = name_prefixes()
    while words and words[0].strip(".,:;()").lower() in skip:
        words = words[1:]
    keep: list[str] = []
    for w in words:
        bare = w.strip(".,:;()")
        if bare.lower() in stop:
            break
        if len(bare) > 1 and bare[0].isupper() and bare[1:].islower() and bare.lower() in common:
            break
        keep.append(w)
    while keep and _CONNECTOR_END.fullmatch(keep[-1]):
        keep.pop()
    return " ".join(keep)


def _sections(doc: ParsedDecision, sections: tuple[str, ...] | None) -> list[tuple[int, int]]:
    wanted = [doc.sections[s] for s in (sections or DEFAULT_SECTIONS) if s in doc.sections]
    if not wanted:
        return [(0, len(doc.text))]
    wanted.sort()
    merged: list[tuple[int, int]] = []
    for s, e in wanted:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


@lru_cache(maxsize=65536)
def _name_fields(name: str) -> tuple | None:
    """(key, given, aliases, patronym, is_initials) of a trimmed name, or None when it is no name.

    Cached: a decision repeats the same few names hundreds of times.
    """
    parts = split_name(name) if name else None
    if not parts or not parts.given:
        return None
    key = fold(parts.given)
    if not key or len(key) < 2 or key in not_names():
        return None
    aliases = tuple(f for f in map(fold, parts.aliases) if f)
    patronym = fold(parts.patronym) if parts.patronym else None
    return key, parts.given, aliases, patronym, is_initials(parts.given)


def _person_rows(text: str, lo: int, hi: int, common: frozenset[str] = frozenset(),
                 trimmed: dict[str, str] | None = None) -> list[dict]:
    """Person mentions in ``text[lo:hi]``; ``trimmed`` caches ``_trim_name`` for one ``common``."""
    rows: list[dict] = []
    trimmed = {} if trimmed is None else trimmed
    for rx, from_status in ((PERSON_RX, False), (STATUS_RX, True), (DPO_MARK_RX, True)):
        for m in (_names_before_dpo(text, lo, hi) if rx is DPO_MARK_RX else rx.finditer(text, lo, hi)):
            raw = m.group("name")
            if rx is DPO_MARK_RX:
                raw = _drop_lead(raw, common)
            joined = " ".join(raw.split())
            name = trimmed.get(joined)
            if name is None:
                name = trimmed[joined] = _ROMAN_LEAD.sub("", _trim_name(joined, common))
            fields = _name_fields(name)
            if fields is None:
                continue
            key, given, aliases, patronym, initials = fields
            start = m.end("name") - len(raw) if from_status else m.start("name")
            end = start + len(raw.rstrip())
            # Shrink the span to the trimmed name so the evidence points at the name only.
            words = name.split()
            first_word, last_word = words[0], words[-1]
            end = min(end, start + raw.rfind(last_word) + len(last_word)) if last_word in raw else end
            cue = "" if from_status else " ".join(m.group("cue").lower().rstrip(".").split())
            rows.append({"kind": "person", "name": name, "key": key, "given": given,
                         "aliases": list(aliases), "patronym": patronym,
                         "is_initials": initials, "cue": cue,
                         "start": start + (raw.find(first_word) if first_word in raw else 0), "end": end,
                         "defendant_index": None})
    return rows


def _names_before_dpo(text: str, lo: int, hi: int):
    """Matches (group ``name``) of the name written right before each DPO marker in ``text[lo:hi]``.

    >>> [m.group("name") for m in _names_before_dpo("oleh Sutarjo Wirabumi (belum tertangkap/DPO) lalu", 0, 50)]
    ['Sutarjo Wirabumi']
    """
    for mark in DPO_MARK_RX.finditer(text, lo, hi):
        m = _NAME_BEFORE_RX.search(text, max(lo, mark.start() - _NAME_BEFORE_WINDOW), mark.start())
        if m:
            yield m


_CUE_WORD = re.compile(_PERSON_CUE + r"[.,:]?")


def _drop_lead(raw: str, common: frozenset[str]) -> str:
    """``raw`` without the leading words that cannot start a name (``Bahwa``, ``Dengan``, a
    title-case word the decision also writes in lower case), so that a title-case run before a
    status keeps only the name.

    >>> _drop_lead("Dengan Sutarjo Wirabumi", frozenset())
    'Sutarjo Wirabumi'
    >>> _drop_lead("Sdr. SUTARJO", frozenset())
    'SUTARJO'
    """
    stop = not_names()
    out = raw
    while True:
        m = re.match(r"(\S+)(\s+)", out)
        if not m:
            return out
        bare = m.group(1).strip(".,:;()")
        if (bare.lower() in stop or bare.lower() in name_prefixes() or _CUE_WORD.fullmatch(m.group(1))
                or (bare[1:].islower() and bare.lower() in common)):
            out = out[m.end():]
            continue
        return out


def _dpo_group_rows(text: str, lo: int, hi: int, common: frozenset[str] = frozenset()) -> list[dict]:
    """Fugitives named in a list that shares one DPO marker, before or after the names.

    >>> t = "bersama Kartolo, Wiryo dan Sulastrawi (ketiganya masuk dalam DPO) berangkat"
    >>> [r["key"] for r in _dpo_group_rows(t, 0, len(t))]
    ['kartolo', 'wiryo', 'sulastrawi']
    >>> t = "yang menjadi DPO yaitu KARTOLO, WIRYO;"
    >>> [r["key"] for r in _dpo_group_rows(t, 0, len(t))]
    ['kartolo', 'wiryo']
    """
    lists: list[tuple[int, int]] = []
    for m in DPO_GROUP_AFTER_RX.finditer(text, lo, hi):
        w0 = max(lo, m.start() - _LIST_WINDOW)
        lm = _LIST_BEFORE_RX.search(text[w0:m.start()])
        if lm:
            lists.append((w0 + lm.start("list"), w0 + lm.end("list")))
    for m in DPO_GROUP_BEFORE_RX.finditer(text, lo, hi):
        lists.append((m.start("list"), m.end("list")))
    rows: list[dict] = []
    item_rx = re.compile(_NAME_ITEM)
    for a, b in lists:
        for im in item_rx.finditer(text, a, b):
            raw = _drop_lead(im.group(0), common)
            name = _ROMAN_LEAD.sub("", _trim_name(" ".join(raw.split()), common))
            fields = _name_fields(name) if name else None
            if fields is None:
                continue
            key, given, aliases, patronym, initials = fields
            start = im.end() - len(raw)
            rows.append({"kind": "person", "name": name, "key": key, "given": given, "aliases": list(aliases),
                         "patronym": patronym, "is_initials": initials, "cue": "dpo",
                         "start": start, "end": start + len(raw.rstrip()), "defendant_index": None})
    return rows


def _defendant_refs(text: str, lo: int, hi: int, n_defendants: int) -> list[dict]:
    rows: list[dict] = []
    if n_defendants == 0:
        return rows
    for m in DEFENDANT_REF_RX.finditer(text, lo, hi):
        num = m.group("num")
        if num:
            idx = _ROMAN.get(num)
            if idx is None or idx >= n_defendants:
                continue
        elif n_defendants == 1:
            idx = 0
        else:
            continue
        rows.append({"kind": "person", "name": "", "key": "", "given": "", "aliases": [], "patronym": None,
                     "is_initials": False, "cue": "terdakwa", "start": m.start(), "end": m.end(),
                     "defendant_index": idx})
    return rows


_ORDINAL = r"Ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)"
_LABEL_NUM = rf"(?:\d{{1,2}}(?!\d)(?![ \t]*\()|[IVX]{{1,4}}\b|{_ORDINAL}\b)"
ANON_LABEL_RX = re.compile(
    r"(?<![\w/])(?<!para )(?<!Para )"
    rf"(?:(?:(?:Anak|ANAK)[ \t]+)?(?:(?:Saksi|SAKSI)[ \t]+)?(?:(?:Anak|ANAK)[ \t]+)?(?:Korban|KORBAN)"
    rf"(?:[ \t]+(?:Anak|ANAK))?(?:[ \t]+(?P<n1>{_LABEL_NUM})|(?![ \t]*\n?[ \t]*(?:[A-Z][a-zA-Z]{{2,}}|[A-Z]{{2,}})))"
    rf"|(?:(?:Anak|ANAK)[ \t]+)?(?:Saksi|SAKSI)(?:[ \t]+(?:Anak|ANAK))?[ \t]+(?P<n2>{_LABEL_NUM}))")


def anonymised_person_rows(text: str, lo: int = 0, hi: int | None = None) -> list[dict]:
    """Persons a decision names only by an anonymised label: ``Saksi 4``, ``Saksi Kesatu``,
    ``Anak Korban``, ``Anak Korban Anak 1``, ``Anak Saksi 2``, ``Korban 2``.

    Published decisions replace the names of victims, children and some witnesses by such
    labels; each label is one person of the decision, keyed by its folded words. A bare
    ``Korban``/``Anak Korban`` counts only when no capitalised name follows (``Saksi Korban
    WULAN`` is a cue before a name, not a label) and not after ``para`` (a group).

    >>> t = "Saksi 4 dan Anak Korban Anak 1 serta saksi Korban WULAN; Saksi 2 (dua) orang; para Korban"
    >>> [(r["key"], r["cue"]) for r in anonymised_person_rows(t)]
    [('saksi 4', 'saksi'), ('anak korban anak 1', 'anak korban')]
    """
    hi = len(text) if hi is None else hi
    rows: list[dict] = []
    for m in ANON_LABEL_RX.finditer(text, lo, hi):
        label = " ".join(m.group(0).split())
        key = label.lower()
        if m.group("n2") is None and m.group("n1") is None and key in ("korban", "saksi korban"):
            continue      # a bare "Korban" is the common noun more often than a label
        cue = ("anak korban" if key.startswith("anak") else "korban") if "korban" in key else "saksi"
        rows.append({"kind": "person", "name": label, "key": key, "given": label, "aliases": [], "patronym": None,
                     "is_initials": False, "cue": cue, "start": m.start(), "end": m.end(),
                     "defendant_index": None})
    return rows


def _company_rows(text: str, lo: int, hi: int, common: frozenset[str] = frozenset(),
                  prose: frozenset[str] = frozenset()) -> list[dict]:
    """Companies after a legal form; ``prose`` words (in lower case 3+ times) may not start a name,
    ``common`` words (20+ times) end it."""
    rows: list[dict] = []
    for m in COMPANY_RX.finditer(text, lo, hi):
        words = m.group("name").split()
        keep: list[str] = []
        first = words[0].strip(".,:;") if words else ""
        if first[:1].isupper() and first[1:].islower() and first.lower() in prose:
            continue        # "PT. Keesokan harinya": a sentence, not a company
        for w in words:
            bare = w.strip(".,:;")
            if bare.lower() in _COMPANY_STOP or bare.isdigit() or (keep and is_tail_word(bare)):
                break
            # "PT NSP Bergerak di bidang ...", "PT Pusat": a title-case word the decision also
            # writes in lower case is prose, not part of the company's name.
            if len(bare) > 1 and bare[0].isupper() and bare[1:].islower() and bare.lower() in common:
                break
            keep.append(w.strip(",;:"))
        # A title-case run ends where the casing drops back to a lower-case word, already handled by
        # the regex; an all-caps acronym may be followed by a title-case place ("NSP Cabang") cut above.
        if not keep:
            continue
        name = " ".join(keep).rstrip(".")
        if len(fold(name)) < 2:
            continue
        typ = fold(m.group("type")).replace(" ", "")
        start, end = m.start(), m.start("name") + len(name)
        rows.append({"kind": "company", "name": f"{typ.upper()} {name.upper()}", "key": company_key(name, typ),
                     "given": name, "aliases": [], "patronym": None, "is_initials": False, "cue": typ,
                     "start": start, "end": end, "defendant_index": None})
    return rows


@lru_cache(maxsize=1)
def incidental_companies() -> pd.DataFrame:
    """Cues of companies that are named but take no part in the scheme (``data/link_incidental_companies.csv``).

    Publishers of books cited in the legal considerations, carriers, banks, legal-aid
    foundations of the defence and booking platforms are real companies, but not actors of the
    trafficking story; the gold set leaves them out and the network must not see them. A cue
    is read in the company's name (``name``), in the words right before it (``left``) or
    right after it (``right``).

    >>> sorted(set(incidental_companies()["kind"]))
    ['bank', 'booking', 'carrier', 'finance', 'legal_aid', 'publisher']
    """
    with resources.files("analysis").joinpath("data/link_incidental_companies.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    bad = set(df["where"]) - {"name", "left", "right"}
    if bad:
        raise ValueError(f"link_incidental_companies.csv: unknown where values {sorted(bad)}")
    return df


@lru_cache(maxsize=1)
def _incidental_rx() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    df = incidental_companies()

    def alt(where: str) -> str:
        return "|".join(r"\s+".join(map(re.escape, c.split())) for c in df.loc[df["where"] == where, "cue"])
    return (re.compile(rf"\b(?:{alt('name')})\b"), re.compile(rf"\b(?:{alt('left')})\b", re.I),
            re.compile(rf"^\W{{0,4}}(?:{alt('right')})\b", re.I))


INCIDENTAL_LEFT = 60     # characters before a company searched for a left cue
_CLAUSE_END = re.compile(r";|\.\s")


def drop_incidental_companies(rows: list[dict], text: str) -> list[dict]:
    """``rows`` without the companies (by key, in the whole decision) that one of their
    mentions shows to be incidental (``incidental_companies``).

    >>> t = "Sumber buku: Hukum Acara, PT. Kencana Wirabumi, 2001. Ia melamar di PT. Sejati Wirabumi."
    >>> rows = _company_rows(t, 0, len(t))
    >>> [r["key"] for r in drop_incidental_companies(rows, t)]
    ['pt sejati wirabumi']
    """
    name_rx, left_rx, right_rx = _incidental_rx()
    def clause_before(start: int) -> str:
        # A left cue counts in the company's own clause only, not across a ";" or a full stop.
        return _CLAUSE_END.split(text[max(0, start - INCIDENTAL_LEFT):start])[-1]

    bad = {r["key"] for r in rows if r["kind"] == "company" and (
        name_rx.search(r["key"]) or left_rx.search(clause_before(r["start"]))
        or right_rx.search(text[r["end"]:r["end"] + 30]))}
    return [r for r in rows if not (r["kind"] == "company" and r["key"] in bad)]


def _agency_rows(text: str, lo: int, hi: int) -> list[dict]:
    """Agencies in ``text[lo:hi]``, each with the place written after it; the name stops before a
    role word, so that the person who follows is never part of it.

    >>> t = "diperiksa Polda Terdakwa WIRAPATI lalu Kantor Imigrasi Saksi KARTOLO dan Polres Kota Blitar."
    >>> [r["name"] for r in _agency_rows(t, 0, len(t))]
    ['Polda', 'Kantor Imigrasi', 'Polres Kota Blitar']
    """
    rows: list[dict] = []
    for m in AGENCY_RX.finditer(text, lo, hi):
        agency = " ".join(m.group("agency").split())
        where = m.group("where")
        end = m.end("agency")
        if where:
            words = []
            for w in where.split():
                if w in _AGENCY_WHERE_STOP or w.rstrip(".").lower() in AGENCY_ROLE_STOP:
                    break
                words.append(w)
            if words:
                where = " ".join(words)
                end = m.start("where") + len(where)
            else:
                where = None
        label = f"{agency} {where}" if where else agency
        label = label[0].upper() + label[1:]
        rows.append({"kind": "agency", "name": label, "key": fold(label), "given": label, "aliases": [],
                     "patronym": None, "is_initials": False, "cue": fold(agency), "start": m.start(), "end": end,
                     "defendant_index": None})
    return rows


def _place_rows(text: str, lo: int, hi: int) -> list[dict]:
    rx, lookup = _place_rx()
    rows: list[dict] = []
    for m in rx.finditer(text, lo, hi):
        name, place_role, country = lookup[fold(m.group(0))]
        rows.append({"kind": "place", "name": name, "key": fold(name), "given": name, "aliases": [],
                     "patronym": None, "is_initials": False, "cue": "", "start": m.start(), "end": m.end(),
                     "defendant_index": None, "place_role": place_role, "country": country})
    return rows


def _drop_overlaps(rows: list[dict]) -> list[dict]:
    """Keep one mention per stretch of text: the earlier, then the longer, wins."""
    rows.sort(key=lambda r: (r["start"], -(r["end"] - r["start"])))
    kept: list[dict] = []
    for r in rows:
        if kept and r["start"] < kept[-1]["end"]:
            continue
        kept.append(r)
    return kept


def find_mentions(doc: ParsedDecision, sections: tuple[str, ...] | None = None, evidence=None) -> pd.DataFrame:
    """All mentions in ``doc`` (one row each, columns ``MENTION_COLUMNS``), in text order.

    Roles come from the cues around each mention, read up to the next mention or the end of
    the sentence so that one name's cue does not spill onto the next name. ``evidence``
    (default ``doc.evidence``) turns a cleaned span into ``<file>:<start>-<end>``.
    """
    evidence = evidence or doc.evidence
    text = doc.text or ""
    rows: list[dict] = []
    counts = word_counts(text)
    common = common_words(text, counts=counts)
    common_co = common_words(text, COMPANY_COMMON_MIN, counts=counts)
    trimmed: dict[str, str] = {}
    spans = _sections(doc, sections)
    if sections is None:
        for name in COMPANY_SECTIONS:
            if name in doc.sections:
                rows += _company_rows(text, *doc.sections[name], common_co, common)
    for lo, hi in spans:
        rows += _dpo_group_rows(text, lo, hi, common)
        rows += _person_rows(text, lo, hi, common, trimmed)
        rows += _company_rows(text, lo, hi, common_co, common)
        rows += _agency_rows(text, lo, hi)
        rows += _place_rows(text, lo, hi)
        rows += _defendant_refs(text, lo, hi, len(doc.defendants))
        rows += anonymised_person_rows(text, lo, hi)
    rows = drop_incidental_companies(_drop_overlaps(rows), text)
    for i, r in enumerate(rows):
        nxt = rows[i + 1]["start"] if i + 1 < len(rows) else len(text)
        right = text[r["end"]:min(nxt, r["end"] + _roles.RIGHT_WINDOW)]
        cut = _SENT_END.search(right)
        if cut and not right[:cut.start()].rstrip().endswith("("):
            right = right[:cut.start()]
        left = text[max(0, r["start"] - _roles.LEFT_WINDOW):r["start"]]
        if r["kind"] == "person":
            if r["cue"] in ("saksi korban", "anak korban", "korban", "saksi anak"):
                left = left + " korban "
            r["roles"] = _roles.roles_near(left, right)
            if r["cue"] == "dpo" and "fugitive" not in r["roles"]:
                r["roles"] = ["fugitive"] + r["roles"]
            if r["defendant_index"] is not None:
                r["roles"] = ["defendant"] + [x for x in r["roles"] if x != "defendant"]
        else:
            r["roles"] = []
        r["mention_id"] = i
        r["evidence"] = evidence(r["start"], r["end"])
        r.setdefault("place_role", None)
        r.setdefault("country", None)
    df = pd.DataFrame(rows, columns=[c for c in MENTION_COLUMNS if c not in ("source_file", "case_id")])
    df.insert(0, "case_id", doc.case_id or doc.source_file)
    df.insert(0, "source_file", doc.source_file)
    return df[MENTION_COLUMNS]
