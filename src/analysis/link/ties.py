"""Ties between the entities of one decision, each with the span of text that shows it.

Two sources of ties:

* structure: every pair of a decision's defendants is ``co_defendant``, and so is each
  defendant with each person the decision says is tried in a separate file
  (``berkas terpisah``);
* sentences: a cue verb from ``data/link_relations.csv`` (``merekrut`` → ``recruited``,
  ``memberangkatkan ... ke`` → ``sent_to``, ``karyawan PT`` → ``works_for``, ...) links the
  nearest person before the cue to the mentions after it of the cue's target kind (or the
  reverse for passive cues such as ``direkrut oleh``), inside one sentence.

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


@lru_cache(maxsize=1)
def load_relations() -> pd.DataFrame:
    """The committed cue → relation map (``data/link_relations.csv``)."""
    with resources.files("analysis").joinpath("data/link_relations.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    bad = set(df["direction"]) - {"forward", "backward"}
    if bad:
        raise ValueError(f"link_relations.csv: unknown direction {sorted(bad)}")
    return df


@lru_cache(maxsize=1)
def _cue_rx() -> tuple[re.Pattern, dict]:
    rel = load_relations()
    rows = {" ".join(r.cue.split()): r for r in rel.itertuples(index=False)}
    alts = sorted(rows, key=len, reverse=True)
    return re.compile(caseless_alternation([c.split() for c in alts], r"\s+") + r"\b"), rows


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
                  to_evidence) -> pd.DataFrame:
    """Ties read from cue verbs inside sentences (columns ``TIE_COLUMNS``; ids are entity ids).

    ``mentions`` needs ``kind``, ``entity``, ``start``, ``end`` (cleaned offsets); ``roles``
    maps entity → roles; ``place_roles`` maps place entity → destination/transit;
    ``to_evidence(start, end)`` turns a cleaned span into the evidence string.
    """
    rx, rows = _cue_rx()
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


def structural_ties(entities: pd.DataFrame) -> pd.DataFrame:
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
