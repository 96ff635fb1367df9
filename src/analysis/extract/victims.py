"""Victims of one decision: one row per victim, or per group when the decision gives only a count.

A decision names its victims as witnesses (``saksi korban``, ``anak korban``) or counts them
(``6 (enam) orang CPMI``, ``korban sebanyak 3 orang``). This module reads, from a parsed
decision (``analysis.extract.model.ParsedDecision``):

* the **number of victims**: a count stated in the facts found or the judges' considerations
  (``6 (enam) orang CPMI``, ``korban sebanyak 3 orang``; counts of other people, quotas and
  job orders left out); else the number of distinct victims the decision names (persons with
  the role ``victim`` from ``analysis.extract.mentions``, grouped by
  ``analysis.link.within_case``, or written after ``PMI atas nama``; each named at least
  twice); else a count stated elsewhere (charges, testimony); else a count that introduces a
  list (``2 (dua) orang yaitu ...``); else, in decisions with masked names, the victims
  numbered ``Saksi Korban I, II`` or the one ``Saksi Korban`` spoken of in the singular
  throughout; else nothing — never a guess;
* per victim: a keyed pseudonym (``analysis.privacy.pseudonym`` kind ``victim``, key = case
  + folded name), sex and age from the identity next to the first mention, and the origin
  (village, district, regency, province with Kemendagri codes, through the project
  gazetteer ``analysis.news.gazetteer``);
* per decision (shared by its victims unless a victim's own context says otherwise): the
  destination country (``analysis.extract.case_fields.destination_countries``; ``Indonesia``
  when the decision names none abroad and a kind of exploitation is known) and city (a short
  list of cities abroad, ``FOREIGN_CITIES``), transit points, recruitment means, exploitation
  type, dates of recruitment and departure (``analysis.clean.dates.find_dates``) and the
  amount paid (``analysis.clean.numbers.parse_rupiah``).

Every filled field carries its evidence: ``evidence`` holds ``field:start-end`` pairs in raw
file offsets (the coordinates of ``ties.evidence``). No name is ever stored: a street
address, RT/RW or house number is never read, only village and above.

``victims_table(parsed)`` builds the table for many decisions; ``n_victims_from(victims)``
gives ``cases.n_victims`` (the sum of group sizes, empty where a decision states no count).

>>> from analysis.extract.model import ParsedDecision
>>> t = ("Bahwa fakta hukum: Terdakwa merekrut 3 (tiga) orang korban yang berasal dari Kabupaten "
...      "Lombok Timur untuk dipekerjakan di perkebunan kelapa sawit di Malaysia.")
>>> d = ParsedDecision(source_file="1_x.txt", raw_text=t, text=t, to_raw=list(range(len(t))), case_id="1/X")
>>> v = decision_victims(d, key=b"k")
>>> v[["group_size", "origin_regency", "origin_province", "destination_country", "exploitation_type"]].values.tolist()
[[3, 'Kabupaten Lombok Timur', 'Nusa Tenggara Barat', 'Malaysia', 'plantation']]
>>> int(n_victims_from(v).loc["1/X"])
3
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from analysis.clean.dates import find_dates
from analysis.clean.numbers import parse_rupiah
from analysis.extract import case_fields as cf
from analysis.extract.model import ParsedDecision
from analysis.extract.names import is_anonymised_label
from analysis.privacy import pseudonym
from analysis.schemas.victims import EXPLOITATION_TYPES

VICTIM_COLUMNS = [
    "case_id", "source_file", "victim_no", "victim_id", "group_size", "anchor",
    "sex", "age", "minor",
    "origin_village", "origin_district", "origin_regency", "origin_regency_code", "origin_province",
    "origin_province_code",
    "destination_country", "destination_city", "transit", "recruitment_means", "exploitation_type",
    "recruitment_date", "departure_date", "amount_paid_idr", "n_victims_stated", "evidence",
]

# ---------------------------------------------------------------- the number of victims

_NUM = r"(\d{1,3})\s*(?:\(\s*[a-z][a-z\s-]*\)\s*)?"
_VICTIM_NOUN = (r"(?:(?:saksi\s+|anak\s+)?korban|(?:calon\s+)?(?:C\s?P\s?M\s?I|P\s?M\s?I|TKI|TKW)"
                r"|calon\s+pekerja(?:\s+migran(?:\s+Indonesia)?)?|pekerja\s+migran(?:\s+Indonesia)?"
                r"|calon\s+tenaga\s+kerja|anak\s+(?:perempuan|di\s+bawah\s+umur)|siswa|siswi|peserta\s+magang|mahasiswa)")
_COUNT_RX = [
    # "6 (enam) orang CPMI", "3 orang korban", "2 (dua) orang saksi korban"
    re.compile(_NUM + r"orang\s+" + _VICTIM_NOUN + r"\b", re.IGNORECASE),
    # "korban sebanyak 3 orang", "CPMI tersebut berjumlah 6 (enam) orang"
    re.compile(_VICTIM_NOUN + r"\b[^.;\n]{0,60}?\b(?:sebanyak|sejumlah|berjumlah|total|seluruhnya)\s+"
               + _NUM + r"orang", re.IGNORECASE),
    # an enumeration: "2 (dua) orang yaitu ...", "3 (tiga) orang perempuan diantaranya ..."
    re.compile(_NUM + r"orang\s+(?:(?:perempuan|wanita|laki-laki|pria|anak|saksi|gadis|remaja)\s+)?,?\s*"
               r"(?:yaitu|yakni|di\s?antaranya|antara\s+lain|masing-masing\s+bernama|atas\s+nama|bernama)\b", re.IGNORECASE),
]
# Counts of other people than the victims of the offence: "3 orang CPMI yang lain", a quota or
# a job order ("kuota sebanyak 40 orang", "jumlah permintaan 62 orang").
_OTHERS_AFTER = re.compile(r"\s*(?:(?:yang\s+)?(?:lain(?:nya)?|sebelumnya|terdahulu)|per\s*hari|perhari|setiap\s+(?:hari|malam)"
                           r"|sehari|semalam|per\s*malam|tamu|pelanggan)\b", re.IGNORECASE)
_OTHERS_BEFORE = re.compile(r"\b(?:lain(?:nya)?|kuota|quota|permintaan|permintan|job\s*order|kebutuhan|target|"
                            r"pernah|sebelumnya|dilatih|di\s?latih)\b[^.;]{0,30}$", re.IGNORECASE)
_FACT_SECTIONS = ("facts", "considerations")
MAX_VICTIMS = 999


def stated_counts(doc: ParsedDecision, enumerations: bool = False) -> list[tuple[int, int, int, float]]:
    """Every stated victim count: ``(count, start, end, weight)`` in cleaned-text offsets; counts
    in the facts or considerations weigh 2, elsewhere 1. With ``enumerations``, the counts that
    only introduce a list of people (``2 (dua) orang yaitu ...``) instead of naming victims.

    >>> from analysis.extract.model import ParsedDecision
    >>> t = "CPMI tersebut berjumlah 6 (enam) orang; ada 2 orang korban"
    >>> [c[0] for c in stated_counts(ParsedDecision("f", t, t, list(range(len(t)))))]
    [6, 2]
    """
    text = doc.text or ""
    facts = [doc.sections[s] for s in _FACT_SECTIONS if s in doc.sections]
    n_patterns = len(_COUNT_RX) if enumerations else 2
    out = []
    seen = set()
    for rx in _COUNT_RX[:n_patterns]:
        if enumerations and rx is not _COUNT_RX[-1]:
            continue
        for m in rx.finditer(text):
            if m.start(1) in seen:
                continue
            seen.add(m.start(1))
            n = int(m.group(1))
            if not 0 < n <= MAX_VICTIMS:
                continue
            if _OTHERS_AFTER.match(text, m.end(), m.end() + 20) or _OTHERS_BEFORE.search(text[max(0, m.start() - 50):m.start() + 1]) \
                    or _OTHERS_BEFORE.search(text[m.start():m.end()]):
                continue
            w = 2.0 if any(s <= m.start() < e for s, e in facts) else 1.0
            out.append((n, m.start(), m.end(), w))
    return sorted(out, key=lambda c: c[1])


_LABEL = re.compile(r"\b(?:Saksi\s+|Anak\s+)?Korban\s+(?:(?P<roman>I{1,3}|IV|VI{0,3}|IX|X)|(?P<digit>\d{1,2}))\b(?!\s*(?:orang|tahun|bulan|hari|\())")
_SINGULAR = re.compile(r"\b(?:Saksi|Anak)\s+Korban\b(?!\s+(?:I{1,3}|IV|VI{0,3}|\d)\b)")
_PLURAL = re.compile(r"\b(?:para|kedua|ketiga|keempat|kelima|beberapa)\s+(?:saksi\s+|anak\s+)?korban\b|\bkorban-korban\b"
                     r"|\b(?:saksi|anak)-(?:saksi|anak)\s+korban\b", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
SINGULAR_MIN = 5   # "Saksi Korban" written this often, never in the plural: the decision has one victim


def labelled_victims(text: str) -> tuple[int, int, int] | None:
    """Victims a decision with masked names tells apart by number (``Saksi Korban I``,
    ``Anak Korban 2``): ``(how many, start, end)`` of the highest label; or one victim when it
    speaks of ``Saksi Korban``/``Anak Korban`` often and never in the plural.

    >>> labelled_victims("Saksi Korban I dan Anak Korban II; Saksi Korban I")[0]
    2
    >>> labelled_victims("Saksi Korban pergi; " * 5)[0], labelled_victims("para saksi korban; " + "Saksi Korban pergi; " * 5)
    (1, None)
    """
    labels = {}
    for m in _LABEL.finditer(text or ""):
        n = _ROMAN[m.group("roman")] if m.group("roman") else int(m.group("digit"))
        labels.setdefault(n, (m.start(), m.end()))
    if labels:
        top = max(labels)
        # numbered 1..N without gaps, or it is no enumeration of victims
        if set(labels) == set(range(1, top + 1)):
            return top, *labels[top]
        return None
    singular = list(_SINGULAR.finditer(text or ""))
    if len(singular) >= SINGULAR_MIN and not _PLURAL.search(text or ""):
        return 1, singular[0].start(), singular[0].end()
    return None


def choose_count(counts: list[tuple[int, int, int, float]]) -> tuple[int, int, int] | None:
    """The count the decision rests on: the one stated most often (by weight), ties to the larger.

    >>> choose_count([(6, 0, 5, 2.0), (5, 9, 12, 1.0), (6, 20, 25, 1.0)])
    (6, 0, 5)
    >>> choose_count([]) is None
    True
    """
    if not counts:
        return None
    score: Counter = Counter()
    for n, _, _, w in counts:
        score[n] += w
    best = max(score, key=lambda n: (score[n], n))
    first = next(c for c in counts if c[0] == best and c[3] == max(x[3] for x in counts if x[0] == best))
    return best, first[1], first[2]


# ---------------------------------------------------------------- named victims

def _entities(doc: ParsedDecision) -> tuple[pd.DataFrame, pd.DataFrame]:
    parts = getattr(doc, "actor_parts", None)
    if isinstance(parts, tuple) and len(parts) >= 2:
        return parts[0], parts[1]
    from analysis.extract.mentions import find_mentions
    from analysis.link.within_case import resolve_within_case

    mentions = find_mentions(doc)
    ents, mentions = resolve_within_case(mentions, doc.defendants)
    return ents, mentions


def _span_of(evidence: str) -> tuple[int, int] | None:
    m = re.search(r":(\d+)-(\d+)$", evidence or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


NAMED_MIN_MENTIONS = 2       # a person called a victim once in passing is not counted
NAMED_SHARE_OF_TOP = 0.03    # nor one named far less often than the most-named victim


# A person written right after "PMI atas nama", "CPMI an.", "calon pekerja migran bernama" is one of
# the migrants sent, i.e. a victim of the offence, though no "korban" cue stands next to the name.
_MIGRANT_BEFORE = re.compile(r"\b(?:C\s?P\s?M\s?I|P\s?M\s?I|TKI|TKW|calon\s+pekerja(?:\s+migran)?(?:\s+Indonesia)?"
                             r"|pekerja\s+migran(?:\s+Indonesia)?)\s*(?:\(\s*[A-Z]+\s*\)\s*)?"
                             r"(?:atas\s*nama|a\.?\s?n\.?|bernama|yaitu|yakni|yang\s+bernama)\s*:?\s*"
                             r"(?:(?:Sdr[ia]?|Saudar[ia]|Nona|Nn|Ny|Tn)\.*\s*)?(?:saksi\s+)?$", re.IGNORECASE)
_NOT_OFFENDER_ROLES = {"victim", "employer"}   # an employer abroad is named beside the migrant it took in
MIGRANT_CUE_MIN = 1


def _named_as_migrant(text: str, starts: list) -> bool:
    n = 0
    for st in starts:
        if st is not None and not pd.isna(st) and _MIGRANT_BEFORE.search(text[max(0, int(st) - 80):int(st)]):
            n += 1
    return n >= MIGRANT_CUE_MIN


def named_victims(doc: ParsedDecision) -> list[dict]:
    """Distinct persons the decision calls victims (not defendants): ``key``, ``mentions``
    (cleaned-text spans, first first), in order of first mention. Names stay in memory only."""
    ents, mentions = _entities(doc)
    if ents is None or len(ents) == 0:
        return []
    raw_to_clean = None
    out = []
    text = doc.text or ""
    by_entity: dict = {}
    if "entity" in mentions.columns:
        cols = ["evidence"] + (["start"] if "start" in mentions.columns else [])
        for ent, grp in mentions.groupby("entity", sort=False)[cols]:
            by_entity[ent] = (grp["evidence"].tolist(), grp["start"].tolist() if "start" in grp else [])
    for e in ents.itertuples(index=False):
        roles = list(e.roles) if e.roles is not None else []
        if e.kind != "person" or "defendant" in roles or is_anonymised_label(e.key):
            continue     # masked labels ("Saksi Korban II") are counted by ``labelled_victims``
        starts = by_entity.get(e.entity, ([], []))[1]
        if "victim" not in roles and not (set(roles) <= _NOT_OFFENDER_ROLES and _named_as_migrant(text, starts)):
            continue
        if getattr(e, "defendant_index", None) is not None and not pd.isna(e.defendant_index):
            continue
        spans = [sp for sp in map(_span_of, by_entity.get(e.entity, ([], []))[0]) if sp]
        if not spans:
            continue
        if raw_to_clean is None:
            raw_to_clean = _raw_to_clean(doc)
        clean = sorted((raw_to_clean(s), raw_to_clean(t - 1) + 1) for s, t in spans)
        same = next((v for v in out if v["key"] == e.key), None)
        if same:   # two entities of one name (told apart by a father's name only): one victim key
            same["spans"] = sorted(same["spans"] + clean)
            same["raw"] = sorted(same["raw"] + sorted(spans))
        else:
            out.append({"key": e.key, "spans": clean, "raw": sorted(spans)})
    if out:
        top = max(len(v["spans"]) for v in out)
        out = [v for v in out if len(v["spans"]) >= max(NAMED_MIN_MENTIONS, NAMED_SHARE_OF_TOP * top)]
    return sorted(out, key=lambda v: v["spans"][0][0])


def _raw_to_clean(doc: ParsedDecision):
    import bisect

    to_raw = doc.to_raw or []
    if not to_raw:
        return lambda i: i

    def f(i: int) -> int:
        return min(bisect.bisect_left(to_raw, i), len(to_raw) - 1)

    return f


# ---------------------------------------------------------------- identity next to a mention

_SEX = re.compile(r"(?:jenis\s+kelamin\s*:?\s*|^[^,;\n]{0,60},\s*)(laki\s*-?\s*laki|perempuan|pria|wanita)\b", re.IGNORECASE)
_AGE = re.compile(r"(?:\b(?:umur|usia|berumur|berusia)|(?:laki\s*-?\s*laki|perempuan)\s*,\s*\+?)\s*(?:/\s*tanggal\s+lahir)?\s*:?\s*(\d{1,2})\s*(?:\(\s*[a-z\s-]+\)\s*)?tahun",
                  re.IGNORECASE)
_PATRONYM = re.compile(r"\b(binti|bin)\b", re.IGNORECASE)
_ORIGIN_CUE = re.compile(r"\b(?:tempat\s+tinggal|alamat|beralamat|berasal\s+dari|asal(?:\s+dari)?|warga|bertempat\s+tinggal"
                         r"|berdomisili|domisili|penduduk)\b", re.IGNORECASE)
_VILLAGE = re.compile(r"\b(?:Desa|Kelurahan|Kel\.|Ds\.)\s*([A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){0,2})")
_DISTRICT = re.compile(r"\b(?:Kecamatan|Kec\.)\s*([A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){0,2})")
_STOP_WORDS = {"Kecamatan", "Kec", "Kabupaten", "Kab", "Kota", "Provinsi", "Prov", "Desa", "Kelurahan", "Dusun", "RT", "RW"}
IDENTITY_WINDOW = 400


def _cut_place_name(name: str) -> tuple[str, int]:
    """The place name before the next level's word, title-cased, and its length as written."""
    words, length = [], 0
    for w in re.finditer(r"\S+", name):
        if w.group().rstrip(".,") in _STOP_WORDS:
            break
        words.append(w.group().rstrip(".,"))
        length = w.start() + len(words[-1])
    return " ".join(words).title(), length


_NOT_REGENCY_BEFORE = re.compile(r"\b(?:Kec(?:amatan)?|Desa|Ds|Kel(?:urahan)?|Dusun|Dsn|Jalan|Jl|Lingkungan|Lk|Kampung|Kp)\.?\s*$",
                                 re.IGNORECASE)
_EXPLICIT = re.compile(r"^(?:Kabupaten|Kab\b|Kota|Provinsi)")


def _regency_places(text: str) -> list:
    """Gazetteer places in ``text`` that are not the name of a district or village written after
    ``Kecamatan``/``Desa``/``Kelurahan`` (``Kec. Tebing Tinggi`` is not the city of that name);
    explicitly prefixed forms (``Kab. Serdang Bedagai``) first."""
    from analysis.news.gazetteer import PlaceMention, find_places

    # Decisions break lines and double spaces inside names ("Kabupaten  Cirebon"): search a copy
    # with every run of white space made one space, and map the offsets back.
    keep = [i for i, ch in enumerate(text) if not (ch.isspace() and i > 0 and text[i - 1].isspace())]
    flat = "".join(" " if text[i].isspace() else text[i] for i in keep)
    keep.append(len(text))
    out = []
    for p in find_places(flat):
        start, end = keep[p.start], keep[p.end - 1] + 1
        if _NOT_REGENCY_BEFORE.search(text[max(0, start - 14):start]):
            continue
        out.append(PlaceMention(start, end, p.text, p.code, p.name, p.level, p.province))
    return sorted(out, key=lambda p: (0 if _EXPLICIT.match(p.text) else 1, p.start))


def identity_near(text: str, start: int, window: int = IDENTITY_WINDOW) -> dict:
    """Sex, age and origin read from the identity written right after a mention at ``start``;
    each value with its cleaned-text span. Street, RT/RW and house number are never read.

    >>> r = identity_near("Saksi X, umur 17 tahun, jenis kelamin Perempuan, tempat tinggal Desa Sukamaju "
    ...     "Kecamatan Pringgabaya Kabupaten Lombok Timur; ", 0)
    >>> r["sex"][0], r["age"][0], r["origin_village"][0], r["origin_district"][0], r["origin_regency"][0]
    ('P', 17, 'Sukamaju', 'Pringgabaya', 'Kabupaten Lombok Timur')
    """
    from analysis.news.gazetteer import find_places

    seg = text[start:start + window]
    out: dict = {}
    m = _SEX.search(seg)
    if m:
        out["sex"] = ("P" if m.group(1).lower() in ("perempuan", "wanita") else "L", start + m.start(), start + m.end())
    m = _AGE.search(seg)
    if m and 0 < int(m.group(1)) < 100:
        out["age"] = (int(m.group(1)), start + m.start(), start + m.end())
    cue = _ORIGIN_CUE.search(seg)
    if cue:
        addr_lo = cue.start()
        addr = seg[addr_lo:addr_lo + 250]
        # the address ends at the next field of the identity or the clause end
        stop = re.search(r";|\n\s*\n|\b(?:Agama|Pekerjaan|Pendidikan|Kewarganegaraan)\b", addr[10:])
        if stop:
            addr = addr[:10 + stop.start()]
        base = start + addr_lo
        for key, rx in (("origin_village", _VILLAGE), ("origin_district", _DISTRICT)):
            m = rx.search(addr)
            if m:
                name, length = _cut_place_name(m.group(1))
                if name:
                    out[key] = (name, base + m.start(), base + m.start(1) + length)
        for p in _regency_places(addr):
            if p.level == 2 and "origin_regency" not in out:
                out["origin_regency"] = (p.name, base + p.start, base + p.end, p.code, p.province)
            elif p.level == 1 and "origin_province" not in out:
                out["origin_province"] = (p.name, base + p.start, base + p.end, p.code)
    if "sex" not in out:
        m = _PATRONYM.search(seg[:80])
        if m:
            out["sex"] = ("P" if m.group(1).lower() == "binti" else "L", start + m.start(), start + m.end())
    return out


# ---------------------------------------------------------------- case-level facts

_CASE_ORIGIN = re.compile(r"\b(?:berasal\s+dari|asal(?:\s+dari)?|warga|penduduk|direkrut\s+dari|dari\s+daerah"
                          r"|dari(?=\s+(?:Kabupaten|Kab\.|Kota)\s))\s+", re.IGNORECASE)
_DEFENDANT_WORD = re.compile(r"\bTerdakwa\b", re.IGNORECASE)
# "mobil tersebut berasal dari Kota X": a vehicle, money or goods, not the victims
_THING_BEFORE = re.compile(r"\b(?:mobil|kendaraan|pesawat|kapal|bus|speedboat|uang|dana|barang|paket|surat|dokumen|tiket)\b",
                           re.IGNORECASE)
_VICTIM_WORD = re.compile(r"\b(?:korban|C?PMI|TKI|TKW|calon\s+pekerja|pekerja\s+migran)\b", re.IGNORECASE)


def case_origins(doc: ParsedDecision) -> list[tuple]:
    """Regencies the victims are said to come from (``berasal dari Lombok Timur``), in a clause
    that speaks of the victims: ``(name, start, end, code, province)``, most cited first."""
    from analysis.news.gazetteer import find_places

    text = doc.text or ""
    hits: dict[str, list] = {}
    for m in _CASE_ORIGIN.finditer(text):
        clause = text[cf._clause_start(text, m.start(), 200):m.start()]
        about_victims = _VICTIM_WORD.search(clause) or _VICTIM_WORD.search(text[m.end():m.end() + 80])
        if not about_victims and (m.group(0).lower().startswith("dari") or _DEFENDANT_WORD.search(clause[-40:])):
            continue
        if _THING_BEFORE.search(clause[-40:]):
            continue
        seg = text[m.end():m.end() + 150]
        cut = re.search(r"[;]\s|\.\s+[A-Z]|\n\s*\n|\b(?:ke|menuju|tujuan|lalu|kemudian|untuk|dengan)\b", seg)
        seg = seg[:cut.start()] if cut else seg
        for p in _regency_places(seg):
            if p.level == 2:
                hits.setdefault(p.name, []).append((p.name, m.end() + p.start, m.end() + p.end, p.code, p.province))
                break
    ranked = [v[0] for v in sorted(hits.values(), key=lambda v: -len(v))]
    return ranked or _locus_origin(doc) or _dominant_regency(doc)


_LOCUS = re.compile(r"\bbertempat\s+(?:tinggal\s+)?di\b", re.IGNORECASE)


def _locus_origin(doc: ParsedDecision) -> list[tuple]:
    """The regency of the first place of the offence written in the facts (``bertempat di ...
    Kabupaten Cirebon``): where the victims were recruited, when nothing says where they came from."""
    text = doc.text or ""
    for lo, hi in _fact_spans(doc):
        for m in _LOCUS.finditer(text, lo, hi):
            seg = text[m.end():m.end() + 200]
            cut = re.search(r"[;]|\byang\b|\n\s*\n", seg)
            seg = seg[:cut.start()] if cut else seg
            for p in _regency_places(seg):
                if p.level == 2 and _EXPLICIT.match(p.text):
                    return [(p.name, m.end() + p.start, m.end() + p.end, p.code, p.province)]
            break
    return []


DOMINANT_SHARE = 0.6   # the most cited regency must hold this share of all explicit regency mentions


def _dominant_regency(doc: ParsedDecision) -> list[tuple]:
    """The regency written out (``Kabupaten X``/``Kota X``) far more often than any other, if any."""
    from analysis.news.gazetteer import find_places

    text = doc.text or ""
    found = [p for p in find_places(text) if p.level == 2 and _EXPLICIT.match(p.text)]
    if not found:
        return []
    c = Counter(p.name for p in found)
    name, n = c.most_common(1)[0]
    if n < DOMINANT_SHARE * len(found):
        return []
    p = next(p for p in found if p.name == name)
    return [(p.name, p.start, p.end, p.code, p.province)]


_EXPLOIT_RX = {
    "domestic_work": r"\b(?:asisten\s+rumah\s+tangga|pembantu\s+rumah\s+tangga|\bART\b|\bPRT\b|penata\s+laksana\s+rumah\s+tangga"
                     r"|pekerja\s+(?:rumah\s+tangga|domestik)|baby\s*sit+er|baby\s+sister|pengasuh\s+(?:anak|bayi|lansia)"
                     r"|house\s*maid|domestic\s+worker|merawat\s+(?:orang\s+tua|lansia)|caregiver|perawat\s+lansia"
                     r"|(?:pengurus|penjaga|jaga|menjaga|mengurus|merawat)\s+(?:lansia|orang\s+(?:tua|jompo)|nenek|kakek|manula)"
                     r"|(?:mengasuh|menjaga)\s+(?:anak|bayi))",
    "sexual_exploitation": r"\b(?:prostitusi|pelacur\w*|PSK|pekerja\s+seks|seks\s+komersial|eksploitasi\s+seksual"
                           r"|hubungan\s+(?:badan|seksual|intim)|persetubuhan|bersetubuh|open\s*BO|\bBO\b|booking\s+(?:out|luar)|\bBL\b|short\s*time"
                           r"|melayani\s+(?:tamu|laki|pria)|transaksi\s+seksual|pemandu\s+lagu|\bLC\b|ladies|cewek|wanita\s+penghibur"
                           r"|tamu\s+laki|mucikari|germo)",
    "online_scam": r"\b(?:scam\w*|penipuan\s+(?:online|daring)|online\s+scam|judi\s+online|judol|love\s+scam|operator\s+(?:online|komputer)"
                   r"|customer\s+service\s+(?:judi|online)|investasi\s+(?:bodong|palsu)|crypto|kripto|Myawaddy|KK\s+Park)",
    # the boat that smuggles migrants across (a fisherman's boat, its crew) is no workplace
    "fishing_vessel": r"\b(?:kapal\s+(?:ikan|penangkap)|penangkapan\s+ikan|fishing\s+vessel|perikanan"
                      r"|(?:bekerja|dipekerjakan|pekerjaan|kerja)\s+(?:sebagai\s+)?(?:ABK|anak\s+buah\s+kapal|awak\s+kapal))",
    "plantation": r"\b(?:sawit|perkebunan|kebun|ladang|buruh\s+tani|buruh\s+harian\s+lepas\s+di\s+kebun)",
    "construction": r"\b(?:konstruksi|kuli\s+bangunan|proyek\s+pembangunan|pekerja\s+bangunan)",
    "factory": r"\b(?:pabrik|factory|pengepakan|packing|manufaktur|operator\s+produksi)",
    "hospitality": r"\b(?:(?:bekerja|dipekerjakan|kerja|pekerjaan|karyawan|pegawai|pekerja|staf\w*|housekeeping|cleaning\s+service)"
                   r"\s+(?:\w+\s+){0,3}(?:di\s+)?(?:hotel|restoran|rumah\s+makan|kafe|cafe)|pelayan\s+(?:restoran|kafe|cafe)|\bspa\b|karaoke)",
    "begging": r"\b(?:mengemis|pengemis)",
    "organ_removal": r"\b(?:ginjal|transplantasi|organ\s+tubuh)",
    "child_marriage": r"\b(?:kawin\s+kontrak|pernikahan\s+anak|dinikahkan|pengantin\s+pesanan)",
}
_EXPLOIT_COMPILED = {k: re.compile(v, re.IGNORECASE) for k, v in _EXPLOIT_RX.items()}
_NOT_YET = re.compile(r"\b(?:belum\s+(?:sempat\s+)?(?:di)?berangkat\w*|digagalkan|berhasil\s+(?:di)?gagalkan|diamankan\s+sebelum"
                      r"|gagal\s+berangkat|tidak\s+jadi\s+berangkat|belum\s+sempat\s+bekerja|jenis\s+pekerjaan)", re.IGNORECASE)
# The statute's definition of exploitation lists every form ("pelacuran, kerja atau pelayanan
# paksa, perbudakan ..., transplantasi organ"): a cue inside it says nothing of this case.
_STATUTE_WORDS = re.compile(r"\b(?:perbudakan|praktik\s+serupa|pemanfaatan\s+fisik|transplantasi|mentransplantasi)", re.IGNORECASE)
# A type must reach this share of the best type's score to be kept beside it.
EXPLOIT_SHARE_OF_TOP = 0.5


def exploitation_scores(text: str, facts: list[tuple[int, int]] | None = None) -> dict[str, float]:
    """Weighted keyword count per exploitation type (facts and considerations weigh 2).

    >>> exploitation_scores("dijanjikan bekerja sebagai asisten rumah tangga di Arab Saudi")
    {'domestic_work': 1.0}
    """
    facts = facts or []
    out: dict[str, float] = {}
    for kind, rx in _EXPLOIT_COMPILED.items():
        for m in rx.finditer(text or ""):
            if _STATUTE_WORDS.search(text, max(0, m.start() - 200), m.end() + 200):
                continue
            w = 2.0 if any(s <= m.start() < e for s, e in facts) else 1.0
            out[kind] = out.get(kind, 0.0) + w
    return out


def exploitation_type(text: str, facts: list[tuple[int, int]] | None = None) -> tuple[str, tuple[int, int] | None]:
    """The exploitation type the decision is about, and the span of its first cue (in the facts
    when there is one there): sexual exploitation first when it is cited at all often (a karaoke
    bar is hospitality only when no sex is sold), then the best-scored type; ``none_yet`` when
    no type is cited and the departure was stopped, else ``unknown``.

    >>> exploitation_type("bekerja di perkebunan kelapa sawit di Malaysia")[0]
    'plantation'
    >>> exploitation_type("digagalkan di pelabuhan")[0], exploitation_type("tanpa keterangan")[0]
    ('none_yet', 'unknown')
    """
    scores = exploitation_scores(text, facts)
    if not scores:
        m = _NOT_YET.search(text or "")
        return ("none_yet", (m.start(), m.end())) if m else ("unknown", None)
    if scores.get("sexual_exploitation", 0) >= 4 and "hospitality" in scores:
        scores.pop("hospitality")
    best = max(scores, key=lambda k: (scores[k], -EXPLOITATION_TYPES.index(k)))
    rx = _EXPLOIT_COMPILED[best]
    span = None
    for s, e in (facts or []):
        m = rx.search(text, s, e)
        if m:
            span = (m.start(), m.end())
            break
    if span is None:
        m = rx.search(text)
        span = (m.start(), m.end())
    return best, span


_MEANS_RX = [
    ("debt", r"\b(?:hutang|utang|jeratan\s+utang|dipotong\s+gaji\s+untuk\s+membayar)"),
    ("abduction", r"\b(?:diculik|penculikan|dipaksa\s+ikut)"),
    ("marriage_offer", r"\b(?:dijanjikan\s+(?:akan\s+)?dinikahi|diajak\s+menikah|kawin\s+kontrak)"),
    ("study_or_internship_offer", r"\b(?:magang|beasiswa|kuliah\s+sambil\s+kerja|ferienjob)"),
    ("social_media", r"\b(?:facebook|fb|tiktok|instagram|media\s+sosial|medsos|michat|grup\s+whats\s*app|telegram)"),
    ("online_advert", r"\b(?:iklan|lowongan\s+(?:kerja\s+)?(?:online|daring|di\s+internet))"),
    ("family_or_acquaintance", r"\b(?:dari\s+teman|temannya|tetangga|saudara|sepupu|paman|bibi|kenalan|kerabat|ipar)"),
    ("job_offer", r"\b(?:menawarkan\s+pekerjaan|ditawari\s+(?:pekerjaan|kerja|bekerja)|menawari|lowongan|dijanjikan"
                  r"|gaji\s+sebesar|upah\s+sebesar|diiming|iming-iming|akan\s+(?:diberikan|mendapat(?:kan)?|digaji)\s+(?:gaji|upah))"),
]
_MEANS_COMPILED = [(k, re.compile(v, re.IGNORECASE)) for k, v in _MEANS_RX]


def recruitment_means(text: str) -> tuple[str, tuple[int, int] | None]:
    """How the victims were drawn in: the most cited means (a job offer unless another is
    cited as often), with the span of its first cue; ``unknown`` when none is cited.

    >>> recruitment_means("Terdakwa menawarkan pekerjaan di Malaysia dengan gaji sebesar RM 1500")[0]
    'job_offer'
    """
    best, best_n, span = "unknown", 0, None
    for kind, rx in _MEANS_COMPILED:
        ms = list(rx.finditer(text or ""))
        n = len(ms) * (1.0 if kind != "family_or_acquaintance" else 0.5)
        if n > best_n:
            best, best_n, span = kind, n, (ms[0].start(), ms[0].end())
    return best, span


_TRANSIT_CUE = re.compile(r"\b(?:transit|singgah|melalui|lewat|via|menuju|ke\s+pelabuhan|ke\s+bandara|dari\s+pelabuhan)\s+(?:di\s+)?",
                          re.IGNORECASE)


def transit_points(text: str, origin: str | None, destination: str | None) -> list[tuple[str, int, int]]:
    """Places the victims passed through: Indonesian cities/regencies and foreign places named
    after ``transit``/``melalui``/``singgah``/``via``, other than the origin and destination.

    >>> [t[0] for t in transit_points("diberangkatkan melalui Kota Batam lalu transit di Singapura", None, "Malaysia")]
    ['Kota Batam', 'Singapore']
    """
    from analysis.news.gazetteer import find_places

    out: dict[str, tuple[str, int, int]] = {}
    for m in _TRANSIT_CUE.finditer(text or ""):
        seg = text[m.end():m.end() + 40]
        for p in find_places(seg):
            if p.start == 0 and p.level == 2 and p.name != origin:
                out.setdefault(p.name, (p.name, m.start(), m.end() + p.end))
            break
        for s, e, country in cf.country_mentions(seg)[:1]:
            if s == 0 and country not in (destination, "Indonesia"):
                out.setdefault(country, (country, m.start(), m.end() + e))
    return list(out.values())[:5]


# Cities abroad where Indonesian migrant workers are most often placed, by country (English short
# names as in ``cases.destination_countries``); a domestic case's city is its destination regency.
FOREIGN_CITIES = {
    "Malaysia": ["Kuala Lumpur", "Kuching", "Johor Bahru", "Johor", "Penang", "Pulau Pinang", "Kota Kinabalu", "Tawau",
                 "Sandakan", "Selangor", "Melaka", "Malaka", "Sarawak", "Sabah", "Ipoh", "Klang", "Miri", "Sibu",
                 "Bintulu", "Mukah", "Lahad Datu", "Putrajaya", "Negeri Sembilan", "Pahang", "Kedah", "Perak", "Terengganu"],
    "Saudi Arabia": ["Riyadh", "Riyad", "Jeddah", "Jedah", "Mekkah", "Makkah", "Mekah", "Madinah", "Dammam",
                     "Abha", "Taif", "Thaif", "Tabuk", "Khamis Mushait", "Jizan", "Jazan"],
    "United Arab Emirates": ["Dubai", "Abu Dhabi", "Sharjah", "Ajman", "Al Ain"],
    "Qatar": ["Doha"], "Kuwait": ["Kuwait City"], "Bahrain": ["Manama"], "Oman": ["Muscat"],
    "Cambodia": ["Phnom Penh", "Sihanoukville", "Bavet", "Poipet", "Siem Reap"],
    "Myanmar": ["Myawaddy", "Shwe Kokko", "Yangon"], "Thailand": ["Bangkok", "Mae Sot", "Pattaya"],
    "Laos": ["Vientiane", "Golden Triangle"], "Philippines": ["Manila"], "Vietnam": ["Ho Chi Minh", "Hanoi"],
    "Taiwan": ["Taipei", "Taichung", "Kaohsiung", "Taoyuan"], "Hong Kong": ["Kowloon"], "Singapore": [],
    "South Korea": ["Seoul", "Busan"], "Japan": ["Tokyo", "Osaka"], "China": ["Beijing", "Shanghai", "Guangzhou"],
    "Turkey": ["Istanbul", "Ankara"], "Jordan": ["Amman"], "Egypt": ["Kairo", "Cairo"], "Iraq": ["Erbil", "Baghdad"],
    "Syria": ["Damaskus", "Damascus"], "Australia": ["Sydney", "Perth", "Darwin"], "New Zealand": ["Auckland"],
}


CITY_SPELLINGS = {"Riyad": "Riyadh", "Jedah": "Jeddah", "Mekkah": "Makkah", "Mekah": "Makkah", "Malaka": "Melaka",
                  "Pulau Pinang": "Penang", "Thaif": "Taif", "Jizan": "Jazan", "Kairo": "Cairo", "Damaskus": "Damascus"}


def destination_city(text: str, country: str | None) -> tuple[str, int, int] | None:
    """The city of the destination country named most often in a clause of sending, placing or
    working (the same cues as the destination country), with its first span.

    >>> destination_city("korban dipekerjakan di Kuching, lalu bekerja di Kuching; transit di Jakarta", "Malaysia")
    ('Kuching', 23, 30)
    """
    cities = FOREIGN_CITIES.get(country or "", [])
    if not cities or not text:
        return None
    rx = re.compile(r"\b(" + "|".join(re.escape(c) for c in sorted(set(cities), key=len, reverse=True)) + r")\b")
    found: dict[str, list[tuple[int, int]]] = {}
    for m in rx.finditer(text):
        clause = text[cf._clause_start(text, m.start()):m.start()]
        if cf._NOT_DEST_BEFORE.search(clause[-50:]) or not (cf._KE_BEFORE.search(clause[-20:]) or cf._DEST_CUE.search(clause)
                                                             or re.search(r"\bdi\s+$", clause)):
            continue
        found.setdefault(CITY_SPELLINGS.get(m.group(1), m.group(1)), []).append((m.start(), m.end()))
    if not found:
        return None
    best = max(sorted(found), key=lambda c: len(found[c]))
    return (best, *found[best][0])


_RECRUIT_CUE = re.compile(r"\b(?:merekrut|direkrut|menawarkan|ditawari|mengajak|diajak|menghubungi|dihubungi|perekrutan)\b",
                          re.IGNORECASE)
_DEPART_CUE = re.compile(r"\b(?:berangkat|diberangkatkan|memberangkatkan|keberangkatan|terbang|menyeberang)\b", re.IGNORECASE)


def _date_str(m) -> str:
    if m.kind == "day":
        return m.start.isoformat()
    if m.kind in ("month", "part_of_month"):
        return m.start.strftime("%Y-%m")
    if m.kind in ("year", "part_of_year"):
        return str(m.start.year)
    return m.start.isoformat()


def cued_date(text: str, cue: re.Pattern, spans: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """First date written in the same clause as a cue word, searching ``spans`` in order.

    >>> cued_date("Bahwa pada tanggal 3 Mei 2024 korban diberangkatkan ke Batam", _DEPART_CUE, [(0, 60)])
    ('2024-05-03', 11, 29)
    """
    for lo, hi in spans:
        for m in cue.finditer(text, lo, hi):
            a = cf._clause_start(text, m.start(), 200)
            b = text.find(";", m.end(), m.end() + 200)
            b = b if b >= 0 else min(len(text), m.end() + 200)
            for d in find_dates(text[a:b]):
                if d.kind in ("day", "month", "part_of_month", "year") and 2000 <= d.start.year <= 2030:
                    return _date_str(d), a + d.span[0], a + d.span[1]
    return None


_PAID = re.compile(r"\b(?:membayar|dibayar|menyerahkan\s+uang|mentransfer|menyetor|biaya)\b[^;]{0,120}?R[pP]", re.IGNORECASE)


def amount_paid(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A rupiah amount the victim paid, read in the clause of a payment cue between ``start`` and ``end``.

    >>> amount_paid("korban membayar biaya sebesar Rp5.000.000,00 (lima juta rupiah)", 0, 70)[0]
    5000000
    """
    m = _PAID.search(text, start, end)
    if not m:
        return None
    v = parse_rupiah(text[m.end() - 2:m.end() + 80])
    return (v, m.start(), min(len(text), m.end() + 40)) if v else None


# ---------------------------------------------------------------- one decision

def _fact_spans(doc: ParsedDecision) -> list[tuple[int, int]]:
    return [doc.sections[s] for s in _FACT_SECTIONS if s in doc.sections]


def _raw(doc: ParsedDecision, s: int, e: int) -> str:
    a, b = doc.raw_span(s, e)
    return f"{a}-{b}"


@lru_cache(maxsize=1)
def _province_codes() -> dict[str, str]:
    from analysis.news.gazetteer import places

    return {p.name: p.code for p in places().values() if p.level == 1}


def decision_victims(doc: ParsedDecision, *, key: bytes | None = None) -> pd.DataFrame:
    """The victims of one decision (columns ``VICTIM_COLUMNS``); no rows when the decision names
    no victim and states no count of them... except one row of unknown size carrying the
    case-level facts (origin, destination, exploitation) when any of them is known."""
    text = doc.text or ""
    case_id = doc.case_id or doc.source_file
    facts = _fact_spans(doc)
    named = named_victims(doc)
    # A count stated in the facts found or the judges' considerations; else the victims named;
    # else a count stated elsewhere (charges, testimony); else a count introducing a list.
    counts = stated_counts(doc)
    chosen = choose_count([c for c in counts if c[3] > 1])
    if chosen is None and not named:
        chosen = (choose_count(counts) or choose_count(stated_counts(doc, enumerations=True))
                  or labelled_victims(text))
    # case-level facts
    countries = cf.destination_countries(text)
    dest_span = None
    if countries:
        for s, e, c in cf.country_mentions(text):
            if c == countries[0]:
                dest_span = (s, e)
                if any(a <= s < b for a, b in facts):
                    break
    exploit, exploit_span = exploitation_type(text, facts)
    if not countries:
        if exploit not in ("unknown", "none_yet"):
            countries = ["Indonesia"]
    means, means_span = recruitment_means(text)
    origins = case_origins(doc)
    case_origin = origins[0] if origins else None
    order = facts + [(0, len(text))]
    rec_date = cued_date(text, _RECRUIT_CUE, order)
    dep_date = cued_date(text, _DEPART_CUE, order)
    city = destination_city(text, countries[0]) if len(countries) == 1 else None
    transits = transit_points(text, case_origin[0] if case_origin else None, countries[0] if countries else None)

    n_named = len(named)
    if chosen is not None:
        total = chosen[0]
        if n_named > total:
            named = sorted(named, key=lambda v: -len(v["spans"]))[:total]
            named.sort(key=lambda v: v["spans"][0][0])
            n_named = total
        rows_spec = [("named", v) for v in named] + ([("group", total - n_named)] if total > n_named else [])
    elif named:
        rows_spec = [("named", v) for v in named]
    elif case_origin or countries or exploit != "unknown":
        rows_spec = [("unknown", None)]
    else:
        rows_spec = []

    rows = []
    for i, (kind, v) in enumerate(rows_spec, start=1):
        ev: dict[str, str] = {}
        row = {c: None for c in VICTIM_COLUMNS}
        row.update(case_id=case_id, source_file=doc.source_file, victim_no=f"V{i}",
                   n_victims_stated=chosen[0] if chosen else None)
        ident: dict = {}
        if kind == "named":
            row["group_size"] = 1
            row["victim_id"] = pseudonym(f"{case_id}\x1f{v['key']}", kind="victim", key=key)
            a, b = v["raw"][0]
            while b > a + 1 and doc.raw_text[b - 1] in ".,;: ":
                b -= 1
            row["anchor"] = f"{a}-{b}"
            for s, _ in v["spans"]:
                got = identity_near(text, s)
                for k2, val in got.items():
                    ident.setdefault(k2, val)
        else:
            row["group_size"] = v if kind == "group" else None
            row["victim_id"] = pseudonym(f"{case_id}\x1fgroup{i}", kind="victim", key=key)
        if chosen is not None and kind == "group":
            ev["group_size"] = _raw(doc, chosen[1], chosen[2])
        for k2 in ("sex", "age", "origin_village", "origin_district"):
            if k2 in ident:
                row[k2] = ident[k2][0]
                ev[k2] = _raw(doc, ident[k2][1], ident[k2][2])
        if row["age"] is not None:
            row["minor"] = int(row["age"] < 18)
            ev["minor"] = ev["age"]
        reg = ident.get("origin_regency") or case_origin
        if reg:
            row["origin_regency"], row["origin_regency_code"], row["origin_province"] = reg[0], reg[3], reg[4]
            row["origin_province_code"] = reg[3].split(".")[0]
            ev["origin_regency"] = ev["origin_province"] = _raw(doc, reg[1], reg[2])
        elif "origin_province" in ident:
            p = ident["origin_province"]
            row["origin_province"], row["origin_province_code"] = p[0], p[3]
            ev["origin_province"] = _raw(doc, p[1], p[2])
        if countries:
            row["destination_country"] = countries[0] if len(countries) == 1 else ";".join(countries)
            if dest_span:
                ev["destination_country"] = _raw(doc, *dest_span)
        if city:
            row["destination_city"] = city[0]
            ev["destination_city"] = _raw(doc, city[1], city[2])
        if transits:
            row["transit"] = ";".join(t[0] for t in transits)
            ev["transit"] = _raw(doc, transits[0][1], transits[0][2])
        row["recruitment_means"] = means
        if means_span:
            ev["recruitment_means"] = _raw(doc, *means_span)
        row["exploitation_type"] = exploit
        if exploit_span:
            ev["exploitation_type"] = _raw(doc, *exploit_span)
        for col, d in (("recruitment_date", rec_date), ("departure_date", dep_date)):
            if d:
                row[col] = d[0]
                ev[col] = _raw(doc, d[1], d[2])
        if kind == "named":
            for s, e in v["spans"]:
                a = cf._clause_start(text, s, 200)
                b = text.find(";", e, e + 300)
                paid = amount_paid(text, a, b if b >= 0 else e + 300)
                if paid:
                    row["amount_paid_idr"] = paid[0]
                    ev["amount_paid_idr"] = _raw(doc, paid[1], paid[2])
                    break
        row["evidence"] = ";".join(f"{k2}:{v2}" for k2, v2 in ev.items())
        rows.append(row)
    return _typed(pd.DataFrame(rows, columns=VICTIM_COLUMNS))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for c in ("group_size", "age", "minor", "amount_paid_idr", "n_victims_stated"):
        df[c] = pd.array(df[c].tolist(), dtype="Int64") if len(df) else pd.Series(dtype="Int64")
    return df


def victims_table(parsed, *, key: bytes | None = None) -> pd.DataFrame:
    """The ``victims`` table for parsed decisions (``ParsedDecision`` objects; anything else,
    such as a ``Reject``, is skipped; of several files of one case only the plainest-named
    one is read), rows sorted by source file and victim number.

    >>> victims_table([]).columns.tolist() == VICTIM_COLUMNS
    True
    """
    docs = sorted((d for d in parsed if isinstance(d, ParsedDecision)),
                  key=lambda d: (d.case_id or d.source_file, len(d.source_file), d.source_file))
    seen: set[str] = set()
    frames = []
    for d in docs:
        case = d.case_id or d.source_file
        if case in seen:      # another file of the same case (``X-2.txt``): its victims are already read
            continue
        seen.add(case)
        ready = getattr(d, "victim_rows", None)    # read ahead in the worker that parsed it
        frames.append(ready if isinstance(ready, pd.DataFrame) and key is None else decision_victims(d, key=key))
    frames = [f for f in frames if len(f)]
    if not frames:
        return _typed(pd.DataFrame(columns=VICTIM_COLUMNS))
    out = pd.concat(frames, ignore_index=True)
    out["_n"] = out["victim_no"].str[1:].astype(int)
    return _typed(out.sort_values(["source_file", "_n"]).drop(columns="_n").reset_index(drop=True))


def n_victims_from(victims: pd.DataFrame) -> pd.Series:
    """``cases.n_victims`` by ``case_id``: the sum of group sizes; empty (``<NA>``) for a case
    with a row of unknown size (the decision states no count and names no victim).

    >>> v = pd.DataFrame({"case_id": ["a", "a", "b"], "group_size": pd.array([1, 4, None], dtype="Int64")})
    >>> n_victims_from(v).tolist()
    [5, <NA>]
    """
    if len(victims) == 0:
        return pd.Series(dtype="Int64", name="n_victims")
    g = victims.groupby("case_id", sort=True)["group_size"]
    total = g.sum(min_count=1).astype("Int64")
    total[g.apply(lambda s: s.isna().any())] = pd.NA
    return total.rename("n_victims")


# ---------------------------------------------------------------- scoring against a gold set

def _set_of(values) -> frozenset:
    out = set()
    for v in values:
        if isinstance(v, str):
            out.update(x.strip() for x in v.split(";") if x.strip())
    return frozenset(out)


def score_decisions(victims: pd.DataFrame, gold_decisions: pd.DataFrame, gold_rows: pd.DataFrame,
                    baseline: dict[str, int | None] | None = None) -> pd.DataFrame:
    """One row per gold decision: gold and predicted values and whether each field is right.

    * ``n_victims``: scored where the gold states a count; ``given`` when a number is
      predicted, ``exact`` when it is that number;
    * ``origin_regency``: where the gold names one, right when the predicted regencies equal
      the gold regencies (as sets);
    * ``destination_country``, ``exploitation_type``: right when the predicted set equals the
      gold set of the decision.

    >>> g = pd.DataFrame({"source_file": ["a"], "n_victims": [2], "exploitation_types": ["plantation"],
    ...     "destination_countries": ["Malaysia"]})
    >>> gr = pd.DataFrame({"source_file": ["a"], "origin_regency": ["Kota Kupang"]})
    >>> v = pd.DataFrame({"source_file": ["a", "a"], "case_id": ["A", "A"], "group_size": pd.array([1, 1], dtype="Int64"),
    ...     "origin_regency": ["Kota Kupang", None], "destination_country": ["Malaysia"] * 2,
    ...     "exploitation_type": ["plantation"] * 2})
    >>> s = score_decisions(v, g, gr)
    >>> s[["n_exact", "origin_right", "destination_right", "exploitation_right"]].values.tolist()
    [[True, True, True, True]]
    """
    rows = []
    for g in gold_decisions.itertuples(index=False):
        pv = victims[victims["source_file"] == g.source_file]
        gn = None if pd.isna(g.n_victims) or g.n_victims == "" else int(g.n_victims)
        pn = n_victims_from(pv).iloc[0] if len(pv) else pd.NA
        pn = None if pd.isna(pn) else int(pn)
        gold_reg = _set_of(gold_rows.loc[gold_rows["source_file"] == g.source_file, "origin_regency"])
        row = {
            "source_file": g.source_file, "gold_n": gn, "pred_n": pn,
            "n_given": (pn is not None) if gn is not None else None,
            "n_exact": (pn == gn) if gn is not None else None,
            "gold_origin": ";".join(sorted(gold_reg)), "pred_origin": ";".join(sorted(_set_of(pv["origin_regency"]))),
            "origin_right": (_set_of(pv["origin_regency"]) == gold_reg) if gold_reg else None,
            "gold_dest": g.destination_countries, "pred_dest": ";".join(sorted(_set_of(pv["destination_country"]))),
            "destination_right": (_set_of(pv["destination_country"]) == _set_of([g.destination_countries]))
            if isinstance(g.destination_countries, str) else None,
            "gold_exploit": g.exploitation_types, "pred_exploit": ";".join(sorted(_set_of(pv["exploitation_type"]))),
            "exploitation_right": (_set_of(pv["exploitation_type"]) == _set_of([g.exploitation_types]))
            if isinstance(g.exploitation_types, str) else None,
        }
        if baseline is not None:
            b = baseline.get(g.source_file)
            row["baseline_n"] = b
            row["baseline_exact"] = (b == gn) if gn is not None else None
            row["baseline_given"] = (b is not None) if gn is not None else None
        rows.append(row)
    return pd.DataFrame(rows)


def summarise_scores(scores: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """``field -> (right, scored)`` over the decisions where the gold gives the field."""
    out = {}
    for col in ("n_given", "n_exact", "origin_right", "destination_right", "exploitation_right",
                "baseline_given", "baseline_exact"):
        if col in scores.columns:
            s = scores[col].dropna()
            out[col] = (int(s.astype(bool).sum()), int(len(s)))
    return out
