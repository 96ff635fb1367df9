"""Score a predicted table against a hand-annotated gold table, field by field.

Used by the case-data accuracy benchmark and reusable by any other benchmark that compares
an extracted table with a gold one. Three questions are answered, each as a tidy table:

* ``score_scalars`` -- for single-valued fields (dates, counts, amounts, names): the share of
  gold rows whose predicted value equals the gold value after normalisation (exact match).
* ``score_sets`` -- for list-valued fields (statutes, countries, companies): micro-averaged
  precision, recall and F1 over all items of all rows, plus the share of rows whose set is
  exactly right. Micro-averaging (pooling true and false positives over rows before dividing)
  follows the usual information-extraction convention (Manning, Raghavan & Schütze,
  *Introduction to Information Retrieval*, 2008, ch. 13.6).
* ``mismatches`` -- one row per wrong or missing value, to see *why* a field scores low.

``evaluate_cases`` applies them to the court-decision tables and the gold set in
``tests/gold/`` (rules in its README). Fugitive (DPO) and company mentions, which need the
linking step's spans and a looser name rule, are scored by ``analysis.evaluate_mentions``.

Normalisation rules (stated once, applied to both sides):

* ``text``   -- case-folded, runs of whitespace collapsed (court names, sex, verdict);
* ``id``     -- case-folded with all whitespace and dots removed, so that
  ``PN Jkt. Sel`` and ``PN JKT.SEL`` agree (case numbers);
* ``date``   -- compared as calendar dates (``2025-06-12`` = ``12/06/2025 00:00``);
* ``int``    -- compared as whole numbers (``"3"`` = ``3.0``); ``amount`` is the same but a
  missing value and ``0`` are equal (no fine ordered = fine of nothing);
* ``months`` -- compared rounded to two decimals, missing equal to ``0`` (no prison term);
* ``bool``   -- ``true/false/1/0/yes/no`` in any case.
* set items are case-folded and whitespace-collapsed; ``statute_key`` further cuts a statute
  reference down to act + article (``UU 21/2007 Pasal 2 ayat (1)`` -> ``uu 21/2007 pasal 2``).

A missing value in the gold table means "not stated"; whether such rows count is chosen per
field with ``skip_missing_gold``. A gold row with no predicted row counts as wrong for every
field (it was not extracted).

>>> import pandas as pd
>>> gold = pd.DataFrame({"file": ["a", "b"], "court": ["PN Medan", "PN Batam"],
...                      "laws": ["UU 21/2007 Pasal 4", "UU 21/2007 Pasal 2;KUHP Pasal 55"]})
>>> pred = pd.DataFrame({"file": ["a", "b"], "court": ["pn  medan", "PN Bogor"],
...                      "laws": [["UU 21/2007 Pasal 4 ayat (1)"], ["UU 21/2007 Pasal 2"]]})
>>> score_scalars(pred, gold, key="file", fields={"court": "text"})[["field", "correct", "n", "accuracy"]]
   field  correct  n  accuracy
0  court        1  2       0.5
>>> s = score_sets(pred, gold, key="file", fields={"laws": statute_key})
>>> s.loc[0, ["tp", "fp", "fn"]].tolist(), round(float(s.loc[0, "recall"]), 3)
([2, 0, 1], 0.667)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

SCALAR_KINDS = ("text", "id", "date", "int", "amount", "months", "bool")

_WS = re.compile(r"\s+")
_STATUTE = re.compile(r"^\s*((?:uu\s+\d+\s*/\s*\d{4}|kuhp)\s+pasal\s+\w+)", re.IGNORECASE)
_TRUE = {"true", "1", "yes", "y", "ya", "t"}
_FALSE = {"false", "0", "no", "n", "tidak", "f"}


# ----------------------------------------------------------------------------- normalisers

def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _to_number(value) -> float | None:
    if _is_missing(value) or isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        v = float(value)
    else:
        try:
            v = float(str(value).strip().replace(",", "."))
        except ValueError:
            return None
    return v if math.isfinite(v) else None


def normalise_scalar(value, kind: str):
    """Canonical form of one cell under the rule ``kind``; ``None`` when missing or unreadable.

    >>> normalise_scalar(" Pengadilan  Negeri MEDAN ", "text")
    'pengadilan negeri medan'
    >>> normalise_scalar("163/Pid.Sus/2025/PN Jkt. Sel", "id")
    '163/pidsus/2025/pnjktsel'
    >>> normalise_scalar("2025-06-12 00:00:00", "date")
    datetime.date(2025, 6, 12)
    >>> normalise_scalar(None, "amount"), normalise_scalar("120000000.0", "amount")
    (0, 120000000)
    >>> normalise_scalar(5.5, "months"), normalise_scalar("TRUE", "bool")
    (5.5, True)
    """
    if kind not in SCALAR_KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {SCALAR_KINDS}")
    if kind == "amount":
        v = _to_number(value)
        return 0 if v is None else round(v)
    if kind == "months":
        v = _to_number(value)
        return 0.0 if v is None else round(v, 2)
    if _is_missing(value):
        return None
    if kind == "text":
        return _WS.sub(" ", str(value)).strip().casefold()
    if kind == "id":
        return re.sub(r"[\s.]+", "", str(value)).casefold()
    if kind == "int":
        v = _to_number(value)
        return None if v is None else round(v)
    if kind == "bool":
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        s = str(value).strip().casefold()
        return True if s in _TRUE else False if s in _FALSE else None
    # date
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None
    return None if pd.isna(ts) else ts.date()


def split_items(value, sep: str = ";") -> list[str]:
    """Items of a list-valued cell: a list/array as is, a string split on ``sep``.

    >>> split_items("Malaysia; Singapore;")
    ['Malaysia', 'Singapore']
    >>> split_items(["UU 21/2007 Pasal 4"]), split_items(None)
    (['UU 21/2007 Pasal 4'], [])
    """
    if value is None or value is pd.NA:
        return []
    if isinstance(value, str):
        parts = value.split(sep)
    elif isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        parts = [str(v) for v in value if not _is_missing(v)]
    elif _is_missing(value):
        return []
    else:
        parts = [str(value)]
    return [p.strip() for p in parts if p and p.strip()]


def item_key(item: str) -> str:
    """Default comparison key of a set item: case-folded, whitespace collapsed.

    >>> item_key("  United   Arab Emirates ")
    'united arab emirates'
    """
    return _WS.sub(" ", item).strip().casefold()


def statute_key(item: str) -> str:
    """Act + article of a statute reference, dropping ayat/huruf/ke- detail.

    >>> statute_key("UU 21/2007 Pasal 2 ayat (1)")
    'uu 21/2007 pasal 2'
    >>> statute_key("KUHP Pasal 55 ayat (1) ke-1")
    'kuhp pasal 55'
    >>> statute_key("UU 35/2014 Pasal 76I")
    'uu 35/2014 pasal 76i'
    """
    m = _STATUTE.match(item)
    base = m.group(1) if m else item
    return item_key(re.sub(r"\s*/\s*", "/", base))


def normalise_set(value, key: Callable[[str], str] = item_key, sep: str = ";") -> frozenset[str]:
    """The set of comparison keys in a list-valued cell.

    >>> sorted(normalise_set("UU 21/2007 Pasal 4;UU 21/2007 Pasal 4 ayat (2)", statute_key))
    ['uu 21/2007 pasal 4']
    """
    return frozenset(k for k in (key(i) for i in split_items(value, sep)) if k)


# ----------------------------------------------------------------------------- alignment

def _keys(key: str | Sequence[str]) -> list[str]:
    return [key] if isinstance(key, str) else list(key)


def align(pred: pd.DataFrame, gold: pd.DataFrame, key: str | Sequence[str],
          key_kinds: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Left-join predictions onto gold rows by ``key`` (normalised with ``key_kinds``).

    Columns come back suffixed ``_gold`` / ``_pred``; ``_matched`` says whether a predicted
    row was found. Duplicate predicted keys are an error: a score over an ambiguous join
    would be meaningless.

    >>> g = pd.DataFrame({"k": ["A 1"], "v": [1]}); p = pd.DataFrame({"k": ["a1"], "v": [2]})
    >>> align(p, g, "k", {"k": "id"})[["v_gold", "v_pred", "_matched"]].values.tolist()
    [[1, 2, True]]
    """
    keys = _keys(key)
    key_kinds = dict(key_kinds or {})
    for name, frame in (("gold", gold), ("predicted", pred)):
        missing = [k for k in keys if k not in frame.columns]
        if missing:
            raise KeyError(f"{name} table lacks key column(s) {missing}")

    def keyed(df: pd.DataFrame) -> pd.DataFrame:
        out = df.copy()
        for k in keys:
            kind = key_kinds.get(k)
            out[f"_k_{k}"] = out[k].map(lambda v, kind=kind: normalise_scalar(v, kind) if kind else v)
        return out

    g, p = keyed(gold), keyed(pred)
    kcols = [f"_k_{k}" for k in keys]
    dup = p.duplicated(kcols, keep=False)
    if dup.any():
        raise ValueError(f"predicted table has {int(dup.sum())} rows with duplicate keys {keys}")
    g = g.rename(columns={c: f"{c}_gold" for c in g.columns if c not in kcols})
    p = p.rename(columns={c: f"{c}_pred" for c in p.columns if c not in kcols}).assign(_matched=True)
    merged = g.merge(p, on=kcols, how="left")
    merged["_matched"] = merged["_matched"].eq(True)
    for k in keys:  # keep gold's spelling of the key
        merged[k] = merged[f"{k}_gold"]
    return merged


def _col(merged: pd.DataFrame, field: str, side: str) -> pd.Series:
    name = f"{field}_{side}"
    if name in merged.columns:
        return merged[name]
    if side == "pred":
        return pd.Series([None] * len(merged), index=merged.index, dtype=object)
    raise KeyError(f"gold table has no column {field!r}")


# ----------------------------------------------------------------------------- scores

def score_scalars(pred: pd.DataFrame, gold: pd.DataFrame, key: str | Sequence[str],
                  fields: Mapping[str, str], *, skip_missing_gold: Iterable[str] = (),
                  key_kinds: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Exact-match accuracy per scalar field: columns field, kind, n, correct, accuracy.

    ``fields`` maps a column to its normalisation kind. Rows whose gold value is missing are
    left out for the fields named in ``skip_missing_gold`` and compared (missing = missing)
    for the others.

    >>> g = pd.DataFrame({"id": [1, 2, 3], "n": [2, None, 1]})
    >>> p = pd.DataFrame({"id": [1, 2], "n": [2, 5]})
    >>> score_scalars(p, g, "id", {"n": "int"}, skip_missing_gold=["n"])[["n", "correct"]].values.tolist()
    [[2, 1]]
    """
    merged = align(pred, gold, key, key_kinds)
    skip = set(skip_missing_gold)
    rows = []
    for field, kind in fields.items():
        # plain lists: mapping an extension column would turn None back into pd.NA
        g = [normalise_scalar(v, kind) for v in _col(merged, field, "gold")]
        p = [normalise_scalar(v, kind) for v in _col(merged, field, "pred")]
        use = pd.Series(True, index=merged.index)
        if field in skip:
            use = pd.Series([not _is_missing(v) for v in _col(merged, field, "gold")], index=merged.index)
        ok = [(gv == pv) and m for gv, pv, m in zip(g, p, merged["_matched"])]
        ok = pd.Series(ok, index=merged.index)[use]
        n = int(use.sum())
        correct = int(ok.sum())
        rows.append({"field": field, "kind": kind, "n": n, "correct": correct,
                     "accuracy": correct / n if n else float("nan")})
    return pd.DataFrame(rows, columns=["field", "kind", "n", "correct", "accuracy"])


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; an empty prediction of an empty truth scores 1.

    >>> prf(2, 0, 1)
    (1.0, 0.6666666666666666, 0.8)
    >>> prf(0, 0, 0)
    (1.0, 1.0, 1.0)
    """
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_sets(pred: pd.DataFrame, gold: pd.DataFrame, key: str | Sequence[str],
               fields: Mapping[str, Callable[[str], str]], *,
               key_kinds: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Micro precision/recall/F1 per set field: columns field, n, tp, fp, fn, precision,
    recall, f1, exact (share of rows whose whole set is right).

    ``fields`` maps a column to the item-key function (``item_key``, ``statute_key``, ...).

    >>> g = pd.DataFrame({"id": [1, 2], "c": ["Malaysia", ""]})
    >>> p = pd.DataFrame({"id": [1, 2], "c": [["malaysia", "Singapore"], []]})
    >>> score_sets(p, g, "id", {"c": item_key})[["tp", "fp", "fn", "exact"]].values.tolist()
    [[1.0, 1.0, 0.0, 0.5]]
    """
    merged = align(pred, gold, key, key_kinds)
    rows = []
    for field, keyfn in fields.items():
        g = [normalise_set(v, keyfn) for v in _col(merged, field, "gold")]
        p = [normalise_set(v, keyfn) if m else frozenset()
             for v, m in zip(_col(merged, field, "pred"), merged["_matched"])]
        tp = sum(len(a & b) for a, b in zip(g, p))
        fp = sum(len(b - a) for a, b in zip(g, p))
        fn = sum(len(a - b) for a, b in zip(g, p))
        exact = sum((a == b) and m for a, b, m in zip(g, p, merged["_matched"]))
        precision, recall, f1 = prf(tp, fp, fn)
        n = len(merged)
        rows.append({"field": field, "n": n, "tp": tp, "fp": fp, "fn": fn, "precision": precision,
                     "recall": recall, "f1": f1, "exact": exact / n if n else float("nan")})
    return pd.DataFrame(rows, columns=["field", "n", "tp", "fp", "fn", "precision", "recall", "f1", "exact"])


def mismatches(pred: pd.DataFrame, gold: pd.DataFrame, key: str | Sequence[str],
               scalar_fields: Mapping[str, str] | None = None,
               set_fields: Mapping[str, Callable[[str], str]] | None = None, *,
               skip_missing_gold: Iterable[str] = (),
               key_kinds: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per wrong value: the key columns, field, gold, predicted (raw values), and for
    set fields the items missed and the items added. A gold row with no prediction gives one
    row with field ``<row>``.

    >>> g = pd.DataFrame({"id": [1, 2], "court": ["PN A", "PN B"]})
    >>> p = pd.DataFrame({"id": [1], "court": ["PN X"]})
    >>> mismatches(p, g, "id", {"court": "text"})[["id", "field", "gold", "predicted"]].values.tolist()
    [[1, 'court', 'PN A', 'PN X'], [2, '<row>', 'present', 'missing']]
    """
    keys = _keys(key)
    merged = align(pred, gold, key, key_kinds)
    skip = set(skip_missing_gold)
    out = []
    for i, row in merged.iterrows():
        ident = {k: row[k] for k in keys}
        if not row["_matched"]:
            out.append({**ident, "field": "<row>", "gold": "present", "predicted": "missing",
                        "missed": None, "added": None})
            continue
        for field, kind in (scalar_fields or {}).items():
            gv, pv = _col(merged, field, "gold")[i], _col(merged, field, "pred")[i]
            if field in skip and _is_missing(gv):
                continue
            if normalise_scalar(gv, kind) != normalise_scalar(pv, kind):
                out.append({**ident, "field": field, "gold": gv, "predicted": pv,
                            "missed": None, "added": None})
        for field, keyfn in (set_fields or {}).items():
            gv, pv = _col(merged, field, "gold")[i], _col(merged, field, "pred")[i]
            a, b = normalise_set(gv, keyfn), normalise_set(pv, keyfn)
            if a != b:
                out.append({**ident, "field": field, "gold": ";".join(sorted(a)),
                            "predicted": ";".join(sorted(b)),
                            "missed": ";".join(sorted(a - b)), "added": ";".join(sorted(b - a))})
    return pd.DataFrame(out, columns=[*keys, "field", "gold", "predicted", "missed", "added"])


def summary(scalar_scores: pd.DataFrame | None = None, set_scores: pd.DataFrame | None = None,
            targets: Mapping[str, float] | None = None) -> pd.DataFrame:
    """One table of every field's headline score (accuracy for scalars, F1 for sets), with the
    target and whether it is met when ``targets`` names the field.

    >>> sc = pd.DataFrame({"field": ["court"], "kind": ["text"], "n": [4], "correct": [3], "accuracy": [0.75]})
    >>> summary(sc, targets={"court": 0.95})[["field", "metric", "score", "met"]].values.tolist()
    [['court', 'accuracy', 0.75, False]]
    """
    parts = []
    if scalar_scores is not None and len(scalar_scores):
        parts.append(pd.DataFrame({"field": scalar_scores["field"], "metric": "accuracy",
                                   "n": scalar_scores["n"], "score": scalar_scores["accuracy"]}))
    if set_scores is not None and len(set_scores):
        parts.append(pd.DataFrame({"field": set_scores["field"], "metric": "f1",
                                   "n": set_scores["n"], "score": set_scores["f1"]}))
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["field", "metric", "n", "score"])
    targets = dict(targets or {})
    out["target"] = out["field"].map(targets).astype(float)
    out["met"] = [bool(s >= t) if not math.isnan(t) else None for s, t in zip(out["score"], out["target"])]
    return out


# ----------------------------------------------------------------------------- court-decision gold set
#
# The gold set under tests/gold/ (see its README) is keyed by source file; the extractor's
# tables are keyed by case and carry ``source_file`` on ``cases``. The functions below bring
# the two to the same shape and score them with the generic functions above.

CASE_SCALARS = {"case_id": "id", "court": "text", "decision_date": "date", "n_defendants": "int",
                "n_victims": "int", "is_migrant_worker_case": "bool"}
CASE_SETS = {"laws": statute_key, "destination_countries": item_key}
DEFENDANT_SCALARS = {"sex": "text", "age": "int", "verdict": "text", "sentence_months": "months",
                     "fine_idr": "amount", "fine_substitute_months": "months", "restitution_idr": "amount"}
# Targets of the issue "Foundation and case data" (item 7): exact match on these scalars,
# F1 on the set fields.
CASE_TARGETS = {"case_id": 0.95, "court": 0.95, "decision_date": 0.95, "n_defendants": 0.95,
                "sentence_months": 0.95, "fine_idr": 0.95, "laws": 0.90, "destination_countries": 0.90}


def company_key(item: str) -> str:
    """Company names compared without dots, legal-form spacing or case.

    >>> company_key("PT. INDO CRUISE  SUMATERA") == company_key("PT Indo Cruise Sumatera")
    True
    """
    return item_key(re.sub(r"[.,]", " ", item))


def load_case_gold(gold_dir=None) -> dict[str, pd.DataFrame]:
    """The hand-annotated gold tables: ``decisions``, ``defendants``, ``mentions`` (all text
    columns as strings, empty cells as missing)."""
    from pathlib import Path

    from analysis.config import project_root

    d = Path(gold_dir) if gold_dir else project_root() / "tests" / "gold"
    out = {}
    for name in ("decisions", "defendants", "mentions"):
        path = d / f"{name}_gold.csv"
        if not path.exists():
            raise FileNotFoundError(f"gold table missing: {path}")
        out[name] = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    return out


def _predicted_companies(tables: Mapping[str, pd.DataFrame], file_of_case: Mapping[str, str]) -> pd.DataFrame | None:
    """Companies per source file: from the ``cases`` list of each company in ``actors`` when
    the table has one, else from ``ties`` (companies tied to anything in a case)."""
    actors = tables.get("actors")
    if not isinstance(actors, pd.DataFrame) or actors.empty or not {"actor_id", "kind", "label"} <= set(actors.columns):
        return None
    companies = actors[actors["kind"] == "company"]
    per_case: dict[str, set] = {}
    if "cases" in companies.columns:
        for lab, cs in zip(companies["label"], companies["cases"]):
            for c in split_items(cs):
                per_case.setdefault(normalise_scalar(c, "id"), set()).add(lab)
    else:
        ties = tables.get("ties")
        if not isinstance(ties, pd.DataFrame) or not {"source_id", "target_id", "case_id"} <= set(ties.columns):
            return None
        label = dict(zip(companies["actor_id"], companies["label"]))
        for s, t, c in zip(ties["source_id"], ties["target_id"], ties["case_id"]):
            for a in (s, t):
                if a in label:
                    per_case.setdefault(normalise_scalar(c, "id"), set()).add(label[a])
    rows = [{"source_file": f, "companies": sorted(per_case.get(normalise_scalar(c, "id"), ()))}
            for c, f in file_of_case.items()]
    return pd.DataFrame(rows, columns=["source_file", "companies"])


@dataclass
class CaseEvaluation:
    """Scores of extracted case tables against the gold set.

    ``summary`` has one row per field (metric, n, score, target, met); ``cases`` and
    ``defendants`` are the detailed scalar tables; ``sets`` the set-field table;
    ``mismatches`` one row per wrong value (``table`` says which table); ``set_aside`` one
    row per gold file not scored field by field (a duplicate copy, or a court order that is
    not a verdict) with whether the extractor recognised it.
    """

    summary: pd.DataFrame
    cases: pd.DataFrame
    defendants: pd.DataFrame
    sets: pd.DataFrame
    mismatches: pd.DataFrame
    set_aside: pd.DataFrame

    @property
    def all_targets_met(self) -> bool:
        met = self.summary["met"].dropna()
        return bool(len(met)) and bool(met.all())


def evaluate_cases(tables: Mapping[str, pd.DataFrame], gold: Mapping[str, pd.DataFrame]) -> CaseEvaluation:
    """Score ``process_decisions`` output (``cases``, ``defendants``, optionally ``rejects``,
    ``actors``, ``ties``) against the gold set from ``load_case_gold``.

    Gold rows of duplicate files (``duplicate_of`` set) are scored only on whether the copy
    was recognised (a ``cases`` row with ``duplicate_of`` filled or a ``rejects`` row naming
    the original); court orders (``document`` = ``order``) only on being kept or rejected
    with a reason. Every other gold decision is scored field by field. Defendants are matched by
    source file and order of appearance in the decision.
    """
    cases = tables.get("cases")
    if not isinstance(cases, pd.DataFrame) or "source_file" not in cases.columns:
        raise KeyError("predicted tables need a 'cases' table with a 'source_file' column")
    g_cases = gold["decisions"]
    is_dup = g_cases["duplicate_of"].notna()
    is_order = g_cases["document"].eq("order") if "document" in g_cases.columns else pd.Series(False, index=g_cases.index)
    g_main = g_cases[~is_dup & ~is_order]
    pred = cases.copy()
    pred["source_file"] = pred["source_file"].map(lambda p: str(p).replace("\\", "/").rsplit("/", 1)[-1])
    pred_main = pred[pred["source_file"].isin(set(g_main["source_file"]))]

    c_scores = score_scalars(pred_main, g_main, "source_file", CASE_SCALARS, skip_missing_gold=["n_victims"])
    set_fields = dict(CASE_SETS)
    g_sets = g_main.copy()
    p_sets = pred_main.copy()
    file_of_case = dict(zip(pred_main.get("case_id", pd.Series(dtype=object)), pred_main["source_file"]))
    companies = _predicted_companies(tables, file_of_case)
    if companies is not None:
        m = gold["mentions"]
        comp = m[m["kind"] == "company"].groupby("source_file")["company"].apply(lambda s: ";".join(s))
        g_sets["companies"] = g_sets["source_file"].map(comp).fillna("")
        p_sets = p_sets.merge(companies, on="source_file", how="left")
        set_fields["companies"] = company_key
    s_scores = score_sets(p_sets, g_sets, "source_file", set_fields)
    mm_cases = mismatches(p_sets, g_sets, "source_file", CASE_SCALARS, set_fields,
                          skip_missing_gold=["n_victims"]).assign(table="cases")

    # defendants: (source_file, order within the decision)
    g_def = gold["defendants"]
    g_def = g_def[g_def["source_file"].isin(set(g_main["source_file"]))].copy()
    g_def["defendant_no"] = g_def["defendant_no"].astype(int)
    p_def = tables.get("defendants")
    if isinstance(p_def, pd.DataFrame) and "case_id" in p_def.columns and "case_id" in pred_main.columns:
        file_by_id = {normalise_scalar(c, "id"): f for c, f in zip(pred_main["case_id"], pred_main["source_file"])}
        p_def = p_def.copy()
        p_def["source_file"] = p_def["case_id"].map(lambda c: file_by_id.get(normalise_scalar(c, "id")))
        p_def = p_def[p_def["source_file"].notna()]
        order = p_def.groupby("source_file").cumcount() + 1
        if "defendant_no" in p_def.columns:  # the extractor's own numbering, where it gives one
            order = pd.to_numeric(p_def["defendant_no"], errors="coerce").fillna(order)
        p_def["defendant_no"] = order.astype(int)
    else:
        p_def = pd.DataFrame(columns=["source_file", "defendant_no"])
    d_scores = score_scalars(p_def, g_def, ["source_file", "defendant_no"], DEFENDANT_SCALARS,
                             skip_missing_gold=["verdict", "age", "sex"])
    mm_def = mismatches(p_def, g_def, ["source_file", "defendant_no"], DEFENDANT_SCALARS,
                        skip_missing_gold=["verdict", "age", "sex"]).assign(table="defendants")

    # files set aside: duplicate copies (recognised as copies) and court orders that are not
    # verdicts (recognised when kept as a case or rejected with a reason)
    rejects = tables.get("rejects")
    rejected, rejected_as_copy = set(), set()
    if isinstance(rejects, pd.DataFrame) and "source" in rejects.columns:
        names = rejects["source"].map(lambda v: str(v).replace("\\", "/").rsplit("/", 1)[-1])
        if "duplicate_of" in rejects.columns:
            as_copy = rejects["duplicate_of"].notna()
        else:
            as_copy = rejects.get("reason", pd.Series("", index=rejects.index)).astype(str).str.contains("duplicate", case=False)
        rejected, rejected_as_copy = set(names), set(names[as_copy])
    aside = []
    for f, orig, dup, order in zip(g_cases["source_file"], g_cases["duplicate_of"], is_dup, is_order):
        if not (dup or order):
            continue
        row = pred[pred["source_file"] == f]
        if dup:
            flagged = bool(len(row)) and "duplicate_of" in row.columns and row["duplicate_of"].notna().any()
            aside.append({"source_file": f, "kind": "duplicate", "duplicate_of": orig,
                          "recognised": flagged or f in rejected_as_copy})
        else:
            aside.append({"source_file": f, "kind": "order", "duplicate_of": None,
                          "recognised": bool(len(row)) or f in rejected})
    set_aside = pd.DataFrame(aside, columns=["source_file", "kind", "duplicate_of", "recognised"])

    scalars = pd.concat([c_scores.assign(table="cases"), d_scores.assign(table="defendants")], ignore_index=True)
    summ = summary(scalars, s_scores.assign(table="cases"), CASE_TARGETS)
    summ.insert(0, "table", list(scalars["table"]) + ["cases"] * len(s_scores))
    mm = pd.concat([mm_cases, mm_def], ignore_index=True)
    mm["defendant_no"] = pd.array(mm.get("defendant_no", pd.Series([None] * len(mm))), dtype="Int64")
    mm = mm[["table", "source_file", "defendant_no", "field", "gold", "predicted", "missed", "added"]]
    return CaseEvaluation(summary=summ, cases=c_scores, defendants=d_scores, sets=s_scores,
                          mismatches=mm, set_aside=set_aside)
