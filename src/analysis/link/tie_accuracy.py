"""Precision and recall of the ``ties`` of a decision against a relation gold set read by hand.

The gold set (``tests/gold/relations_<half>_*.csv``, described in ``tests/gold/README_relations.md``)
lists, per decision, the entities the decision speaks of (each located by one to four
character spans of the raw file, its *anchors*) and every relation the decision states
between two of them. The extractor's entities are matched to gold entities by their
mention spans: a predicted entity is the gold entity one of whose anchors overlaps one of
its mentions (when several gold entities overlap, the one overlapped most often; equal
counts go to the lower entity number). A predicted tie is then the triple
(relation, gold source, gold target); it is a true positive when the gold set holds that
triple, a false positive otherwise, including every tie touching an entity that matches no
gold entity. ``co_defendant`` is unordered on both sides. The same triple predicted twice
counts once.

Convention: precision = TP / (TP + FP) and recall = TP / (TP + FN), each NaN when its
denominator is zero (a relation never predicted has no precision; one never stated has no
recall). The ``all`` row pools the counts of every relation.

>>> ents = pd.DataFrame({"source_file": ["f"] * 3, "entity": ["E1", "E2", "E3"],
...     "anchors": ["0-5", "10-15", "20-25"]})
>>> gold = pd.DataFrame({"source_file": ["f", "f"], "relation": ["recruited", "paid"],
...     "source": ["E1", "E2"], "target": ["E2", "E1"]})
>>> spans = pd.DataFrame({"source_file": ["f"] * 3, "entity": ["a", "b", "c"], "start": [1, 11, 40],
...     "end": [3, 14, 44]})
>>> pred = pd.DataFrame({"source_file": ["f", "f"], "relation": ["recruited", "paid"],
...     "source": ["a", "c"], "target": ["b", "a"]})
>>> score_ties(pred, spans, ents, gold)[["relation", "tp", "fp", "fn", "precision", "recall"]].values.tolist()
[['paid', 0, 1, 1, 0.0, 0.0], ['recruited', 1, 0, 0, 1.0, 1.0], ['all', 1, 1, 1, 0.5, 0.5]]
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

HALVES = ("dev", "test")
UNORDERED = frozenset({"co_defendant"})
SCORE_COLUMNS = ["relation", "tp", "fp", "fn", "precision", "recall"]
_EVIDENCE = re.compile(r":(\d+)-(\d+)$")


def parse_spans(text: str) -> list[tuple[int, int]]:
    """``"3-9;20-25"`` → ``[(3, 9), (20, 25)]`` (empty or malformed parts are skipped).

    >>> parse_spans("3-9; 20-25;x")
    [(3, 9), (20, 25)]
    """
    out = []
    for part in str(text or "").split(";"):
        m = re.fullmatch(r"\s*(\d+)-(\d+)\s*", part)
        if m:
            out.append((int(m.group(1)), int(m.group(2))))
    return out


def load_gold(folder: str | Path, half: str) -> dict[str, pd.DataFrame] | None:
    """The three tables of one half (``entities``, ``gold``, ``decisions``), or None if absent.

    >>> load_gold("/nonexistent", "dev") is None
    True
    """
    folder = Path(folder)
    paths = {k: folder / f"relations_{half}_{k}.csv" for k in ("entities", "gold", "decisions")}
    if not paths["entities"].exists() or not paths["gold"].exists():
        return None
    out = {k: pd.read_csv(p, dtype=str, keep_default_na=False) for k, p in paths.items() if p.exists()}
    if "decisions" not in out:
        out["decisions"] = pd.DataFrame({"source_file": sorted(set(out["entities"]["source_file"]))})
    return out


def match_entities(spans: pd.DataFrame, entities: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(source_file, predicted entity) → gold entity, by overlapping mention and anchor spans.

    ``spans`` has ``source_file, entity, start, end`` (raw offsets); ``entities`` is the gold
    entities table. Overlap means the half-open spans share at least one character.

    >>> e = pd.DataFrame({"source_file": ["f", "f"], "entity": ["E1", "E2"], "anchors": ["0-4", "6-9;30-34"]})
    >>> s = pd.DataFrame({"source_file": ["f", "f", "f"], "entity": ["x", "y", "y"],
    ...     "start": [2, 31, 50], "end": [3, 33, 55]})
    >>> match_entities(s, e)
    {('f', 'x'): 'E1', ('f', 'y'): 'E2'}
    """
    anchors: dict[str, list[tuple[int, int, str]]] = {}
    for f, ent, a in zip(entities["source_file"], entities["entity"], entities["anchors"]):
        for s, e in parse_spans(a):
            anchors.setdefault(f, []).append((s, e, ent))
    hits: dict[tuple[str, str], Counter] = {}
    for f, ent, s, e in zip(spans["source_file"], spans["entity"], spans["start"], spans["end"]):
        for a0, a1, g in anchors.get(f, ()):
            if s < a1 and a0 < e:
                hits.setdefault((f, ent), Counter())[g] += 1
    return {k: min(c, key=lambda g: (-c[g], _entity_number(g), g)) for k, c in hits.items()}


def _entity_number(g: str) -> int:
    m = re.search(r"\d+", g)
    return int(m.group(0)) if m else 0


def _key(relation: str, a: str, b: str) -> tuple[str, str, str]:
    if relation in UNORDERED and _entity_number(b) < _entity_number(a):
        a, b = b, a
    return relation, a, b


def score_ties(pred: pd.DataFrame, spans: pd.DataFrame, entities: pd.DataFrame, gold: pd.DataFrame,
               files=None) -> pd.DataFrame:
    """Per relation and ``all``: TP, FP, FN, precision, recall (columns ``SCORE_COLUMNS``).

    ``pred`` has ``source_file, relation, source, target`` with predicted entity ids; only
    decisions in ``files`` (default: those of the gold entities) are scored.
    """
    files = set(entities["source_file"]) if files is None else set(files)
    mapping = match_entities(spans.loc[spans["source_file"].isin(files)], entities)
    truth = {(f, *_key(r, s, t)) for f, r, s, t in zip(gold["source_file"], gold["relation"], gold["source"],
                                                        gold["target"]) if f in files}
    got: set = set()
    unmatched: Counter = Counter()
    seen_unmatched: set = set()
    for f, r, s, t in zip(pred["source_file"], pred["relation"], pred["source"], pred["target"]):
        if f not in files:
            continue
        gs, gt = mapping.get((f, s)), mapping.get((f, t))
        if gs is None or gt is None or gs == gt:
            if (f, r, s, t) not in seen_unmatched:
                seen_unmatched.add((f, r, s, t))
                unmatched[r] += 1
            continue
        got.add((f, *_key(r, gs, gt)))
    relations = sorted({k[1] for k in truth} | {k[1] for k in got} | set(unmatched))
    rows = []
    for rel in relations + ["all"]:
        sel = (lambda k: True) if rel == "all" else (lambda k, rel=rel: k[1] == rel)
        g, p = {k for k in truth if sel(k)}, {k for k in got if sel(k)}
        tp = len(g & p)
        fp = len(p - g) + (sum(unmatched.values()) if rel == "all" else unmatched[rel])
        fn = len(g - p)
        rows.append((rel, tp, fp, fn, tp / (tp + fp) if tp + fp else float("nan"),
                     tp / (tp + fn) if tp + fn else float("nan")))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def _raw_span(evidence) -> tuple[int, int] | None:
    m = _EVIDENCE.search(str(evidence or ""))
    return (int(m.group(1)), int(m.group(2))) if m else None


def predict_decisions(files, folder: str | Path, baseline: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the extractor on decision ``files`` of ``folder``: (ties, mention spans), entity ids per file.

    ``baseline=True`` uses the cue-only reading kept for comparison (``ties.sentence_ties``
    with ``baseline=True``).
    """
    from analysis.extract.decisions import parse_decision
    from analysis.extract.model import ParsedDecision
    from analysis.link.actors import _evidence_fn, decision_entities
    from analysis.link.ties import sentence_ties, structural_ties

    ties, spans = [], []
    for name in files:
        doc = parse_decision(Path(folder) / name)
        if not isinstance(doc, ParsedDecision):
            continue
        entities, mentions, t = decision_entities(doc)
        if baseline:
            roles = dict(zip(entities["entity"], entities["roles"]))
            place_roles = dict(zip(entities["entity"], entities["place_role"]))
            t = pd.concat([structural_ties(entities, baseline=True),
                           sentence_ties(doc.text or "", mentions.loc[mentions["cue"] != "identity"], roles,
                                         place_roles, _evidence_fn(doc), baseline=True)], ignore_index=True)
        for ent, ev in zip(mentions["entity"], mentions["evidence"]):
            sp = _raw_span(ev)
            if sp is not None and isinstance(ent, str):
                spans.append((name, ent, *sp))
        for r in zip(t["relation"], t["source"], t["target"], t["evidence"]):
            ties.append((name, *r))
    return (pd.DataFrame(ties, columns=["source_file", "relation", "source", "target", "evidence"]),
            pd.DataFrame(spans, columns=["source_file", "entity", "start", "end"]))


def evaluate_half(gold_folder: str | Path, decisions_folder: str | Path, half: str,
                  baseline: bool = False) -> pd.DataFrame | None:
    """Scores of the extractor on one half of the gold set (None when that half is absent)."""
    g = load_gold(gold_folder, half)
    if g is None:
        return None
    files = sorted(set(g["decisions"]["source_file"]) | set(g["entities"]["source_file"]))
    files = [f for f in files if (Path(decisions_folder) / f).exists()]
    pred, spans = predict_decisions(files, decisions_folder, baseline=baseline)
    return score_ties(pred, spans, g["entities"], g["gold"], files)
