"""Pairwise precision and recall of the linker against hand-annotated pairs of mentions.

The gold file (``tests/gold/link_gold.csv``) names each mention only by source file and raw
character offsets, never by name. A gold mention is matched to the extracted mention or
entity whose evidence span overlaps it most in the same file; the linker says "same" when
both sides carry the same ``actor_id``. A pair whose mention was not extracted at all counts
as a "different" answer (a miss for a true pair), so that recall also reflects extraction.

The baseline is exact match of the normalised name key (``names.person_key`` for people,
the company name without its legal form for companies): what linking by name alone gives.

>>> import pandas as pd
>>> gold = pd.DataFrame({"same": [1, 1, 0, 0]})
>>> pairwise_scores(gold, pd.Series([True, False, True, False]))
{'pairs': 4, 'tp': 1, 'fp': 1, 'fn': 1, 'tn': 1, 'precision': 0.5, 'recall': 0.5}
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.link.companies import company_core

GOLD_COLUMNS = ["pair_id", "kind", "file_a", "start_a", "end_a", "file_b", "start_b", "end_b", "same", "note"]
_EV = re.compile(r"^(?P<file>.+):(?P<s>\d+)-(?P<e>\d+)$")


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read and check the gold pairs; a malformed row is an error, not a skipped row."""
    df = pd.read_csv(path, dtype={"file_a": str, "file_b": str, "kind": str, "note": str})
    missing = set(GOLD_COLUMNS) - set(df.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    bad = df.loc[~df["same"].isin([0, 1]) | (df["start_a"] >= df["end_a"]) | (df["start_b"] >= df["end_b"])]
    if len(bad):
        raise ValueError(f"{path}: bad rows {bad['pair_id'].tolist()}")
    return df


def span_index(mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Every evidence span (file, start, end) with its actor_id and name key, from mentions and entities."""
    rows = []
    for df in (mentions, entities):
        if df is None or not len(df) or "actor_id" not in df:
            continue
        for ev, actor, key, kind in zip(df["evidence"], df["actor_id"], df["key"], df["kind"]):
            m = _EV.match(ev) if isinstance(ev, str) else None
            if m and isinstance(actor, str):
                rows.append((m["file"], int(m["s"]), int(m["e"]), actor, key, kind))
    return pd.DataFrame(rows, columns=["file", "start", "end", "actor_id", "key", "kind"])


def lookup(index: pd.DataFrame, file: str, start: int, end: int, kind: str | None = None) -> pd.Series | None:
    """The span in ``index`` (of ``kind``, if given) that overlaps ``[start, end)`` of ``file`` most
    (the shortest on ties)."""
    cand = index.loc[(index["file"] == file) & (index["start"] < end) & (index["end"] > start)]
    if kind is not None:
        cand = cand.loc[cand["kind"] == kind]
    if not len(cand):
        return None
    overlap = cand[["end"]].clip(upper=end)["end"] - cand[["start"]].clip(lower=start)["start"]
    order = pd.DataFrame({"o": overlap, "len": cand["end"] - cand["start"]}).sort_values(["o", "len"],
                                                                                       ascending=[False, True])
    return cand.loc[order.index[0]]


def _baseline_key(row: pd.Series) -> str:
    return company_core(row["key"]) if row["kind"] == "company" else row["key"]


def predict(gold: pd.DataFrame, index: pd.DataFrame) -> pd.DataFrame:
    """For each gold pair: the linker's answer (same actor) and the baseline's (same exact key)."""
    out = []
    for r in gold.itertuples(index=False):
        a = lookup(index, r.file_a, r.start_a, r.end_a, r.kind)
        b = lookup(index, r.file_b, r.start_b, r.end_b, r.kind)
        found = a is not None and b is not None
        out.append({"pair_id": r.pair_id, "found": found,
                    "linker": bool(found and a["actor_id"] == b["actor_id"]),
                    "baseline": bool(found and _baseline_key(a) and _baseline_key(a) == _baseline_key(b))})
    return pd.DataFrame(out)


def pairwise_scores(gold: pd.DataFrame, said_same: pd.Series) -> dict:
    """Counts and pairwise precision/recall (``nan`` when undefined)."""
    truth = gold["same"].astype(bool).to_numpy()
    said = pd.Series(said_same).astype(bool).to_numpy()
    tp = int((truth & said).sum())
    fp = int((~truth & said).sum())
    fn = int((truth & ~said).sum())
    tn = int((~truth & ~said).sum())
    return {"pairs": len(truth), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else float("nan"),
            "recall": tp / (tp + fn) if tp + fn else float("nan")}
