"""Ties between the entities of one decision, each with the span of text that shows it.

Two sources of ties:

* structure: every pair of a decision's defendants is ``co_defendant``, and so is each
  defendant with each person the decision says is tried in a separate file
  (``berkas terpisah``);
* structure in the text: persons listed before "(berkas perkara terpisah)" are tried
  separately and linked ``co_defendant`` with each defendant (``separate_file_ties``);
* sentences (``clause_ties``): a cue verb from ``data/link_relations.csv`` (``merekrut`` →
  ``recruited``, ``menjemput`` → ``escorted``, ``menyuruh`` → ``ordered``, ``menyerahkan uang
  … kepada`` → ``paid``, ``memberangkatkan … ke`` → ``sent_to``, ``selaku direktur PT`` →
  ``works_for``, …) links its grammatical parties only: the subject written right before the
  verb (or the agent after ``oleh``/``dari``) and the object right after it (or after the
  cue's preposition). No party, no tie; negated, planned, promised and restitution acts are
  not ties. Sentences end at ``;``, at a full stop before a line break or a capital, and
  before bullets, never after a title such as ``Sdr.`` (``sentence_spans``).

The earlier cue-only reading (the nearest person before a cue gets the tie) is kept as
``sentence_ties(..., baseline=True)`` so that ``benchmarks/relation_accuracy.py`` can measure
both in one run.

The date of a sentence tie is the first single-day date written in the sentence, if any.

>>> import pandas as pd
>>> t = "Bahwa Sdr. WIRAPATI merekrut saksi korban PUJIWATI pada tanggal 3 Mei 2024 untuk berangkat ke Malaysia."
>>> m = pd.DataFrame({"kind": ["person", "person", "place"], "entity": ["e1", "e2", "e3"],
...     "start": [11, 42, 94], "end": [19, 50, 102], "evidence": ["f:11-19", "f:42-50", "f:94-102"]})
>>> roles = {"e1": [], "e2": ["victim"], "e3": []}
>>> sentence_ties(t, m, roles, {"e3": "destination"}, to_evidence=lambda s, e: f"f:{s}-{e}")[
...     ["source", "target", "relation", "date"]].values.tolist()
[['e1', 'e2', 'recruited', Timestamp('2024-05-03 00:00:00')]]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import NamedTuple

import pandas as pd

WORKS_GAP = 40   # characters allowed between person, cue word and company in a works_for tie
TIE_COLUMNS = ["source", "target", "relation", "evidence", "date"]
_SENTENCE = re.compile(r"[^;]+?(?:;|\.(?=\s+[A-Z\-–•])|\n\s*[-–•˗₋]\s|$)", re.DOTALL)


@lru_cache(maxsize=2)
def load_relations(extractor: str = "current") -> pd.DataFrame:
    """The committed cue → relation map (``data/link_relations.csv``) of one extractor.

    ``current`` is the reading used by the pipeline; ``baseline`` is the earlier cue-only
    reading, kept so that benchmarks can measure both in one run.

    >>> sorted(set(load_relations()["relation"]))[:3]
    ['escorted', 'exploited', 'funded']
    """
    with resources.files("analysis").joinpath("data/link_relations.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    bad = set(df["direction"]) - {"forward", "backward", "receive"}
    if bad:
        raise ValueError(f"link_relations.csv: unknown direction {sorted(bad)}")
    return df.loc[df["extractor"] == extractor].reset_index(drop=True)


@lru_cache(maxsize=2)
def _cue_rx(extractor: str = "baseline") -> tuple[re.Pattern, dict]:
    rel = load_relations(extractor)
    rows = {" ".join(r.cue.split()): r for r in rel.itertuples(index=False)}
    alts = sorted(rows, key=len, reverse=True)
    return re.compile(caseless_alternation([c.split() for c in alts], r"\s+") + r"\b"), rows


@lru_cache(maxsize=2)
def _cue_rules(extractor: str = "current") -> tuple[re.Pattern, dict[str, list]]:
    """Like ``_cue_rx`` but one cue may carry several rules (``menawarkan`` a job or a person)."""
    rel = load_relations(extractor)
    rules: dict[str, list] = {}
    for r in rel.itertuples(index=False):
        rules.setdefault(" ".join(r.cue.split()), []).append(r)
    alts = sorted(rules, key=len, reverse=True)
    return re.compile(caseless_alternation([c.split() for c in alts], r"\s+") + r"\b"), rules


@lru_cache(maxsize=8)
def _caseless_twins(letters: str) -> dict[str, str]:
    """For each of ``letters``, every character that ``re.IGNORECASE`` lets match it (``k`` → ``Kk\u212a``)."""
    everything = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    found = set(re.compile("[" + re.escape(letters) + "]", re.IGNORECASE).findall(everything))
    return {x: "".join(sorted(c for c in found if re.fullmatch(re.escape(x), c, re.IGNORECASE))) for x in letters}


def caseless_alternation(phrases: list[list[str]], gap: str) -> str:
    r"""A pattern matching as ``\b(?:p1|p2|…)`` under ``re.IGNORECASE`` does, without the flag.

    Each letter becomes the class of characters that the flag would let match it, and the
    phrases are grouped by first letter behind one leading class, so the regex engine skips
    ahead to the possible first letters instead of trying every phrase at every character.
    Same matches, same preference among phrases (phrases are tried in the given order).

    >>> rx = re.compile(caseless_alternation([["direkrut", "oleh"], ["merekrut"]], r"\s+") + r"\b")
    >>> [m.group(0) for m in rx.finditer("MEREKRUT, xmerekrut, Direkrut  Oleh")]
    ['MEREKRUT', 'Direkrut  Oleh']
    """
    def plain() -> str:
        return r"(?i:\b(?:" + "|".join(gap.join(map(re.escape, ws)) for ws in phrases) + "))"

    if not phrases or any(not ws or not ws[0][:1].isalpha() for ws in phrases):
        return plain()
    twins = _caseless_twins("".join(sorted({ch for ws in phrases for w in ws for ch in w.lower() if ch.isalpha()})))
    if any(ch.isalpha() and ch.lower() not in twins for ws in phrases for w in ws for ch in w):
        return plain()          # a letter whose lower case is not one letter: keep the flag

    def char(ch: str) -> str:
        cls = twins.get(ch.lower(), "") if ch.isalpha() else ""
        return "[" + re.escape(cls) + "]" if len(cls) > 1 else re.escape(ch)

    groups: dict[str, list[str]] = {}
    for ws in phrases:
        body = gap.join("".join(map(char, w)) for w in ws)
        first = char(ws[0][0])
        groups.setdefault(first, []).append(body[len(first):])
    lead = "".join(g[1:-1] if g.startswith("[") else g for g in groups)
    return ("[" + lead + r"](?<!\w.)(?:"
            + "|".join(f"(?<={g})(?:" + "|".join(rest) + ")" for g, rest in groups.items()) + ")")


def _date(sentence: str):
    try:
        from analysis.clean.dates import find_dates
    except ImportError:  # dates are optional evidence; a tie stands without one
        return pd.NaT
    try:
        for d in find_dates(sentence, None):
            if d.start == d.end:
                return pd.Timestamp(d.start)
    except Exception:  # noqa: BLE001 - a date the resolver cannot read leaves the tie undated
        return pd.NaT
    return pd.NaT


class _Mention(NamedTuple):
    kind: str
    entity: str
    start: int
    end: int


def _is_target(r: _Mention, rule, roles: dict[str, list[str]], place_roles: dict[str, str]) -> bool:
    if r.kind != rule.target_kind:
        return False
    if rule.target_kind == "place":
        return place_roles.get(r.entity) == "destination"
    if rule.target_role:
        return rule.target_role in roles.get(r.entity, [])
    return "victim" not in roles.get(r.entity, []) or rule.relation == "paid"


def sentence_ties(text: str, mentions: pd.DataFrame, roles: dict[str, list[str]], place_roles: dict[str, str],
                  to_evidence, baseline: bool = False) -> pd.DataFrame:
    """Ties read from cue verbs inside sentences (columns ``TIE_COLUMNS``; ids are entity ids).

    ``mentions`` needs ``kind``, ``entity``, ``start``, ``end`` (cleaned offsets); ``roles``
    maps entity → roles; ``place_roles`` maps place entity → destination/transit;
    ``to_evidence(start, end)`` turns a cleaned span into the evidence string.
    ``baseline=True`` gives the earlier cue-only reading (nearest person before the cue).
    """
    if not baseline:
        return clause_ties(text, mentions, roles, place_roles, to_evidence)
    rx, rows = _cue_rx("baseline")
    m = mentions.loc[mentions["entity"].notna(), ["kind", "entity", "start", "end"]].sort_values("start")
    recs = [_Mention(*r) for r in zip(m["kind"].tolist(), m["entity"].tolist(), m["start"].tolist(), m["end"].tolist())]
    starts = [r.start for r in recs]
    source_ok = [r.kind == "person" and "victim" not in roles.get(r.entity, []) for r in recs]
    out = []
    for cue in rx.finditer(text):
        rule = rows[" ".join(cue.group(0).lower().split())]
        c0, c1 = cue.start(), cue.end()
        # the sentence around the cue
        s0 = max(text.rfind(";", 0, c0), text.rfind("\n-", 0, c0), text.rfind(". ", 0, c0)) + 1
        e_candidates = [x for x in (text.find(";", c1), text.find("\n-", c1), text.find(". ", c1)) if x >= 0]
        s1 = min(e_candidates) if e_candidates else len(text)
        if s1 - s0 > 1500:
            s1 = min(s1, c1 + 600)
            s0 = max(s0, c0 - 600)
        i0, i1 = bisect_left(starts, s0), bisect_left(starts, s1)
        if rule.direction == "forward":
            src_at = [i for i in range(i0, i1) if recs[i].end <= c0 and source_ok[i]]
            if not src_at:
                continue
            src = recs[src_at[-1]]
            tgt_side = [r for r in recs[i0:i1] if r.start >= c1]
        else:
            src_at = [i for i in range(i0, i1) if recs[i].start >= c1 and source_ok[i]]
            if not src_at:
                continue
            src = recs[src_at[0]]
            tgt_side = [r for r in recs[i0:i1] if r.end <= c0]
        targets = [r for r in tgt_side if r.entity != src.entity and _is_target(r, rule, roles, place_roles)]
        if rule.relation == "works_for":
            # "X selaku direktur PT Y": the company follows the cue word and the person precedes it closely.
            targets = [t for t in targets[:1] if tgt_side and t is tgt_side[0] and t.start - c1 <= WORKS_GAP]
            if c0 - src.end > WORKS_GAP:
                targets = []
        if rule.relation == "paid" and targets:
            targets = targets[:1]
        if not targets:
            continue
        when = _date(text[s0:s1])
        for t in {t.entity: t for t in targets}.values():
            lo_span = min(src.start, t.start, c0)
            hi_span = max(src.end, t.end, c1)
            out.append((src.entity, t.entity, rule.relation, to_evidence(lo_span, hi_span), when))
    df = pd.DataFrame(out, columns=TIE_COLUMNS)
    return df.drop_duplicates(["source", "target", "relation", "evidence"]).reset_index(drop=True)


def structural_ties(entities: pd.DataFrame, baseline: bool = False) -> pd.DataFrame:
    """``co_defendant`` ties of one decision: defendants pairwise, and each defendant with each
    person tried separately (``berkas terpisah``); evidence is the later entity's first mention.

    >>> e = pd.DataFrame({"entity": ["d0", "d1", "x"], "kind": "person",
    ...     "roles": [["defendant"], ["defendant"], ["co-defendant tried separately"]],
    ...     "evidence": ["f:0-4", "f:9-12", "f:30-35"]})
    >>> structural_ties(e)[["source", "target", "evidence"]].values.tolist()
    [['d0', 'd1', 'f:9-12'], ['d0', 'x', 'f:30-35'], ['d1', 'x', 'f:30-35']]
    """
    defs, sep = [], []
    for entity, kind, roles, evidence in zip(entities["entity"], entities["kind"], entities["roles"],
                                             entities["evidence"]):
        if kind != "person":
            continue
        if "defendant" in roles:
            defs.append((entity, evidence))
        elif "co-defendant tried separately" in roles:
            sep.append((entity, evidence))
    out = []
    for (a, ev_a), (b, ev_b) in combinations(defs, 2):
        ev = ev_b if isinstance(ev_b, str) else ev_a
        if isinstance(ev, str):
            out.append((a, b, "co_defendant", ev, pd.NaT))
    for a, _ in defs:
        for b, ev_b in sep:
            if isinstance(ev_b, str):
                out.append((a, b, "co_defendant", ev_b, pd.NaT))
    return pd.DataFrame(out, columns=TIE_COLUMNS)


# --- the current reading: the grammatical parties of a cue inside one clause -------------

_ABBREV = re.compile(r"(?i:\b(?:sdr|sdri|sdra|saudara|als|alias|no|nomor|rp|jl|jln|kec|kel|kab|prov|tn|ny|dr|drs|ir|st|"
                     r"h|hj|pt|cv|ud|bpk|ibu|dll|dsb|tgl|an|a\.n|kp|rt|rw|hal|ds|mr|mrs|ms|nn)\.)$|\b[A-Z]\.$|\d\.$")
_STOP = re.compile(r";|\.(?=[ \t]*(?:\n|[ \t][\"“(]?[A-Z0-9\-–•]))|\.$|\n[ \t]*[-–•\uf0d8\uf0b7][ \t]|\n[ \t]*\d{1,2}\.[ \t]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a decision as ``(start, end)`` spans that tile the text in order.

    A sentence ends at ``;``, at a full stop followed by a line break or by a capital, and
    before a bullet or numbered line; a full stop after a title or abbreviation (``Sdr.``,
    ``No.``, ``Rp.``, an initial) or a digit does not end one.

    >>> t = "Bahwa Sdr. BUDI merekrut korban.\\nKemudian X pergi; Y datang. Rp. 5 juta"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Bahwa Sdr. BUDI merekrut korban.', '\\nKemudian X pergi;', ' Y datang.', ' Rp. 5 juta']
    """
    out, start = [], 0
    for m in _STOP.finditer(text):
        if m.group(0).startswith("."):
            if _ABBREV.search(text[max(0, m.start() - 6):m.start() + 1]):
                continue
            end = m.end()
        elif m.group(0) == ";":
            end = m.end()
        else:
            end = m.start()
        if end > start:
            out.append((start, end))
            start = end
    if start < len(text) or not out:
        out.append((start, len(text)))
    return out


_WORD = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")
# Words that may stand between a subject and its verb ("Terdakwa telah langsung merekrut").
_SUBJECT_GAP = frozenset("telah juga langsung sudah pun ada datang kembali sempat baru hanya sendiri lagi "
                         "berhasil yang benar memang yakni yaitu pernah turut "
                         "bersama sama secara aktif terus".split())
# Words that may stand between a verb and its object or between the items of a list of objects.
_OBJECT_GAP = frozenset("saksi korban anak sdr sdri sdra saudara saudari para calon pekerja migran indonesia cpmi pmi "
                        "tki tkw foto milik yaitu yakni antara lain sebanyak orang lagi adalah dan serta juga atas nama an "
                        "bernama inisial seorang perempuan laki wanita pria dewasa ( ) - . , : terdakwa i ii iii iv "
                        "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh".split())
# Words after which the words that follow are no longer the verb's object.
_CLAUSE_BREAK = frozenset("kemudian lalu selanjutnya sehingga karena namun tetapi setelah sedangkan dimana ketika saat "
                          "sebelum agar supaya bahwa yang".split())
_NEGATION = re.compile(r"(?i)\b(?:tidak|tak|belum|bukan|tanpa|enggan|menolak|akan|hendak|mau|ingin|dapat|bisa|"
                       r"berencana|rencananya|rencana|berniat|bermaksud)\b(?:\s+\w+){0,4}\s*$")
_HYPOTHETICAL = re.compile(r"(?i)\b(?:restitusi|ganti\s+rugi|denda|membebankan|dibebankan|biaya\s+perkara|"
                           r"apabila|jika|bilamana|seandainya|dijanjikan|menjanjikan|akan\s+membayar|harus\s+membayar|"
                           r"wajib\s+membayar|meminta|minta|apakah|atau\s+belum)\b")
_MONEY = re.compile(r"(?i)\b(?:uang|biaya|ongkos|upah|gaji|bayaran|komisi|fee|keuntungan|rp\.?|rm|ringgit|dana|"
                    r"tarif|sewa|tip|dp|transfer)\b")
_CLIENT_WORDS = re.compile(r"(?i)\b(?:tamu|pelanggan|laki-laki\s+hidung|lelaki\s+hidung|customer|konsumen|foto|tarif|"
                           r"bo|booking|harga)\b")
_SEX_WORK = re.compile(r"(?i)\b(?:persetubuhan|bersetubuh|berhubungan\s+badan|hubungan\s+badan|hubungan\s+seks\w*|"
                       r"jasa\s+seks\w*|layanan\s+seks\w*|open\s+bo|booking\s+out|short\s+time|melayani\s+tamu|"
                       r"pelanggan|tamu\s+laki|prostitusi|pekerja\s+seks)\b")
_JOB_WORDS = re.compile(r"(?i)\b(?:pekerjaan|bekerja|kerja|lowongan)\b")
_DOCUMENT = re.compile(r"(?i)\b(?:paspor|passport|visa|ktp|kartu\s+tanda|akta|dokumen|surat\s+rekomendasi|"
                       r"rekomendasi|e-?ktp|kk|kartu\s+keluarga|identitas)\b")
_SEPARATE = re.compile(r"(?i)\(?\s*(?:dalam\s+)?(?:berkas\s+(?:perkara\s+)?|penuntutan\s+|perkara\s+)?terpisah\s*\)?")
_LIST_LINK = re.compile(r"(?i)^(?:[\s,]|dan|serta|sdr|sdri|sdra|saksi|anak|korban|\.|\(|\)|dpo|\d|[ivx]+)*$")
_COORDINATED_VERB = re.compile(r"(?i)\b(?:me|di)\w+\s*(?:,\s*)?(?:dan|serta|lalu|kemudian|,)\s*$")
_NOT_VICTIM_ROLES = frozenset({"defendant", "fugitive", "recruiter", "sponsor", "shelter", "funder", "official",
                               "co-defendant tried separately", "employer", "agent"})
_ALIAS_TAIL = re.compile(r"^\s*(?:\b(?:als|alias)\b\.?|@)\s*(?:[A-Z][\w'.-]*\s*){1,3}")   # "X Als. ITA merekrut"
_LEADING_VERB = re.compile(r"^\s*(?:,\s*)?(?:dan|serta)\s+me\w+\b")
_WORKS_GAP_WORDS = frozenset("selaku sebagai adalah merupakan yang menjabat juga ialah yaitu yakni sendiri saat itu ini "
                             "pernah masih sudah telah menjadi dan bin binti als alias s h se mm st ( ) , . : -".split())
FUNDED_REACH = 150      # characters before "ditanggung oleh" within which the persons whose costs were borne are named
_PAREN = re.compile(r"\([^()]{0,60}\)")   # "X (DPO) merekrut", "X (dalam berkas perkara terpisah) merekrut"
SENTENCE_OPENING = 60   # characters from a sentence start within which its subject is written
SUBJECT_WORDS = 4       # filler words allowed between a subject and its verb
OBJECT_WORDS = 8        # words allowed between a verb and its object (or its preposition)


def _words(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


def _gap_ok(s: str, allowed: frozenset, limit: int) -> bool:
    w = _words(s)
    return len(w) <= limit and all(x in allowed for x in w)


def _subjects(recs: list[_Mention], lo: int, c0: int, text: str, ok) -> list[_Mention]:
    """The subject(s) of a verb starting at ``c0``: the person right before it, and the persons
    joined to that one by ``dan``/``bersama``/commas (``X dan Y menampung …``)."""
    before = [r for r in recs if lo <= r.start and r.end <= c0 and r.kind == "person"]
    # one coordinated verb may come first: "X menawarkan dan mengajak Y", "X menghubungi, lalu menjemput Y"
    gap = _COORDINATED_VERB.sub(" ", _PAREN.sub(" ", _ALIAS_TAIL.sub(" ", text[before[-1].end:c0]))) if before else ""
    if not before or not _gap_ok(gap, _SUBJECT_GAP, SUBJECT_WORDS):
        return []
    out = [before[-1]]
    for r in reversed(before[:-1]):
        link = _PAREN.sub(" ", text[r.end:out[-1].start])
        if not re.fullmatch(r"(?i)[\s,]*(?:dan|serta|bersama(?:\s+dengan)?|,)?[\s,]*(?:saksi|sdr\.?|sdri\.?|sdra\.?)?\s*", link):
            break
        out.append(r)
    return [r for r in out if ok(r)]


def _objects(recs: list[_Mention], c1: int, hi: int, text: str, kind: str, prep: str) -> list[_Mention]:
    """The object(s) after a verb ending at ``c1``: the first mention of ``kind`` after the
    verb (or after its preposition ``prep``) with only object words in between, and the
    mentions listed after it (``A, B dan C``)."""
    after = [r for r in recs if c1 <= r.start and r.end <= hi]
    start = c1
    if prep:
        pm = re.compile(r"(?i)\b(?:" + prep + r")\b").search(text, c1, hi)
        if not pm:
            return []
        head = text[c1:pm.start()]
        hw = _words(head)
        if len(hw) > 2 * OBJECT_WORDS or any(w in _CLAUSE_BREAK for w in hw) or ";" in head:
            return []
        if any(r.kind == "person" and r.end <= pm.start() for r in after) and kind == "person" and prep != "dari":
            # a person between verb and preposition ("menawarkan foto Saksi 4 kepada tamu") is the thing offered
            return []
        start = pm.end()
        after = [r for r in after if r.start >= start]
    if kind == "place":   # persons named between verb and destination are the ones sent
        after = [r for r in after if r.kind == "place"]
    if not after or after[0].kind != kind:
        return []
    gap = _LEADING_VERB.sub(" ", text[start:after[0].start])   # "mengajak dan menampung Y": Y for both
    gw = _words(gap)
    # a destination may follow a longer object ("memberangkatkan para pekerja dengan kapal ke Malaysia")
    if len(gw) > (2 * OBJECT_WORDS if kind == "place" else OBJECT_WORDS) or any(w in _CLAUSE_BREAK for w in gw):
        return []
    if kind == "person" and not all(w in _OBJECT_GAP for w in gw):
        return []   # "menyuruh saksi untuk meminta uang kepada Y": Y is not the one ordered
    out = [after[0]]
    for r in after[1:]:
        if r.kind != kind or not _LIST_LINK.match(text[out[-1].end:r.start]):
            break
        out.append(r)
    return out


def clause_ties(text: str, mentions: pd.DataFrame, roles: dict[str, list[str]], place_roles: dict[str, str],
                to_evidence) -> pd.DataFrame:
    """Ties whose two parties are the grammatical parties of a cue verb in one sentence.

    The source is the subject written right before the verb (only filler words such as
    ``telah``/``kemudian`` between), or the agent after ``oleh``/``dari`` in passive and
    receiving forms; the target is the object right after the verb or after the cue's
    preposition (``membayar … kepada Y``). No party, no tie: an unnamed payer ("seorang
    laki-laki") never hands the tie to a bystander. A payment that is negated, ordered as
    restitution, promised or asked for is not a payment; offering someone's photos to clients
    is exploitation, not recruitment. Victims may be the source of ``paid`` and ``recruited``
    (a victim pays the recruiter, a victim brings a friend).

    >>> import pandas as pd
    >>> t = "Bahwa saksi korban WULAN menyerahkan uang Rp5.000.000 kepada Terdakwa BAGUS. Seorang laki-laki membayar kepada WULAN."
    >>> m = pd.DataFrame({"kind": "person", "entity": ["v", "d", "v"], "start": [19, 70, 111], "end": [24, 75, 116]})
    >>> clause_ties(t, m, {"v": ["victim"], "d": ["defendant"]}, {}, lambda s, e: f"f:{s}-{e}")[
    ...     ["source", "target", "relation"]].values.tolist()
    [['v', 'd', 'paid']]
    """
    rx, rules = _cue_rules("current")
    m = mentions.loc[mentions["entity"].notna(), ["kind", "entity", "start", "end"]].sort_values("start")
    recs = [_Mention(*r) for r in zip(m["kind"].tolist(), m["entity"].tolist(), m["start"].tolist(), m["end"].tolist())]
    sents = sentence_spans(text)
    s_starts = [a for a, _ in sents]
    out = []

    def is_victim(r: _Mention) -> bool:
        return "victim" in roles.get(r.entity, [])

    for cue, rule in ((c, r) for c in rx.finditer(text) for r in rules[" ".join(c.group(0).lower().split())]):
        c0, c1 = cue.start(), cue.end()
        k = bisect_left(s_starts, c0 + 1) - 1
        s0, s1 = sents[max(k, 0)]
        if s1 - s0 > 2500:
            s0, s1 = max(s0, c0 - 800), min(s1, c1 + 800)
        clause = text[s0:s1]
        rel = rule.relation
        left = text[max(s0, c0 - 60):c0]
        if _NEGATION.search(left):
            continue
        if rel == "paid" and (_HYPOTHETICAL.search(clause) or not _MONEY.search(text[c0:min(s1, c1 + 60)])):
            continue   # the money is named right with the verb: "menyerahkan uang", "menerima upah", "membayar Rp…"
        if rel == "sent_to" and _DOCUMENT.search(text[c1:min(s1, c1 + 60)]):
            continue   # "mengirimkan visa … Australia" sends a document, not people
        if rel == "supplied_documents" and not _DOCUMENT.search(text[c1:min(s1, c1 + 80)]):
            continue
        if rel == "exploited" and rule.cue == "menawarkan" and not _SEX_WORK.search(text[c1:min(s1, c1 + 250)]):
            continue   # offering a person (not a job) for sex with clients
        src_ok = (lambda r: True) if rel in ("paid", "recruited") else (lambda r: not is_victim(r))
        prep = rule.prep
        if rule.direction == "forward" and rel == "works_for":
            # "X selaku direktur PT Y": the person closely before the cue word, no clause between
            before = [r for r in recs if s0 <= r.start and r.end <= c0 and r.kind == "person" and src_ok(r)]
            near = before[-1:] if before and c0 - before[-1].end <= WORKS_GAP else []
            sources = [r for r in near if all(w in _WORKS_GAP_WORDS for w in _words(text[r.end:c0]))]
            targets = _objects(recs, c1, s1, text, "company", "")[:1]
        elif rule.direction == "forward":
            sources = _subjects(recs, s0, c0, text, src_ok)
            if not sources:
                continue
            targets = _objects(recs, c1, s1, text, rule.target_kind, prep)
        elif rule.direction == "backward":
            sources = [r for r in _objects(recs, c1, s1, text, "person", "")[:1] if src_ok(r)]
            if not sources:
                continue
            targets = _subjects(recs, s0, c0, text, lambda r: True)
            if not targets and cue.group(0).lower().startswith("atas"):
                # "Y membawa para korban … atas perintah X": Y is the subject opening the sentence
                opening = [r for r in recs if s0 <= r.start < min(c0, s0 + SENTENCE_OPENING) and r.kind == "person"]
                targets = opening[:1]
            if not targets and rel == "funded":   # "biaya saksi A, B ditanggung oleh X"
                targets = [r for r in recs if max(s0, c0 - FUNDED_REACH) <= r.start and r.end <= c0
                           and r.kind == "person" and is_victim(r)]
        else:  # receive: "Y menerima uang dari X"
            targets = _subjects(recs, s0, c0, text, lambda r: True)
            if not targets:
                continue
            sources = _objects(recs, c1, s1, text, "person", prep)
        if rule.target_kind == "person" and rule.target_role == "victim":
            # a victim, or a person the decision gives no part in the scheme (victims are often named bare)
            targets = [t for t in targets if t.kind == "person"
                       and (is_victim(t) or not _NOT_VICTIM_ROLES.intersection(roles.get(t.entity, [])))]
        else:
            targets = [t for t in targets if _is_target(t, rule, roles, place_roles)]
        if rel == "escorted":   # the escort has a part in the scheme (a client taking a victim away is not one)
            sources = [r for r in sources if _NOT_VICTIM_ROLES.intersection(roles.get(r.entity, []))]
        if rel == "ordered":   # a principal orders an accomplice, whom the decision gives a part in the scheme
            targets = [t for t in targets if not is_victim(t) and _NOT_VICTIM_ROLES.intersection(roles.get(t.entity, []))]
        if rel == "recruited" and targets:
            # offering a victim (her photos, a price) to clients is exploitation, not recruitment
            between = text[c1:targets[0].start]
            if _CLIENT_WORDS.search(between) and not _JOB_WORDS.search(between):
                continue
        if rel == "works_for":
            targets = [t for t in targets[:1] if t.start - c1 <= WORKS_GAP]
        if rel == "paid":
            targets = targets[:1] if rule.direction == "forward" else targets
            sources = sources if rule.direction != "receive" else sources
        if not sources or not targets:
            continue
        when = _date(clause)
        for src in {r.entity: r for r in sources}.values():
            for t in {r.entity: r for r in targets}.values():
                if t.entity == src.entity:
                    continue
                lo_span = min(src.start, t.start, c0)
                hi_span = max(src.end, t.end, c1)
                out.append((src.entity, t.entity, rel, to_evidence(lo_span, hi_span), when))
    sep = separate_file_ties(text, mentions, roles, to_evidence)
    df = pd.concat([pd.DataFrame(out, columns=TIE_COLUMNS), sep], ignore_index=True)
    return df.drop_duplicates(["source", "target", "relation", "evidence"]).reset_index(drop=True)


_SEPARATE_MARK = re.compile(r"(?i)\(\s*(?:dalam\s+|di\s+)?(?:berkas|penuntutan|perkara)(?:\s+perkara)?\s+(?:secara\s+)?terpisah\s*\)"
                            r"|\b(?:dalam|di)\s+(?:berkas|penuntutan)(?:\s+perkara)?\s+(?:secara\s+)?terpisah")


def separate_file_ties(text: str, mentions: pd.DataFrame, roles: dict[str, list[str]], to_evidence) -> pd.DataFrame:
    """``co_defendant`` ties from lists marked as tried separately:
    ``A, B dan C (Berkas Perkara Terpisah)`` links each of A, B, C with every defendant.

    >>> t = "Terdakwa bersama ANTO, BENI dan CICI (berkas perkara terpisah) menampung korban."
    >>> m = pd.DataFrame({"kind": "person", "entity": ["d", "a", "b", "c"], "start": [0, 17, 23, 32],
    ...     "end": [8, 21, 27, 36]})
    >>> separate_file_ties(t, m, {"d": ["defendant"]}, lambda s, e: f"f:{s}-{e}")[["source", "target"]].values.tolist()
    [['d', 'a'], ['d', 'b'], ['d', 'c']]
    """
    m = mentions.loc[mentions["entity"].notna() & (mentions["kind"] == "person"), ["kind", "entity", "start", "end"]]
    recs = sorted((_Mention(*r) for r in zip(m["kind"].tolist(), m["entity"].tolist(), m["start"].tolist(),
                                             m["end"].tolist())), key=lambda r: r.start)
    starts = [r.start for r in recs]
    defendants = sorted({e for e, r in roles.items() if "defendant" in (r or [])})
    out = []
    for mk in _SEPARATE_MARK.finditer(text):
        i = bisect_left(starts, mk.start()) - 1
        if i < 0 or not re.fullmatch(r"[\s,]*(?:\(\s*)?(?:DPO\s*\)?)?[\s,]*", text[recs[i].end:mk.start()]):
            continue
        listed = [recs[i]]
        j = i - 1
        while j >= 0 and _LIST_LINK.match(text[recs[j].end:listed[-1].start]) and listed[-1].start - recs[j].end < 40:
            listed.append(recs[j])
            j -= 1
        for p in reversed(listed):
            if p.entity in defendants:
                continue
            for d in defendants:
                out.append((d, p.entity, "co_defendant", to_evidence(p.start, mk.end()), pd.NaT))
    df = pd.DataFrame(out, columns=TIE_COLUMNS)
    return df.drop_duplicates(["source", "target", "relation"]).reset_index(drop=True)

