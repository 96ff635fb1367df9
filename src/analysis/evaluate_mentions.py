"""Score fugitive (DPO) and company mentions of the court decisions against the gold set.

The gold file ``tests/gold/mentions_gold.csv`` (rules in ``tests/gold/README.md``) lists, per
decision, the companies of the recruitment chain by name and each fugitive other than the
defendants by one raw character offset (no names). Two scorers compare the extractor with it:

* ``match_fugitives`` -- a gold fugitive is *found* when, in the same decision, a system
  person with the role ``fugitive`` (and not ``defendant``) has a mention whose raw span
  covers the gold offset or ends or starts at most ``FUGITIVE_WINDOW`` (200) characters from
  it. The gold offset points at the DPO marker that follows a name, or at a name in a list
  closed by one marker, so a correct mention lies a few characters before it; 200 characters
  allow for an alias and a parenthesis between name and marker without reaching the next
  sentence. Each gold fugitive matches at most one system fugitive and the other way round;
  the pairing that matches the most gold fugitives at the least total distance is taken
  (Hungarian method: Kuhn, "The Hungarian method for the assignment problem", 1955, as
  implemented by ``scipy.optimize.linear_sum_assignment``, Crouse 2016). Unmatched system
  fugitives of a scored decision are false positives.
* ``match_companies`` -- gold and system company names of one decision are compared by
  ``company_name_key`` (legal form kept, dots, commas and case dropped): that is the
  *strict* score. The *lenient* score also accepts a system name that differs from the gold
  name only by OCR slips (core similarity >= ``COMPANY_FUZZ``), by words added or cut at the
  end (one core is a word prefix of the other), or by being its acronym (``PT DRP`` for three
  words with those initials). Both pair names one to one with the same Hungarian method.

Micro-averaged precision, recall and F1 over all scored decisions come from ``score_matches``
(``analysis.evaluate.prf``). Nothing here writes or prints a person's name: fugitives are
identified by the system's pseudonymous id and raw offsets only.

>>> import pandas as pd
>>> gold = pd.DataFrame({"source_file": ["a.txt", "a.txt"], "kind": ["dpo_person"] * 2,
...                      "company": [None, None], "raw_offset": ["120", "900"]})
>>> system = pd.DataFrame({"source_file": ["a.txt", "a.txt"], "fugitive": ["P-1", "P-2"],
...                        "start": [100, 5000], "end": [115, 5010]})
>>> m = match_fugitives(system, gold, files=["a.txt"])
>>> m[["gold_offset", "fugitive", "distance", "status"]].values.tolist()
[[120, 'P-1', 5, 'tp'], [900, None, None, 'fn'], [None, 'P-2', None, 'fp']]
>>> s = score_matches(m, "dpo_persons")
>>> s[["tp", "fp", "fn"]].values.tolist(), s[["precision", "recall"]].values.tolist()
([[1, 1, 1]], [[0.5, 0.5]])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

FUGITIVE_WINDOW = 200
EXPLAIN_WINDOW = 40       # a name directly before its DPO marker: how near a person mention must be to explain a miss
COMPANY_FUZZ = 0.85
MATCH_COLUMNS = ["source_file", "gold_offset", "fugitive", "distance", "status", "error"]
COMPANY_COLUMNS = ["source_file", "gold", "system", "how", "status", "error"]
SCORE_COLUMNS = ["field", "n", "tp", "fp", "fn", "precision", "recall", "f1"]

_EVIDENCE = re.compile(r"^(?P<file>.*):(?P<start>\d+)-(?P<end>\d+)$")
_PUNCT = re.compile(r"[^\w\s-]+")
_WS = re.compile(r"\s+")
# Legal-form words that open a company name (the same list as analysis.link.companies).
_LEGAL = ("pt", "cv", "lpk", "p3mi", "pptkis", "pjtki", "blkln", "ud", "yayasan")


def _file_name(path) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def parse_evidence(evidence: str) -> tuple[str, int, int]:
    """``"<file>:<start>-<end>"`` to ``(file, start, end)``; a clear error on anything else.

    >>> parse_evidence("12_Pid.Sus_2025_PN_Mdn.txt:835-854")
    ('12_Pid.Sus_2025_PN_Mdn.txt', 835, 854)
    """
    m = _EVIDENCE.match(str(evidence))
    if not m:
        raise ValueError(f"evidence {evidence!r} is not '<file>:<start>-<end>'")
    return m["file"], int(m["start"]), int(m["end"])


def _best_pairs(cost: np.ndarray, feasible: np.ndarray) -> list[tuple[int, int]]:
    """Row/column pairs of a one-to-one matching with the most feasible pairs, then least cost."""
    if cost.size == 0 or not feasible.any():
        return []
    big = float(cost[feasible].sum()) + 1.0        # any infeasible pair costs more than all feasible ones
    c = np.where(feasible, cost, big * (cost.shape[0] + cost.shape[1]))
    rows, cols = linear_sum_assignment(c)
    return [(int(r), int(k)) for r, k in zip(rows, cols) if feasible[r, k]]


# ----------------------------------------------------------------------------- fugitives

def fugitive_spans(mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """The system's fugitives as ``source_file, fugitive, start, end`` (raw offsets), no names.

    Takes the in-memory ``mentions`` and ``entities`` of ``analysis.link.actors.link_decisions``.
    A fugitive is a person entity whose roles in that decision include ``fugitive`` but not
    ``defendant`` (the gold set counts fugitives other than the defendants); it is identified
    by its ``actor_id`` (a pseudonym), or by the within-decision entity id when it has none.
    One row per mention of it.

    >>> ents = pd.DataFrame({"entity": ["a#0", "a#1", "a#2"], "kind": ["person", "person", "company"],
    ...                      "roles": [["fugitive"], ["defendant", "fugitive"], []],
    ...                      "actor_id": ["P-9", "P-8", "C-1"]})
    >>> ments = pd.DataFrame({"entity": ["a#0", "a#0", "a#1"], "evidence": ["a.txt:10-15", "a.txt:90-95", "a.txt:1-4"]})
    >>> fugitive_spans(ments, ents).values.tolist()
    [['a.txt', 'P-9', 10, 15], ['a.txt', 'P-9', 90, 95]]
    """
    cols = ["source_file", "fugitive", "start", "end"]
    if mentions is None or entities is None or not len(mentions) or not len(entities):
        return pd.DataFrame(columns=cols)
    for name, frame, need in (("entities", entities, {"entity", "kind", "roles"}),
                              ("mentions", mentions, {"entity", "evidence"})):
        missing = need - set(frame.columns)
        if missing:
            raise KeyError(f"{name} lacks column(s) {sorted(missing)}")
    is_fug = [k == "person" and "fugitive" in list(r) and "defendant" not in list(r)
              for k, r in zip(entities["kind"], entities["roles"])]
    fug = entities.loc[is_fug]
    ident = fug["actor_id"] if "actor_id" in fug.columns else fug["entity"]
    ident = dict(zip(fug["entity"], ident.where(ident.notna(), fug["entity"])))
    rows = []
    for ent, evidence in zip(mentions["entity"], mentions["evidence"]):
        if ent in ident and isinstance(evidence, str):
            f, s, e = parse_evidence(evidence)
            rows.append((f, ident[ent], s, e))
    out = pd.DataFrame(rows, columns=cols).drop_duplicates()
    return out.sort_values(cols).reset_index(drop=True)


def person_spans(mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Every person mention as ``source_file, fugitive, start, end`` (the second column holds
    the person's id whatever the role): what ``match_fugitives`` uses to say why a gold
    fugitive was missed.

    >>> ents = pd.DataFrame({"entity": ["a#0"], "kind": ["person"], "roles": [["victim"]], "actor_id": ["V-1"]})
    >>> person_spans(pd.DataFrame({"entity": ["a#0"], "evidence": ["a.txt:5-9"]}), ents).values.tolist()
    [['a.txt', 'V-1', 5, 9]]
    """
    if entities is None or not len(entities):
        return fugitive_spans(mentions, entities)
    as_fugitive = entities.assign(roles=[["fugitive"] if k == "person" else [] for k in entities["kind"]])
    return fugitive_spans(mentions, as_fugitive)


def link_gold_mentions(folder, cases: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """``fugitives`` and ``persons`` (``fugitive_spans`` / ``person_spans``) and the linked
    ``actors`` of the decisions in ``folder``; names stay in memory only.

    Parses each file (``analysis.extract.decisions.parse_decision``), sets duplicate copies
    aside as the pipeline does (``mark_duplicates``), and runs
    ``analysis.link.actors.link_decisions``, the function the pipeline's linking step calls,
    so ``actors`` equals what ``process_decisions(folder)`` returns. Files that cannot be
    parsed are absent here; the case tables report them as rejects.
    """
    from analysis.extract.decisions import (
        list_decision_files,
        mark_duplicates,
        parse_decision,
    )
    from analysis.extract.model import ParsedDecision
    from analysis.link.actors import link_decisions

    parsed = [p for p in (parse_decision(f) for f in list_decision_files(folder)) if isinstance(p, ParsedDecision)]
    kept, _, _ = mark_duplicates(parsed)
    res = link_decisions(kept, cases)
    actors = res["actors"]
    clear = res.get("clear_labels") or {}
    if clear:   # score extraction by name: labels pseudonymised for holding a person's name, in memory only
        actors = actors.assign(label=[clear.get(a, x) for a, x in zip(actors["actor_id"], actors["label"])])
    return {"fugitives": fugitive_spans(res["mentions"], res["entities"]),
            "persons": person_spans(res["mentions"], res["entities"]), "actors": actors}


def _distance(offset: int, starts: np.ndarray, ends: np.ndarray) -> float:
    inside = (starts <= offset) & (offset <= ends)
    if inside.any():
        return 0.0
    return float(np.minimum(np.abs(starts - offset), np.abs(ends - offset)).min())


def _gold_fugitives(gold: pd.DataFrame, files: Iterable[str]) -> pd.DataFrame:
    g = gold.loc[gold["kind"].eq("dpo_person"), ["source_file", "raw_offset"]].copy()
    off = pd.to_numeric(g["raw_offset"], errors="coerce")
    if off.isna().any():
        bad = g.loc[off.isna(), "source_file"].tolist()
        raise ValueError(f"gold fugitives without a numeric raw_offset in {bad}")
    g["raw_offset"] = off.astype(int)
    return g[g["source_file"].isin(set(files))]


def match_fugitives(system: pd.DataFrame, gold: pd.DataFrame, files: Iterable[str] | None = None, *,
                    window: int = FUGITIVE_WINDOW, persons: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per gold fugitive (``tp`` or ``fn``) and per unmatched system fugitive (``fp``).

    ``system``: ``source_file, fugitive, start, end`` (``fugitive_spans``); ``gold``: the
    mentions gold table; ``files``: the decisions scored (default: every file in either).
    ``persons`` (same columns, any person mention) lets a miss say why: ``error`` is
    ``"person found, not marked fugitive"`` when some person mention lies within
    ``EXPLAIN_WINDOW`` characters, ``"no person mention"`` otherwise, ``"fugitive near, paired elsewhere"`` when a system
    fugitive was near but matched another gold fugitive.

    >>> gold = pd.DataFrame({"source_file": ["a.txt"] * 2, "kind": ["dpo_person"] * 2,
    ...                      "raw_offset": [50, 60]})
    >>> sys_ = pd.DataFrame({"source_file": ["a.txt"], "fugitive": ["P-1"], "start": [40], "end": [48]})
    >>> match_fugitives(sys_, gold)[["gold_offset", "status", "error"]].values.tolist()
    [[50, 'tp', None], [60, 'fn', 'fugitive near, paired elsewhere']]
    """
    need = {"source_file", "fugitive", "start", "end"}
    if not need <= set(system.columns):
        raise KeyError(f"system fugitives need columns {sorted(need)}")
    sysf = system.assign(source_file=system["source_file"].map(_file_name))
    if files is None:
        files = set(sysf["source_file"]) | set(gold.loc[gold["kind"].eq("dpo_person"), "source_file"])
    files = sorted(set(files))
    g = _gold_fugitives(gold, files)
    sysf = sysf[sysf["source_file"].isin(files)]
    pers = None if persons is None else persons.assign(source_file=persons["source_file"].map(_file_name))
    rows = []
    for f in files:
        offsets = sorted(g.loc[g["source_file"] == f, "raw_offset"].tolist())
        s = sysf[sysf["source_file"] == f]
        ids = sorted(s["fugitive"].unique().tolist())
        spans = {i: (s.loc[s["fugitive"] == i, "start"].to_numpy(int), s.loc[s["fugitive"] == i, "end"].to_numpy(int))
                 for i in ids}
        cost = np.array([[_distance(o, *spans[i]) for i in ids] for o in offsets]).reshape(len(offsets), len(ids))
        pairs = dict(_best_pairs(cost, cost <= window))
        used = set(pairs.values())
        for r, o in enumerate(offsets):
            if r in pairs:
                rows.append((f, int(o), ids[pairs[r]], int(cost[r, pairs[r]]), "tp", None))
                continue
            if len(ids) and (cost[r] <= window).any():
                why = "fugitive near, paired elsewhere"
            elif pers is not None and len(p := pers[pers["source_file"] == f]) and \
                    _distance(o, p["start"].to_numpy(int), p["end"].to_numpy(int)) <= EXPLAIN_WINDOW:
                why = "person found, not marked fugitive"
            else:
                why = "no person mention" if pers is not None else None
            rows.append((f, int(o), None, None, "fn", why))
        for k, i in enumerate(ids):
            if k not in used:
                rows.append((f, None, i, None, "fp", None))
    return pd.DataFrame(rows, columns=MATCH_COLUMNS, dtype=object)


def first_spans(system: pd.DataFrame) -> pd.DataFrame:
    """Each system fugitive's first mention (``source_file, fugitive, start, end``): where to read a false positive.

    >>> s = pd.DataFrame({"source_file": ["a"] * 2, "fugitive": ["P-1"] * 2, "start": [90, 10], "end": [95, 15]})
    >>> first_spans(s).values.tolist()
    [['a', 'P-1', 10, 15]]
    """
    return system.sort_values("start").groupby(["source_file", "fugitive"], as_index=False).first()


# ----------------------------------------------------------------------------- companies

def company_name_key(name: str) -> str:
    """A company name compared without punctuation, case or spacing; the legal form is kept
    (``PT Mega`` and ``LPK Mega`` are two bodies).

    >>> company_name_key("PT. INDO  CRUISE, SUMATERA")
    'pt indo cruise sumatera'
    >>> company_name_key("P.T. Arco") == company_name_key("PT Arco")
    True
    """
    s = _WS.sub(" ", _PUNCT.sub(" ", str(name))).strip().casefold()
    s = re.sub(r"^p t\b", "pt", s)
    return s


def company_core_key(name: str) -> str:
    """``company_name_key`` without the leading legal-form word(s).

    >>> company_core_key("PT. LPK Kashiro")
    'kashiro'
    """
    words = company_name_key(name).split()
    while words and words[0] in _LEGAL:
        words = words[1:]
    return " ".join(words)


def company_similarity(gold: str, system: str) -> tuple[float, str | None]:
    """How a system company name matches a gold one: ``(score, how)``, ``how`` in ``exact``,
    ``acronym``, ``prefix``, ``fuzzy`` or ``None`` (no match, score 0). Legal forms must agree
    when both names carry one (``PT`` vs ``LPK``). The score ranks the rules in that order
    (1, 0.95, 0.9, then 0.8 x the rapidfuzz Indel ratio) so that pairing prefers the surest.

    >>> company_similarity("PT. DRP", "PT DEWA RENCANA PERANGIN")
    (0.95, 'acronym')
    >>> company_similarity("PT INDO CRUISE SUMATERA", "PT INDO CRUISE SUMATERA. TANGGAPAN")[1]
    'prefix'
    >>> company_similarity("PT Karya Abdi Mulia", "PT KARYA ABADI MULIA")[1]
    'fuzzy'
    >>> company_similarity("PT Mega Jaya", "LPK Mega Jaya")
    (0.0, None)
    """
    a, b = company_name_key(gold), company_name_key(system)
    if a == b:
        return 1.0, "exact"
    fa, fb = a.split()[:1], b.split()[:1]
    if fa and fb and fa[0] in _LEGAL and fb[0] in _LEGAL and fa[0] != fb[0]:
        return 0.0, None
    ca, cb = company_core_key(gold), company_core_key(system)
    if not ca or not cb:
        return 0.0, None
    if ca == cb:
        return 1.0, "exact"
    for short, long_ in ((ca, cb), (cb, ca)):
        if " " not in short and len(long_.split()) >= 2 and short == "".join(w[0] for w in long_.split()):
            return 0.95, "acronym"
    wa, wb = ca.split(), cb.split()
    n = min(len(wa), len(wb))
    if wa[:n] == wb[:n] and len(" ".join(wa[:n])) >= 3:
        return 0.9, "prefix"
    score = fuzz.ratio(ca, cb) / 100.0
    if score >= COMPANY_FUZZ:
        return 0.8 * score, "fuzzy"       # ranked below the rules above when pairing
    return 0.0, None


def system_companies(actors: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Company actors per decision, ``source_file, company``: each company actor counts in
    every case its ``cases`` list names (its ``label`` is the name it is known by).

    >>> actors = pd.DataFrame({"kind": ["company", "person"], "label": ["PT A", "P-1"],
    ...                        "cases": [["1/X", "2/Y"], ["1/X"]]})
    >>> cases = pd.DataFrame({"case_id": ["1/X"], "source_file": ["/d/1.txt"]})
    >>> system_companies(actors, cases).values.tolist()
    [['1.txt', 'PT A']]
    """
    for name, frame, need in (("actors", actors, {"kind", "label", "cases"}), ("cases", cases, {"case_id", "source_file"})):
        missing = need - set(frame.columns)
        if missing:
            raise KeyError(f"{name} lacks column(s) {sorted(missing)}")
    file_of = {str(c): _file_name(f) for c, f in zip(cases["case_id"], cases["source_file"])}
    rows = set()
    comp = actors[actors["kind"] == "company"]
    for label, cs in zip(comp["label"], comp["cases"]):
        for c in ([] if cs is None or (isinstance(cs, float) and pd.isna(cs)) else list(cs)):
            if str(c) in file_of:
                rows.add((file_of[str(c)], str(label)))
    return pd.DataFrame(sorted(rows), columns=["source_file", "company"])


def match_companies(system: pd.DataFrame, gold: pd.DataFrame, files: Iterable[str] | None = None, *,
                    lenient: bool = True) -> pd.DataFrame:
    """One row per gold company (``tp``/``fn``) and per unmatched system company (``fp``).

    ``how`` says how a pair matched (``exact`` only, when ``lenient`` is false). A false
    positive's ``error`` is ``"variant of a gold company"`` when it resembles (lenient rule) a
    gold company of the decision that another system name already took, else ``"not in gold"``.

    >>> gold = pd.DataFrame({"source_file": ["a"] * 2, "kind": ["company"] * 2, "company": ["PT. Maju", "PT DRP"]})
    >>> sys_ = pd.DataFrame({"source_file": ["a"] * 3, "company": ["PT MAJU", "PT MAJU KAB", "PT DEWA RAYA PERSADA"]})
    >>> match_companies(sys_, gold)[["gold", "system", "how", "status", "error"]].values.tolist()
    [['PT DRP', 'PT DEWA RAYA PERSADA', 'acronym', 'tp', None], ['PT. Maju', 'PT MAJU', 'exact', 'tp', None], [None, 'PT MAJU KAB', None, 'fp', 'variant of a gold company']]
    """
    if not {"source_file", "company"} <= set(system.columns):
        raise KeyError("system companies need columns ['company', 'source_file']")
    g = gold.loc[gold["kind"].eq("company"), ["source_file", "company"]]
    s = system.assign(source_file=system["source_file"].map(_file_name))
    if files is None:
        files = set(g["source_file"]) | set(s["source_file"])
    files = sorted(set(files))
    rows = []
    for f in files:
        gn = sorted(set(g.loc[g["source_file"] == f, "company"].dropna()), key=company_name_key)
        sn = sorted(set(s.loc[s["source_file"] == f, "company"].dropna()), key=company_name_key)
        sim = [[company_similarity(a, b) for b in sn] for a in gn]
        score = np.array([[x[0] for x in r] for r in sim]).reshape(len(gn), len(sn))
        ok = np.array([[(x[1] is not None) if lenient else (x[1] == "exact") for x in r] for r in sim],
                      dtype=bool).reshape(len(gn), len(sn))
        pairs = dict(_best_pairs(1.0 - score, ok))
        used = set(pairs.values())
        for r, a in enumerate(gn):
            if r in pairs:
                rows.append((f, a, sn[pairs[r]], sim[r][pairs[r]][1], "tp", None))
            else:
                rows.append((f, a, None, None, "fn", None))
        for k, b in enumerate(sn):
            if k in used:
                continue
            variant = any(sim[r][k][1] is not None for r in range(len(gn)))
            rows.append((f, None, b, None, "fp", "variant of a gold company" if variant else "not in gold"))
    return pd.DataFrame(rows, columns=COMPANY_COLUMNS, dtype=object)


# ----------------------------------------------------------------------------- scores

def score_matches(matches: pd.DataFrame, field: str) -> pd.DataFrame:
    """Micro precision, recall, F1 of a ``match_*`` table as one row (``SCORE_COLUMNS``).

    >>> m = pd.DataFrame({"status": ["tp", "tp", "fn", "fp"]})
    >>> score_matches(m, "x")[["n", "tp", "fp", "fn"]].values.tolist()
    [[3, 2, 1, 1]]
    """
    from analysis.evaluate import prf

    counts = matches["status"].value_counts()
    tp, fp, fn = (int(counts.get(k, 0)) for k in ("tp", "fp", "fn"))
    p, r, f1 = prf(tp, fp, fn)
    return pd.DataFrame([[field, tp + fn, tp, fp, fn, p, r, f1]], columns=SCORE_COLUMNS)


@dataclass
class MentionEvaluation:
    """``scores`` (one row per field: ``dpo_persons``, ``companies`` strict,
    ``companies_lenient``), and the detailed ``fugitives`` and ``companies`` match tables
    (lenient rule) for error analysis. Neither holds a person's name."""

    scores: pd.DataFrame
    fugitives: pd.DataFrame
    companies: pd.DataFrame


def scored_files(gold: Mapping[str, pd.DataFrame]) -> list[str]:
    """Gold decisions scored for mentions: verdicts that are not duplicate copies."""
    d = gold["decisions"]
    keep = d["duplicate_of"].isna()
    if "document" in d.columns:
        keep &= d["document"].ne("order")
    return sorted(d.loc[keep, "source_file"])


def evaluate_mentions(tables: Mapping[str, pd.DataFrame], gold: Mapping[str, pd.DataFrame],
                      fugitives: pd.DataFrame | None = None, persons: pd.DataFrame | None = None) -> MentionEvaluation:
    """Score companies (from ``tables["actors"]`` and ``tables["cases"]``) and, when
    ``fugitives`` (``fugitive_spans`` output) is given, fugitives, on the gold decisions
    from ``scored_files``. A field whose input is missing is left out of ``scores``."""
    files = scored_files(gold)
    scores, fug, comp = [], pd.DataFrame(columns=MATCH_COLUMNS), pd.DataFrame(columns=COMPANY_COLUMNS)
    if fugitives is not None:
        fug = match_fugitives(fugitives, gold["mentions"], files, persons=persons)
        scores.append(score_matches(fug, "dpo_persons"))
    actors, cases = tables.get("actors"), tables.get("cases")
    if isinstance(actors, pd.DataFrame) and isinstance(cases, pd.DataFrame) and "cases" in actors.columns:
        sysc = system_companies(actors, cases)
        strict = match_companies(sysc, gold["mentions"], files, lenient=False)
        comp = match_companies(sysc, gold["mentions"], files, lenient=True)
        scores += [score_matches(strict, "companies"), score_matches(comp, "companies_lenient")]
    out = pd.concat(scores, ignore_index=True) if scores else pd.DataFrame(columns=SCORE_COLUMNS)
    return MentionEvaluation(scores=out, fugitives=fug, companies=comp)
