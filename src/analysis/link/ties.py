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
from functools import lru_cache
from importlib import resources
from itertools import combinations

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
    rx = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, c.split())) for c in alts) + r")\b", re.IGNORECASE)
    return rx, rows


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


def sentence_ties(text: str, mentions: pd.DataFrame, roles: dict[str, list[str]], place_roles: dict[str, str],
                  to_evidence) -> pd.DataFrame:
    """Ties read from cue verbs inside sentences (columns ``TIE_COLUMNS``; ids are entity ids).

    ``mentions`` needs ``kind``, ``entity``, ``start``, ``end`` (cleaned offsets); ``roles``
    maps entity → roles; ``place_roles`` maps place entity → destination/transit;
    ``to_evidence(start, end)`` turns a cleaned span into the evidence string.
    """
    rx, rows = _cue_rx()
    m = mentions.loc[mentions["entity"].notna(), ["kind", "entity", "start", "end"]].sort_values("start")
    recs = list(m.itertuples(index=False))
    starts = m["start"].to_numpy()
    out = []

    def is_source(r) -> bool:
        return r.kind == "person" and "victim" not in roles.get(r.entity, [])

    for cue in rx.finditer(text):
        rule = rows[" ".join(cue.group(0).lower().split())]

        def is_target(r, rule=rule) -> bool:
            if r.kind != rule.target_kind:
                return False
            if rule.target_kind == "place":
                return place_roles.get(r.entity) == "destination"
            if rule.target_role:
                return rule.target_role in roles.get(r.entity, [])
            return "victim" not in roles.get(r.entity, []) or rule.relation == "paid"

        # the sentence around the cue
        s0 = max(text.rfind(";", 0, cue.start()), text.rfind("\n-", 0, cue.start()), text.rfind(". ", 0, cue.start())) + 1
        e_candidates = [x for x in (text.find(";", cue.end()), text.find("\n-", cue.end()), text.find(". ", cue.end())) if x >= 0]
        s1 = min(e_candidates) if e_candidates else len(text)
        if s1 - s0 > 1500:
            s1 = min(s1, cue.end() + 600)
            s0 = max(s0, cue.start() - 600)
        inside = recs[starts.searchsorted(s0):starts.searchsorted(s1)]
        before = [r for r in inside if r.end <= cue.start()]
        after = [r for r in inside if r.start >= cue.end()]
        src_side, tgt_side = (before, after) if rule.direction == "forward" else (after, before)
        src_rows = [r for r in src_side if is_source(r)]
        if not src_rows:
            continue
        src = src_rows[-1] if rule.direction == "forward" else src_rows[0]
        targets = [r for r in tgt_side if is_target(r) and r.entity != src.entity]
        if rule.relation == "works_for":
            # "X selaku direktur PT Y": the company follows the cue word and the person precedes it closely.
            targets = [t for t in targets[:1] if tgt_side and t is tgt_side[0] and t.start - cue.end() <= WORKS_GAP]
            if cue.start() - src.end > WORKS_GAP:
                targets = []
        if rule.relation == "paid" and targets:
            targets = targets[:1]
        if not targets:
            continue
        when = _date(text[s0:s1])
        for t in {t.entity: t for t in targets}.values():
            lo_span = min(src.start, t.start, cue.start())
            hi_span = max(src.end, t.end, cue.end())
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
    persons = entities.loc[entities["kind"] == "person"]
    defs = persons.loc[persons["roles"].map(lambda r: "defendant" in r)]
    sep = persons.loc[persons["roles"].map(lambda r: "co-defendant tried separately" in r and "defendant" not in r)]
    out = []
    for (_, a), (_, b) in combinations(defs.iterrows(), 2):
        ev = b["evidence"] if isinstance(b["evidence"], str) else a["evidence"]
        if isinstance(ev, str):
            out.append((a["entity"], b["entity"], "co_defendant", ev, pd.NaT))
    for _, a in defs.iterrows():
        for _, b in sep.iterrows():
            if isinstance(b["evidence"], str):
                out.append((a["entity"], b["entity"], "co_defendant", b["evidence"], pd.NaT))
    return pd.DataFrame(out, columns=TIE_COLUMNS)
