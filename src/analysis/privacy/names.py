"""Person names read from the court decisions, in memory only, to check that nothing we write holds one.

The list is read from the decision text by its own simple rules, whatever the extraction
step found, so that it can check that step. ``person_names(text)`` gives one decision's names:

* defendants in the identity blocks (``Nama lengkap :``, ``Nama :``);
* people introduced by a role or honorific: ``Saksi``, ``Saksi Korban``, ``Korban``,
  ``Anak Korban``, ``Terdakwa``, ``Tersangka``, ``Pelapor``, ``Sdr.``, ``Sdri.``, ``Saudara``,
  ``bernama``, ``Pelaku``, ``inisial``, ``atas nama``, and officials after a police or military
  rank (``Bripka``, ``AKP``, ...) or an office (``Hakim``, ``Panitera``, ``Penyidik``, ``Jaksa``);
* aliases (``alias``, ``als.``, ``@``) and parents (``bin``, ``binti``), each as a name of its own;
* people written before a status in brackets: ``(DPO)``, ``(berkas terpisah)``, ``(belum tertangkap)``.

A name is cut at the first word that cannot be part of one (``data/link_not_names.csv`` and the
role words) or that the decision itself writes in lower case three times or more (an ordinary
word of that decision, such as a capitalised "Menerangkan"). Placeholders — a role and a number
where the court withholds the name (``Terdakwa I``, ``Saksi 4``, ``Anak Korban Anak 1``) — are
not names: their role words and numbers are dropped and nothing is left. One-word names are
kept when they have three letters or more.

Two uses, two rules (see ``NameList``):

* **per decision** — a public label (agency, company, place) is checked against every name of
  every decision it comes from, one-word names included (``label_holds_name``);
* **globally** — tracked files, built tables and rendered reports are scanned for names of two
  words or more, and for one-word names only when the word is never written in lower case in
  the whole corpus and is not a place name (``guard_names``): ordinary words such as "Makmur"
  or places such as "Batam" would otherwise hit every page.

The names stay in memory; they are never written to disk and never returned by the scans.

>>> sorted(person_names("Nama lengkap : FULAN bin FULANAH ; Tempat lahir : X"))
['fulan', 'fulanah']
>>> sorted(person_names("keterangan Saksi Korban Anak 1 dan Terdakwa II di persidangan"))
[]
>>> sorted(person_names("bahwa Sdri. WIRANTI Alias GANDUL bersama KARTOLO (DPO) berangkat"))
['gandul', 'kartolo', 'wiranti']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import pandas as pd

#: Words that introduce a person or stand in for one; never part of a name.
ROLE_WORDS = frozenset({
    "terdakwa", "tersangka", "saksi", "korban", "anak", "pelapor", "terlapor", "sdr", "sdri", "saudara",
    "saudari", "pelaku", "bernama", "inisial", "ahli", "verbalisan", "penyidik", "hakim", "panitera",
    "jaksa", "penuntut", "umum", "pengganti", "ketua", "anggota", "majelis", "penasihat", "penasehat",
    "hukum", "advokat", "pengacara", "notaris", "dpo", "als", "alias", "bin", "binti", "alm", "almh",
    "almarhum", "almarhumah", "ibu", "bapak", "bpk", "tuan", "nyonya", "ny", "nona", "an", "nama",
    "lengkap", "mahkamah", "pengadilan", "polisi", "kepolisian", "tempat", "lahir", "umur", "tahun",
    # words that follow a cue in a detention list, a signature or a page footer
    "perpanjangan", "pertama", "kedua", "ketiga", "disclaimer", "ttd", "menimbang", "mengadili", "pdm", "tppo",
    "reg", "register", "kepala", "hakim-hakim", "pn", "kejaksaan", "kepaniteraan", "mengetahui", "dto",
})
#: Police and military ranks written before an official's name ("Penyidik Bripka ...").
RANKS = frozenset({"bripka", "brigpol", "brigadir", "briptu", "bripda", "aipda", "aiptu", "iptu", "ipda", "akp",
                   "kompol", "akbp", "kombes", "serda", "serka", "sertu", "kopda", "praka", "kapten", "letda",
                   "lettu", "mayor", "kolonel"})
_ROMAN = re.compile(r"^(?:[ivxlc]+|\d+)$")

_TOK = r"[A-Z][A-Za-z'’\-]*\.?"
_GAP = r"[ \t]+"
_NAME = rf"{_TOK}(?:{_GAP}(?:(?i:bin|binti|alias|als\.?)|@){_GAP}{_TOK}|{_GAP}{_TOK}){{0,6}}"
_CUES = (r"saksi(?:\s+korban|\s+anak)?|anak\s+korban|anak\s+saksi|korban|terdakwa|tersangka|pelapor|terlapor|"
         r"sdri?\.?|saudar[ai]|bernama|pelaku|inisial|atas\s+nama|a\.\s?n\.|alias|als\.?|binti|bin|@|"
         r"hakim(?:\s+ketua|\s+anggota)?|panitera(?:\s+pengganti)?|penyidik|jaksa|penuntut\s+umum|"
         r"bripka|brigpol|brigadir|briptu|bripda|aipda|aiptu|iptu|ipda|akp|kompol|akbp|kombes|serda|serka|sertu|"
         r"kopda|praka|kapten|letda|lettu|mayor|kolonel")
_NUMBER = r"(?:[ \t]+(?:[IVX]{1,4}|\d{1,2})\b)?"
CUE_RX = re.compile(rf"(?<![\w])(?P<cue>(?i:{_CUES}))(?![\w]){_NUMBER}[ \t]*[:.,]?[ \t]*\n?[ \t]*(?P<name>{_NAME})")
IDENTITY_RX = re.compile(r"(?i:nama(?:\s+lengkap)?)\s*:\s*(?P<name>[^\n:;,0-9]{2,80})")
STATUS_RX = re.compile(r"\((?i:[^()\n]{0,25}(?:dpo|terpisah|belum\s+tertangkap)[^()\n]{0,25})\)")
_NAME_BEFORE_RX = re.compile(rf"(?<![\w.])(?P<name>{_NAME})[ \t]*$")
COMPANY_RX = re.compile(rf"(?<![\w])(?:P\.?\s?T|CV|LPK|LKP|Lembaga|LEMBAGA|Yayasan|YAYASAN|UD|PJTKI|P3MI)\.?[ \t]+(?P<name>{_NAME})")
# Words before "bernama" / "atas nama" that show the name is a business's or a group's.
_NAMES_A_THING = re.compile(r"(?i)\b(?:lkp|lpk|pt|cv|smk|sekolah|lembaga|usaha|perusahaan|toko|yayasan|grup|group|"
                            r"hotel|spa|kapal|akun|aplikasi|kursus|travel|agen|agensi|klinik|restoran|kafe|cafe)\b")
_SPLIT = re.compile(r"\s+(?:(?i:bin|binti|alias|als\.?)|@)\s+|\s*[(/]\s*", re.UNICODE)
_WORD = re.compile(r"[a-z]+(?:['’\-][a-z]+)*")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Words that end a name: the extraction's stop list (``data/link_not_names.csv``) and ``ROLE_WORDS``.

    >>> {"dan", "saksi", "bripka"} <= stop_words()
    True
    """
    with resources.files("analysis").joinpath("data/link_not_names.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    return frozenset(df["word"].str.lower()) | ROLE_WORDS | LABEL_TYPE_WORDS


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def lower_counts(text: str) -> Counter:
    """How often each word of three letters or more is written in lower case in ``text``.

    >>> lower_counts("ketika Gandul ketika")["ketika"]
    2
    """
    return Counter(re.findall(r"(?<![\w\-])[a-z]{3,}(?:-[a-z]+)*(?![\w\-])", text))


def _clean(part: str, common: frozenset[str]) -> str:
    """One written name (no connector inside) to its folded words, cut at the first non-name word."""
    keep: list[str] = []
    words = part.split()
    stop = stop_words()
    # Leading role words and numbers are a placeholder's ("Anak Korban Anak 1"), not the name; any
    # other word that cannot be part of a name means the cue is followed by no name at all
    # ("atas nama PT ...", "Saksi dan ...").
    while words and (_ROMAN.match(words[0].strip(".,:;").lower()) or words[0].strip(".,:;").lower() in ROLE_WORDS
                     or words[0].strip(".,:;").lower() in RANKS):
        words = words[1:]
    for w in words:
        bare = w.strip(".,:;'’-")
        low = bare.lower()
        if not bare or low in stop or _ROMAN.match(low) or not bare[0].isalpha():
            break
        if bare[0].isupper() and bare[1:].islower() and low in common:
            break
        keep.append(low)
    name = " ".join(" ".join(_words(w)) for w in keep).strip()
    if not name or (" " not in name and len(name) < 3) or name.replace(" ", "") in stop:
        return ""           # too short, or a role word broken by a line ("T erdakwa")
    return name


def person_names(text: str, common: frozenset[str] | None = None) -> set[str]:
    """Every person name of one decision, folded to lower-case words (aliases and parents apart).

    ``common`` (default: words the text writes in lower case three times or more) end a
    title-case name. Placeholders give nothing.

    >>> sorted(person_names("Saksi 4 menerangkan; Saksi SEKAR WULANJARI binti KARTIJO; Bripka Tanuwijoyo Sasmito"))
    ['kartijo', 'sekar wulanjari', 'tanuwijoyo sasmito']
    >>> sorted(person_names("ke rekening atas nama Mekar Gemilang Abadi milik PT MEKAR GEMILANG ABADI"))
    []
    """
    if common is None:
        common = frozenset(w for w, n in lower_counts(text).items() if n >= 3)
    out: set[str] = set()
    companies = {" ".join(_words(m.group("name"))) for m in COMPANY_RX.finditer(text)}
    for rx in (IDENTITY_RX, CUE_RX, STATUS_RX):
        for m in (_names_before_status(text) if rx is STATUS_RX else rx.finditer(text)):
            raw = m.group("name")
            if rx is IDENTITY_RX:
                raw = re.split(r"(?i)\s(?:tempat|umur|jenis|tgl|tanggal)\b", raw)[0]
            elif rx is CUE_RX and _NAMES_A_THING.search(text, max(0, m.start() - 40), m.start()) \
                    and m.group("cue").lower().startswith(("bernama", "atas", "a.")):
                continue        # "LKP bernama ...", "Grup atas nama ...": a business or a group, not a person
            for part in _SPLIT.split(raw):
                name = _clean(part, common)
                if name and not _is_company(name, companies):
                    out.add(name)
    return out


def _is_company(name: str, companies: set[str]) -> bool:
    """Whether a name of two words or more is what the decision writes after a legal form (a bank
    account "atas nama PT X" or a business "bernama X" is a company's, not a person's)."""
    return " " in name and any(c == name or c.startswith(name + " ") for c in companies)


def _names_before_status(text: str):
    # The marker first, then the name just before it: far cheaper than trying a name at every capital.
    for mark in STATUS_RX.finditer(text):
        m = _NAME_BEFORE_RX.search(text, max(0, mark.start() - 80), mark.start())
        if m:
            yield m


def decision_guard(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """One decision's (person names, ordinary words) for ``label_holds_name``; in memory only.

    Ordinary words are those the decision writes in lower case three times or more.

    >>> names, ordinary = decision_guard("Saksi KARTOLO makmur makmur makmur")
    >>> sorted(names), "makmur" in ordinary
    (['kartolo'], True)
    """
    common = frozenset(w for w, n in lower_counts(text).items() if n >= 3)
    return SecretNames(person_names(text, common)), common


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Words of known place names: the Indonesian gazetteer, the transit/destination places,
    court seats and countries. A one-word "name" that is one of them is not checked globally,
    and a label that is a known place is never taken for a person's name.

    >>> {"batam", "malaysia", "indramayu"} <= place_words()
    True
    """
    words: set[str] = set()
    data = resources.files("analysis").joinpath("data")
    for fname, cols in (("link_places.csv", ("name", "variants")), ("court_seats.csv", ("seat", "province", "served_area")),
                        ("countries.csv", None), ("gazetteer_aliases.csv", ("alias", "note"))):
        with data.joinpath(fname).open(encoding="utf-8") as fh:
            df = pd.read_csv(fh, dtype=str, keep_default_na=False)
        for c in (cols or df.columns):
            if c in df:
                for v in df[c]:
                    words |= set(_words(v))
    try:
        from analysis.news.gazetteer import _surface_forms

        for form in _surface_forms():
            words |= set(_words(form))
    except ImportError:          # the gazetteer package is optional for this check
        pass
    return frozenset(words)


#: Words of legal forms and agency names: part of a label's type, never a person's name in it.
LABEL_TYPE_WORDS = frozenset({
    "pt", "cv", "lpk", "p3mi", "pptkis", "pjtki", "blkln", "ud", "yayasan", "polda", "polres", "polresta",
    "polrestabes", "polsek", "bareskrim", "bp2mi", "bp3mi", "upt", "kp2mi", "kantor", "imigrasi", "kejaksaan",
    "negeri", "kejari", "disnaker", "dinas", "tenaga", "kerja", "kbri", "kjri", "lantamal", "lanal",
    "pangkalan", "tni", "al", "kelas", "tpi", "polri", "mabes", "lkp", "blk", "ln", "blk-ln", "p3mi", "ppmi",
    "polisi", "resor", "sektor", "daerah", "kota", "kabupaten", "provinsi", "propinsi",
})


def _phrase_in(words: list[str], name: str) -> bool:
    nw = name.split()
    n = len(nw)
    return any(words[i:i + n] == nw for i in range(len(words) - n + 1))


def label_holds_name(label: str, names: Iterable[str], ordinary: frozenset[str] = frozenset()) -> bool:
    """Whether a public label holds one of ``names`` (one decision's or several decisions' names).

    A name of two words or more counts when its words stand together in the label, or when the
    label's own words (beyond its legal form, agency and places) are all words of that name. A
    one-word name counts when it is a whole word of the label, unless
    the word is a place name (``place_words``), a word of a legal form or agency
    (``LABEL_TYPE_WORDS``), or one of ``ordinary`` (the words the decision writes in lower case,
    such as "makmur" or "sejahtera"): a company named after a common word keeps its name.

    >>> label_holds_name("LPK WIRANTI", ["wiranti"])
    True
    >>> label_holds_name("PT MEKAR SENTANU", ["sentanu"], ordinary=frozenset({"sentanu"}))
    False
    >>> label_holds_name("Polres Indramayu", ["indramayu"])
    False
    >>> label_holds_name("PT Gandrung Wisesa Abadi", ["gandrung wisesa"])
    True
    >>> label_holds_name("LPK WISESA", ["gandrung wisesa"]), label_holds_name("PT WISESA ABADI", ["gandrung wisesa"])
    (True, False)
    """
    words = _words(label)
    if not words:
        return False
    skip = place_words() | LABEL_TYPE_WORDS | ordinary
    own = set(words) - skip
    bare = set(words) - LABEL_TYPE_WORDS
    for n in names:
        if " " in n:
            parts = set(n.split()) - skip - stop_words()
            if parts and _phrase_in(words, n):
                return True
            # A part of a longer name (one word of a three-word name) counts only when the label
            # is nothing but such parts beside its legal form ("LPK" and that word): a single name word
            # inside a longer company name is too often an ordinary word of that name.
            if bare and bare <= {w for w in parts if len(w) >= 3}:
                return True
        elif n in own and n not in stop_words():
            return True
    return False


ROLE_THEN_NAME_RX = re.compile(
    r"(?<![\w])(?i:terdakwa|tersangka|saksi|korban|anak|pelapor|sdri?\.?|saudar[ai]|bernama|pelaku)"
    r"(?:\s+(?:[IVX]{1,4}|\d{1,2}))?\s+(?P<next>[A-Za-z][\w'’\-]*)")


def role_then_name(label: str) -> bool:
    """Whether a label holds a role word followed by a word that is no role or number (a name).

    >>> role_then_name("Polda Terdakwa Fulan"), role_then_name("Imigrasi Saksi"), role_then_name("Polres Kota")
    (True, False, False)
    """
    for m in ROLE_THEN_NAME_RX.finditer(label):
        nxt = m.group("next").lower()
        if nxt not in ROLE_WORDS and not _ROMAN.match(nxt):
            return True
    return False


class SecretNames(frozenset):
    """A set of names whose printed form is only its size, so that a failing test, a log line or
    a traceback never shows a name.

    >>> SecretNames({"fulan fulanah"})
    <1 names>
    """

    def __repr__(self) -> str:
        return f"<{len(self)} names>"

    __str__ = __repr__


@dataclass(repr=False)
class NameList:
    """Names per decision file (in memory) and the corpus-wide lower-case word counts.

    Printed, it shows counts only (``repr``), never a name.
    """

    by_file: dict[str, set[str]] = field(default_factory=dict)
    lower: Counter = field(default_factory=Counter)
    ordinary: dict[str, frozenset[str]] = field(default_factory=dict)
    company_words: set[str] = field(default_factory=set)

    def __repr__(self) -> str:
        return f"<NameList of {len(self.by_file)} decisions>"

    __str__ = __repr__

    def all_names(self) -> SecretNames:
        return SecretNames(set().union(*self.by_file.values()) if self.by_file else set())

    def guard(self, *, min_chars: int = 6) -> SecretNames:
        """Names checked globally (tracked files, built tables, rendered reports).

        * every name of two words or more (eight characters or more) that holds a word of
          three letters or more which is not ordinary (written in lower case somewhere in the
          corpus), not a place and not a stop word;
        * a one-word name only when it has ``min_chars`` letters or more, is never written in
          lower case in the corpus, is no place, stop word or word of a company's name: short
          names and words that also name companies would otherwise hit ordinary text.

        One-word names outside this list are still checked, per decision, against the labels of
        that decision (``label_holds_name``).
        """
        places, stop = place_words(), stop_words()
        out = set()
        for n in self.all_names():
            ws = n.split()
            if len(ws) > 1:
                if len(n) >= 8 and any(len(w) >= 3 and w not in self.lower and w not in places and w not in stop
                                       for w in ws):
                    out.add(n)
            elif (len(n) >= min_chars and n not in self.lower and n not in places and n not in stop
                  and n not in self.company_words):
                out.add(n)
        return SecretNames(out)


def read_names(decisions_dir: str | Path) -> NameList:
    """Every decision's person names and the corpus's lower-case word counts (in memory only)."""
    nl = NameList()
    for p in sorted(Path(decisions_dir).glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        counts = lower_counts(text)
        nl.lower.update(counts)
        nl.ordinary[p.name] = frozenset(w for w, c in counts.items() if c >= 3)
        nl.by_file[p.name] = person_names(text, nl.ordinary[p.name])
        nl.company_words |= {w for m in COMPANY_RX.finditer(text) for w in _words(m.group("name"))}
    return nl


_PSEUDONYM = re.compile(r"^[A-Z]-[0-9a-f]{6,}$")


def label_leaks(actors: pd.DataFrame, file_of_case: dict[str, str], names: NameList) -> pd.DataFrame:
    """Public labels (agency, company, place) that hold a person name of their own decisions.

    Returns ``actor_id``, ``kind`` and ``reason`` (``name`` or ``role+name``) — never the label or
    the name, so the result can be printed. ``file_of_case`` maps a case id to its decision file.

    >>> nl = NameList(by_file={"a.txt": {"wirapati"}}, ordinary={"a.txt": frozenset()})
    >>> t = pd.DataFrame({"actor_id": ["C-1", "A-2", "A-3"], "kind": ["company", "agency", "agency"],
    ...                   "label": ["LPK WIRAPATI", "Polda Saksi Wirapati", "Polres Kota Blitar"],
    ...                   "cases": [["1/X"], ["1/X"], ["1/X"]]})
    >>> label_leaks(t, {"1/X": "a.txt"}, nl).values.tolist()
    [['C-1', 'company', 'name'], ['A-2', 'agency', 'role+name']]
    """
    rows = []
    for r in actors.loc[actors["kind"] != "person"].itertuples(index=False):
        label = str(r.label)
        if _PSEUDONYM.match(label):
            continue
        files = [f for f in (file_of_case.get(c) for c in list(r.cases)) if f]
        own = set().union(*(names.by_file.get(f, set()) for f in files)) if files else set()
        if role_then_name(label) and (r.kind == "agency" or any(w in own for w in _words(label))):
            rows.append((r.actor_id, r.kind, "role+name"))
        elif any(label_holds_name(label, names.by_file.get(f, set()), names.ordinary.get(f, frozenset()))
                 for f in files):
            rows.append((r.actor_id, r.kind, "name"))
    return pd.DataFrame(rows, columns=["actor_id", "kind", "reason"])


def guard_names(decisions_dir: str | Path) -> SecretNames:
    """The names scanned for in every tracked file, built table and rendered report (``NameList.guard``)."""
    return read_names(decisions_dir).guard()


def names_from_text(text: str, *, min_words: int = 1) -> set[str]:
    """Names of the identity lines only (``Nama lengkap :``), with at least ``min_words`` words.

    >>> names_from_text("Nama lengkap : Fulan Bin Fulanah Tempat lahir : X")
    {'fulan'}
    >>> names_from_text("Nama lengkap : TERSANGKA III")
    set()
    """
    out = set()
    for m in re.finditer(r"(?i:nama\s+lengkap)\s*:\s*(?P<name>[^\n:;,0-9]{2,80})", text):
        raw = re.split(r"(?i)\s(?:tempat|umur|jenis|tgl|tanggal)\b", m.group("name"))[0]
        name = _clean(_SPLIT.split(raw)[0], frozenset())
        if name and len(name.split()) >= min_words:
            out.add(name)
    return out


def decision_names(decisions_dir: str | Path, *, min_words: int = 2, min_len: int = 10) -> SecretNames:
    """Full names (≥ ``min_words`` words, ≥ ``min_len`` characters) from every decision's identity lines."""
    names: set[str] = set()
    for p in sorted(Path(decisions_dir).glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        names |= {n for n in names_from_text(text, min_words=min_words) if len(n) >= min_len}
    return SecretNames(names)


def find_names(text: str, names: set[str]) -> list[str]:
    """The reference names that occur in ``text`` (case-insensitive, whole words).

    Fast on long lists: the text's words are looked up in a set first.

    >>> find_names("Seen: FULAN  Fulanah, then karto.", {"fulan fulanah", "karto", "wiryo"})
    ['fulan fulanah', 'karto']
    """
    words = _words(text)
    present = set(words)
    hits = []
    for n in names:
        ws = n.split()
        if not all(w in present for w in ws):
            continue
        if len(ws) == 1 or _phrase_in(words, n):
            hits.append(n)
    return sorted(hits)
